import type { DifferenceKind } from '../../../shared/contract/comparison';
import { DIFFERENCE_KIND_NAMES, KIND_LINES, LEGEND_ORDER } from '../lib/differenceKinds';
import { StrictnessControl } from './StrictnessControl';

export interface ComparisonToolbarProps {
  readonly sourceLabels: readonly string[];
  /** Bring a source's column into view. */
  readonly onJump: (doc: number) => void;
  readonly sourceCount: number;
  readonly passageCount: number;
  readonly differenceCount: number;
  /** Whether a paragraph is selected (then the hint on how to select one goes). */
  readonly hasSelection: boolean;
  /** How alike paragraphs must be to be lined up (the strictness control), and its default. */
  readonly threshold: number;
  readonly defaultThreshold: number;
  readonly onThreshold: (value: number) => void;
  /** The setting the comparison on screen was made with (absent when unknown). */
  readonly comparedThreshold?: number;
  /** How many marked differences of each kind there are, which kinds are hidden, and a toggle. */
  readonly kindCounts: Readonly<Partial<Record<DifferenceKind, number>>>;
  readonly hiddenKinds: ReadonlySet<DifferenceKind>;
  readonly onToggleKind: (kind: DifferenceKind) => void;
  /** Whether selecting a paragraph scrolls the other columns to its passage, and its switch. */
  readonly linkedScrolling?: boolean;
  readonly onLinkedScrolling?: (on: boolean) => void;
}

/** Lines above the columns: what was found, a key to the marks, and a toggle per kind of difference. */
export function ComparisonToolbar(props: ComparisonToolbarProps) {
  const { sourceLabels, onJump, sourceCount, passageCount, differenceCount, hasSelection, kindCounts, hiddenKinds } = props;
  return (
    <div className="toolbar">
      <div className="toolbar__line">
        <p className="toolbar__summary">
          <strong>{sourceCount} sources</strong> · {passageCount === 1 ? '1 shared passage' : `${passageCount} shared passages`} ·{' '}
          {differenceCount === 1 ? '1 difference' : `${differenceCount} differences`}
        </p>
        <nav className="source-nav" aria-label="Go to a source">
          {sourceLabels.map((label, doc) => (
            <button key={doc} type="button" className="source-nav__item" onClick={() => onJump(doc)} title={`Show ${label}`}>
              <span className="source-nav__number" aria-hidden="true">
                {doc + 1}
              </span>
              {label}
            </button>
          ))}
        </nav>
      </div>
      <div className="toolbar__line toolbar__line--key">
        <ul className="legend" aria-label="Key">
          <li className="legend__item">
            <span className="group-badge group-badge--sample" aria-hidden="true">
              1
            </span>
            Same report in other sources
          </li>
          <li className="legend__item">
            <span className="para__tag para__tag--sample">Only in this source</span>
          </li>
          {!hasSelection && <li className="legend__item legend__item--hint">Select a paragraph to line up the sources and add notes</li>}
        </ul>
        {props.onLinkedScrolling && (
          <label className="switch" title="Selecting a paragraph scrolls the other columns to the same passage">
            <input
              type="checkbox"
              role="switch"
              className="switch__input"
              checked={props.linkedScrolling ?? true}
              onChange={(event) => props.onLinkedScrolling?.(event.target.checked)}
            />
            <span className="switch__track" aria-hidden="true" />
            Linked scrolling
          </label>
        )}
        <StrictnessControl
          value={props.threshold}
          defaultValue={props.defaultThreshold}
          onChange={props.onThreshold}
          passages={passageCount}
          {...(props.comparedThreshold !== undefined ? { comparedAt: props.comparedThreshold } : {})}
        />
      </div>
      <div className="toolbar__line toolbar__line--kinds">
        <span id="kind-legend-label" className="legend__label">
          Differences
        </span>
        <div className="kind-toggles" role="group" aria-labelledby="kind-legend-label">
          {LEGEND_ORDER.filter((kind) => (kindCounts[kind] ?? 0) > 0).map((kind) => {
            const shown = !hiddenKinds.has(kind);
            const name = DIFFERENCE_KIND_NAMES[kind];
            return (
              <button
                key={kind}
                type="button"
                className="kind-toggle"
                data-kind={kind}
                aria-pressed={shown}
                title={`${shown ? 'Hide' : 'Show'} the ${name.toLowerCase()} marks (${KIND_LINES[kind]})`}
                onClick={() => props.onToggleKind(kind)}
              >
                <mark className={`diff diff--${kind} kind-toggle__sample`} aria-hidden="true">
                  Ab
                </mark>
                {name}
                <span className="kind-toggle__count">{kindCounts[kind]}</span>
              </button>
            );
          })}
        </div>
      </div>
    </div>
  );
}
