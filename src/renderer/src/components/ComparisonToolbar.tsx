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
}

/** A line above the columns: what was found, and a key to the marks. */
export function ComparisonToolbar(props: ComparisonToolbarProps) {
  const { sourceLabels, onJump, sourceCount, passageCount, differenceCount, hasSelection } = props;
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
            <mark className="diff">worded</mark> differently
          </li>
          <li className="legend__item">
            <span className="para__tag para__tag--sample">Only in this source</span>
          </li>
          {!hasSelection && <li className="legend__item legend__item--hint">Select a paragraph to line up the sources and add notes</li>}
        </ul>
        <StrictnessControl value={props.threshold} defaultValue={props.defaultThreshold} onChange={props.onThreshold} />
      </div>
    </div>
  );
}
