export interface BlindBannerProps {
  /** Whether the real names are shown for now. */
  readonly revealed: boolean;
  readonly onReveal: (revealed: boolean) => void;
  readonly onTurnOff: () => void;
}

/**
 * The line under the header while blind mode is on: what it hides, what it cannot hide (names in
 * the articles' own words), and the Reveal that an instructor uses once the class has judged.
 */
export function BlindBanner({ revealed, onReveal, onTurnOff }: BlindBannerProps) {
  return (
    <section className={revealed ? 'blind-banner blind-banner--revealed' : 'blind-banner'} aria-label="Blind mode">
      <svg className="blind-banner__icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
        <path d="M2 10s3-5.5 8-5.5S18 10 18 10s-3 5.5-8 5.5S2 10 2 10z" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <circle cx="10" cy="10" r="2.4" fill="none" stroke="currentColor" strokeWidth="1.5" />
        {!revealed && <path d="M3.5 16.5l13-13" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />}
      </svg>
      <p className="blind-banner__text" aria-live="polite">
        {revealed ? (
          <>
            <strong>Names revealed.</strong> Blind mode is still on: hide the names again before the next comparison.
          </>
        ) : (
          <>
            <strong>Blind mode.</strong> Sources are shown as Source A, B, C…; their names, titles, bylines, dates and files are
            hidden. Names that appear in the articles’ own words are not.
          </>
        )}
      </p>
      <div className="blind-banner__actions">
        <button type="button" className="button button--small" onClick={() => onReveal(!revealed)}>
          {revealed ? 'Hide names' : 'Reveal names'}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onTurnOff}>
          Turn off blind mode
        </button>
      </div>
    </section>
  );
}
