/**
 * What the classroom needs of the page, beside the comparison itself: blind mode, the theme and
 * presentation mode. Kept apart from appState so that these settings, which are about how things
 * are shown and not about what is open, change in one small reducer.
 */

/** The themes a person can choose; `system` follows the operating system's light, dark and contrast settings. */
export const THEME_CHOICES = ['system', 'light', 'dark', 'contrast'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const THEME_NAMES: Readonly<Record<ThemeChoice, string>> = {
  system: 'Same as the system',
  light: 'Light',
  dark: 'Dark',
  contrast: 'High contrast',
};

/** The theme the system asks for: high contrast first (more contrast, or forced colours), then dark or light. */
export function systemTheme(moreContrast: boolean, dark: boolean): Exclude<ThemeChoice, 'system'> {
  if (moreContrast) return 'contrast';
  return dark ? 'dark' : 'light';
}

export interface ClassroomState {
  readonly theme: ThemeChoice;
  /**
   * Blind mode: sources are shown as "Source A", "Source B"… with their titles and metadata hidden,
   * so students judge the text, not the brand.
   */
  readonly blind: boolean;
  /** In blind mode, the real names are shown for now; another comparison hides them again. */
  readonly revealed: boolean;
  /** Presentation mode: one passage at a time, full window, large type. */
  readonly presenting: boolean;
  /** The dialog listing the keyboard shortcuts is open. */
  readonly shortcutsOpen: boolean;
}

export const initialClassroomState: ClassroomState = {
  theme: 'system',
  blind: false,
  revealed: false,
  presenting: false,
  shortcutsOpen: false,
};

export type ClassroomAction =
  | { type: 'theme'; theme: ThemeChoice }
  /** Blind mode on or off; names are hidden again either way. */
  | { type: 'blind'; on: boolean }
  /** Show the real names in blind mode, or hide them again. */
  | { type: 'reveal'; revealed: boolean }
  /** Another comparison is on screen: names revealed for the last one are hidden again. */
  | { type: 'comparisonChanged' }
  | { type: 'present'; on: boolean }
  | { type: 'shortcuts'; open: boolean };

export function classroomReducer(state: ClassroomState, action: ClassroomAction): ClassroomState {
  switch (action.type) {
    case 'theme':
      return state.theme === action.theme ? state : { ...state, theme: action.theme };
    case 'blind':
      return state.blind === action.on && !state.revealed ? state : { ...state, blind: action.on, revealed: false };
    case 'reveal':
      return state.blind && state.revealed !== action.revealed ? { ...state, revealed: action.revealed } : state;
    case 'comparisonChanged':
      return state.revealed ? { ...state, revealed: false } : state;
    case 'present':
      return state.presenting === action.on ? state : { ...state, presenting: action.on };
    case 'shortcuts':
      return state.shortcutsOpen === action.open ? state : { ...state, shortcutsOpen: action.open };
  }
}

/** Whether names are hidden now. */
export const namesHidden = (state: ClassroomState): boolean => state.blind && !state.revealed;

/** What is remembered between sessions (in the page's local storage): the theme and blind mode. */
export interface ClassroomPreferences {
  readonly theme: ThemeChoice;
  readonly blind: boolean;
}

export const PREFERENCES_KEY = 'parallax.classroom';

/** Read remembered preferences; anything missing or malformed falls back to the default. */
export function parsePreferences(raw: string | null): ClassroomPreferences {
  let value: unknown = null;
  try {
    value = raw ? JSON.parse(raw) : null;
  } catch {
    value = null;
  }
  const record = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const theme = THEME_CHOICES.includes(record.theme as ThemeChoice) ? (record.theme as ThemeChoice) : initialClassroomState.theme;
  return { theme, blind: record.blind === true };
}
