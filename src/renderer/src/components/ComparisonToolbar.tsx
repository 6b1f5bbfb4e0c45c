import { useId, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import type { DifferenceKind } from '../../../shared/contract/comparison';
import { DIFFERENCE_KIND_NAMES, KIND_LINES, LEGEND_ORDER } from '../lib/differenceKinds';
import { ROOMY_SCREEN } from '../lib/screen';
import { LAYOUT_BAR_SLOT_ID } from './LayoutTabs';
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

/** Whether a media query matches now, following it as the window changes. */
function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => (typeof window.matchMedia === 'function' ? window.matchMedia(query).matches : true),
  );
}

/** The layout bar's place for the view's own controls, once it is in the page (absent: none). */
function useLayoutBarSlot(): HTMLElement | null {
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => {
    // The slot is another component's element, in the page only once this commit is: one more
    // render, before anything is painted, moves the button there.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSlot(document.getElementById(LAYOUT_BAR_SLOT_ID));
  }, []);
  return slot;
}

/**
 * What was found, a key to the marks with a toggle per kind of difference, the sources to go to,
 * linked scrolling and the Matching setting: lines above the columns, folded behind one disclosure
 * button, "Key & tools", which sits in the layout bar beside the tabs. None of it is needed while
 * reading, so on a short screen (a 1280×720 projector) it starts folded and the text starts near
 * the top; on a tall one (ROOMY_SCREEN) it starts open. A kind hidden while folded is said beside
 * the button, so marks are never missing unexplained.
 */
/**
 * The person's last choice, open or folded, and on which kind of screen, for as long as the window
 * is open: the toolbar is made again when the view changes (Event, Claims, back to Columns), and it
 * must not fold or open itself then. Moved to another kind of screen, the screen decides again.
 */
let sessionChoice: { readonly roomy: boolean; readonly open: boolean } | null = null;

export function ComparisonToolbar(props: ComparisonToolbarProps) {
  const { kindCounts, hiddenKinds } = props;
  const roomy = useMediaQuery(ROOMY_SCREEN);
  // The person's choice, once they made one; until then the screen decides.
  const [choice, setChoice] = useState<{ readonly roomy: boolean; readonly open: boolean } | null>(sessionChoice);
  const expanded = choice && choice.roomy === roomy ? choice.open : roomy;
  const panelId = useId();
  const slot = useLayoutBarSlot();
  const hidden = LEGEND_ORDER.filter((kind) => (kindCounts[kind] ?? 0) > 0 && hiddenKinds.has(kind)).length;

  const fold = (
    <div className="toolbar-fold">
      {!expanded && hidden > 0 && (
        <span className="toolbar-fold__hidden" title="Open Key & tools to show them again">
          {hidden === 1 ? '1 kind hidden' : `${hidden} kinds hidden`}
        </span>
      )}
      <button
        type="button"
        className="button toolbar-fold__button"
        aria-expanded={expanded}
        aria-controls={panelId}
        title="The key to the marks and which kinds are shown, the sources, linked scrolling and the Matching setting"
        onClick={() => {
          sessionChoice = { roomy, open: !expanded };
          setChoice(sessionChoice);
        }}
      >
        Key &amp; tools
        <svg className="toolbar-fold__chevron" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
    </div>
  );

  return (
    <>
      {slot ? createPortal(fold, slot) : fold}
      <ToolbarLines {...props} id={panelId} hidden={!expanded} />
    </>
  );
}

/** Lines above the columns: what was found, a key to the marks, and a toggle per kind of difference. */
function ToolbarLines(props: ComparisonToolbarProps & { readonly id: string; readonly hidden: boolean }) {
  const { sourceLabels, onJump, sourceCount, passageCount, differenceCount, hasSelection, kindCounts, hiddenKinds } = props;
  return (
    <div id={props.id} className="toolbar" hidden={props.hidden}>
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
