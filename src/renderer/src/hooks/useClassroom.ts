import { useEffect, useMemo, useReducer, useRef } from 'react';
import {
  classroomReducer,
  initialClassroomState,
  parsePreferences,
  PREFERENCES_KEY,
  systemTheme,
  type ClassroomState,
  type ThemeChoice,
} from '../state/classroomState';

export interface ClassroomActions {
  setTheme(theme: ThemeChoice): void;
  setBlind(on: boolean): void;
  reveal(revealed: boolean): void;
  present(on: boolean): void;
  showShortcuts(open: boolean): void;
}

function readPreferences(): ClassroomState {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(PREFERENCES_KEY);
  } catch {
    // Storage can be unavailable (a locked-down profile): the defaults serve.
  }
  return { ...initialClassroomState, ...parsePreferences(raw) };
}

/**
 * Blind mode, the theme, presentation mode and the shortcuts dialog. The theme and blind mode are
 * remembered in the page's local storage; the theme is applied as `data-theme` on the root
 * element (none: follow the system), which tokens.css reads.
 *
 * `comparisonId`: the comparison on screen, so that names revealed for one are hidden for the next.
 */
export function useClassroom(comparisonId: string | undefined): { classroom: ClassroomState; classroomActions: ClassroomActions } {
  const [state, dispatch] = useReducer(classroomReducer, undefined, readPreferences);

  useEffect(() => {
    try {
      window.localStorage.setItem(PREFERENCES_KEY, JSON.stringify({ theme: state.theme, blind: state.blind }));
    } catch {
      // Not remembered this time; nothing else depends on it.
    }
  }, [state.theme, state.blind]);

  // The theme in use goes on the root as data-theme (tokens.css has one block per theme); the
  // system's choice is followed while it changes, for as long as the person has not chosen.
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.themeChoice = state.theme;
    // A projector washes a light page out: presentation mode shows light as high contrast.
    const showTheme = (theme: Exclude<ThemeChoice, 'system'>) => {
      root.dataset.theme = state.presenting && theme === 'light' ? 'contrast' : theme;
    };
    if (state.theme !== 'system') {
      showTheme(state.theme);
      return undefined;
    }
    if (typeof window.matchMedia !== 'function') {
      showTheme('light');
      return undefined;
    }
    const queries = [window.matchMedia('(prefers-contrast: more)'), window.matchMedia('(forced-colors: active)'), window.matchMedia('(prefers-color-scheme: dark)')];
    const apply = () => showTheme(systemTheme(queries[0]!.matches || queries[1]!.matches, queries[2]!.matches));
    apply();
    for (const query of queries) query.addEventListener('change', apply);
    return () => {
      for (const query of queries) query.removeEventListener('change', apply);
    };
  }, [state.theme, state.presenting]);

  const shownId = useRef(comparisonId);
  useEffect(() => {
    if (shownId.current === comparisonId) return;
    shownId.current = comparisonId;
    dispatch({ type: 'comparisonChanged' });
  }, [comparisonId]);

  const actions = useMemo<ClassroomActions>(
    () => ({
      setTheme: (theme) => dispatch({ type: 'theme', theme }),
      setBlind: (on) => dispatch({ type: 'blind', on }),
      reveal: (revealed) => dispatch({ type: 'reveal', revealed }),
      present: (on) => dispatch({ type: 'present', on }),
      showShortcuts: (open) => dispatch({ type: 'shortcuts', open }),
    }),
    [],
  );
  return { classroom: state, classroomActions: actions };
}
