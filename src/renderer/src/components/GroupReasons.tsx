import type { GroupReasons } from '../lib/groupReasons';
import type { ElsewhereReasons } from '../lib/toldElsewhere';

/**
 * "Why together?": a small disclosure wherever a passage is shown as a unit. The button opens the
 * panel (a plain button with aria-expanded, so Enter and Space work and the slide keys of
 * presentation mode leave it alone); the panel lists the sentence links that formed the passage.
 */

export interface WhyTogetherButtonProps {
  readonly expanded: boolean;
  /** The id of the panel the button opens. */
  readonly controls: string;
  /** The passage's number, for the button's accessible name. */
  readonly passage: number;
  readonly onToggle: () => void;
  readonly className?: string;
}

export function WhyTogetherButton({ expanded, controls, passage, onToggle, className }: WhyTogetherButtonProps) {
  return (
    <button
      type="button"
      className={`why-button${className ? ` ${className}` : ''}`}
      aria-expanded={expanded}
      aria-controls={controls}
      aria-label={`Why together? Passage ${passage}`}
      onClick={onToggle}
    >
      <span className="why-button__chevron" aria-hidden="true">
        {expanded ? '▾' : '▸'}
      </span>
      Why together?
    </button>
  );
}

export interface GroupReasonsPanelProps {
  readonly id: string;
  readonly passage: number;
  readonly reasons: GroupReasons;
  /** Where else the passage is told (its related links, see toldElsewhere): listed when there are any. */
  readonly elsewhere?: ElsewhereReasons;
  readonly className?: string;
}

/**
 * The sentence links of a passage, strongest first: who, which sentences, how alike, on what basis;
 * then, when a source also mentions its event outside the passage, where ("Also mentioned elsewhere").
 */
export function GroupReasonsPanel({ id, passage, reasons, elsewhere, className }: GroupReasonsPanelProps) {
  return (
    <div id={id} className={`reasons${className ? ` ${className}` : ''}`} data-passage={passage}>
      {reasons.identical ? (
        <p className="reasons__identical">
          <strong>Identical paragraphs.</strong> The sources print the same words here, so they were matched whole.
        </p>
      ) : (
        <>
          <p className="reasons__intro">
            Passage {passage} was formed from {reasons.total === 1 ? 'this pair of sentences' : `${reasons.total} pairs of sentences`}
            {reasons.total > 1 ? ', strongest first' : ''}.
          </p>
          <ol className="reasons__list" aria-label={`Sentence links of passage ${passage}`}>
            {reasons.rows.map((row) => (
              <li key={row.key} className="reason">
                <p className="reason__head">
                  <span className="reason__score">{row.percent}% alike</span>
                  {row.basisText && <span className={`reason__basis reason__basis--${row.basis}`}>{row.basisText}</span>}
                </p>
                <div className="reason__pair">
                  {[row.from, row.to].map((side, i) => (
                    <p key={i} className="reason__side">
                      <span className="reason__source">{side.label}</span>
                      <span className="reason__sentence" dir="auto">
                        {side.text}
                      </span>
                    </p>
                  ))}
                </div>
                {row.terms.length > 0 && (
                  <p className="reason__terms">
                    <InCommon terms={row.terms} />
                  </p>
                )}
              </li>
            ))}
          </ol>
          {reasons.more > 0 && <p className="reasons__more">and {reasons.more} more</p>}
        </>
      )}
      {elsewhere && elsewhere.rows.length > 0 && <AlsoToldElsewhere id={`${id}-elsewhere`} passage={passage} elsewhere={elsewhere} />}
    </div>
  );
}

/** "Also mentioned elsewhere": each source that mentions the passage's event outside it, where, and the words in common. */
function AlsoToldElsewhere({ id, passage, elsewhere }: { readonly id: string; readonly passage: number; readonly elsewhere: ElsewhereReasons }) {
  return (
    <div className="reasons__elsewhere">
      <p id={id} className="reasons__elsewhere-title">
        Also mentioned elsewhere
      </p>
      <ul className="elsewhere-list" aria-labelledby={id} data-passage={passage}>
        {elsewhere.rows.map((row) => (
          <li key={row.key} className="elsewhere-row">
            <span className="reason__source">{row.label}</span>
            <span className="visually-hidden">, </span>
            <span className="elsewhere-row__where">{row.where}</span>
            {row.terms.length > 0 && (
              <span className="elsewhere-row__terms">
                <span className="visually-hidden">. </span>
                <InCommon terms={row.terms} />
              </span>
            )}
          </li>
        ))}
      </ul>
      {elsewhere.more > 0 && <p className="reasons__more">and {elsewhere.more} more</p>}
    </div>
  );
}

/** "In common: a, b, c": the words two sentences share, read as a list by a screen reader. */
function InCommon({ terms }: { readonly terms: readonly string[] }) {
  return (
    <>
      <span className="reason__terms-label">In common:</span>{' '}
      {terms.map((term, i) => (
        <span key={term}>
          <span className="reason__term" dir="auto">
            {term}
          </span>
          {i < terms.length - 1 ? <span className="visually-hidden">, </span> : null}
        </span>
      ))}
    </>
  );
}
