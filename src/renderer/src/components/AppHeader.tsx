import type { View } from '../state/appState';
import { THEME_CHOICES, THEME_NAMES, type ThemeChoice } from '../state/classroomState';

export interface AppHeaderProps {
  readonly view: View;
  readonly hasComparison: boolean;
  /** Whether there is a comparison to present (not while the sources of a new one are only previewed); `hasComparison` when absent. */
  readonly canPresent?: boolean;
  /** What is open, shown beside the name ("5 sources: …"). */
  readonly busy: string | null;
  readonly onShowComparison: () => void;
  readonly onShowRecent: () => void;
  readonly onShowWordSets: () => void;
  readonly onOpenFiles: () => void;
  readonly onOpenSample: () => void;
  readonly onPaste: () => void;
  readonly onTextSize: (change: 'in' | 'out' | 'reset') => void;
  /** The text size as a percentage of the default. */
  readonly textScale: number;
  /** Blind mode: whether it is on, and turning it on or off. */
  readonly blind: boolean;
  readonly onBlind: (on: boolean) => void;
  readonly theme: ThemeChoice;
  readonly onTheme: (theme: ThemeChoice) => void;
  /** Start presentation mode (one passage at a time, for a projector). */
  readonly onPresent: () => void;
}

/** The bar across the top: the app's name, where you are, and what you can open. */
export function AppHeader(props: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <svg className="app-header__logo" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          <rect x="3" y="4" width="7" height="16" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <rect x="14" y="4" width="7" height="16" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M5.5 9h2M5.5 12h2M16.5 10h2M16.5 13h2" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
        <span className="app-header__name">Parallax</span>
      </div>

      <nav className="app-header__nav" aria-label="Views">
        <button
          type="button"
          className="tab"
          aria-current={props.view === 'comparison' ? 'page' : undefined}
          disabled={!props.hasComparison}
          onClick={props.onShowComparison}
        >
          Comparison
        </button>
        <button type="button" className="tab" aria-current={props.view === 'recent' ? 'page' : undefined} onClick={props.onShowRecent}>
          Recent
        </button>
        <button type="button" className="tab" aria-current={props.view === 'lexicon' ? 'page' : undefined} onClick={props.onShowWordSets}>
          Word sets
        </button>
      </nav>

      <p className="app-header__status" aria-live="polite">
        {/* Only what is happening: the comparison on screen is named by the toolbar and the window title. */}
        {props.busy ?? ''}
      </p>

      <div className="app-header__actions">
        <div className="text-size" role="group" aria-label="Text size">
          <button type="button" className="button button--quiet" onClick={() => props.onTextSize('out')} aria-label="Smaller text">
            <span aria-hidden="true" className="text-size__small">A</span>
          </button>
          <button type="button" className="button button--quiet" onClick={() => props.onTextSize('reset')} aria-label={`Reset text size (now ${props.textScale}%)`}>
            <span aria-hidden="true">{props.textScale}%</span>
          </button>
          <button type="button" className="button button--quiet" onClick={() => props.onTextSize('in')} aria-label="Larger text">
            <span aria-hidden="true" className="text-size__large">A</span>
          </button>
        </div>
        <label className="theme-picker">
          <span className="visually-hidden">Theme</span>
          <select className="select theme-picker__select" value={props.theme} onChange={(event) => props.onTheme(event.target.value as ThemeChoice)} title="Theme">
            {THEME_CHOICES.map((theme) => (
              <option key={theme} value={theme}>
                {theme === 'system' ? 'System colours' : THEME_NAMES[theme]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" data-present-button onClick={props.onPresent} disabled={!(props.canPresent ?? props.hasComparison)} title="One passage at a time, for a projector (F5)">
          Present
        </button>
        <button
          type="button"
          className="button toggle-button"
          aria-pressed={props.blind}
          onClick={() => props.onBlind(!props.blind)}
          title="Hide the sources' names behind Source A, B, C (Ctrl+Shift+B)"
        >
          Blind mode
        </button>
        <button type="button" className="button" onClick={props.onOpenSample}>
          Sample
        </button>
        <button type="button" className="button" onClick={props.onPaste} title="Add an article from the clipboard (or press Ctrl+V)">
          Paste article…
        </button>
        <button type="button" className="button button--primary" onClick={props.onOpenFiles}>
          Open files…
        </button>
      </div>
    </header>
  );
}
