import { useEffect, useMemo, useReducer, useRef } from 'react';
import {
  classroomReducer,
  initialClassroomState,
  parsePreferences,
  PREFERENCES_KEY,
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

  useEffect(() => {
    const root = document.documentElement;
    if (state.theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = state.theme;
  }, [state.theme]);

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
