import { useCallback, useEffect, useMemo, useReducer, useRef, type Dispatch } from 'react';
import { initialState, reducer, type Action, type AppState } from '../state/appState';
import { useApi, type CallApi } from './useApi';
import { withRememberedPreferences } from './useView';

/**
 * Owns the page's state: the one reducer of state/appState.ts, and what every capability hook
 * (useComparison, useOpening, useSources, useNotes, useWordSets, useRecent, useStartup, useView)
 * is given to work with it. The capability hooks hold no state of their own beyond timers and
 * request counters; the state lives here, in one place.
 */

/** The tone of a message: errors are announced at once, the rest politely. */
export type Tone = 'error' | 'info';

/**
 * What a capability hook is given. It is the same object for the page's whole life, so the actions
 * built on it keep their identity from one render to the next (effects that depend on them do not
 * run again).
 */
export interface AppCore {
  /** Change the state; only the reducer does. */
  readonly dispatch: Dispatch<Action>;
  /** The state as last rendered, for code that runs later: a timer, an answer from main. */
  readonly latest: () => AppState;
  /** Ask main; a failure is told in the message area, titled with what was being done, and answers undefined. */
  readonly call: CallApi;
  /** Tell the person something in the message area. */
  readonly notify: (tone: Tone, title: string, detail?: string) => void;
}

export function useAppState(): { state: AppState; core: AppCore } {
  const [state, dispatch] = useReducer(reducer, initialState, withRememberedPreferences);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);
  const latest = useCallback(() => stateRef.current, []);

  const onFailure = useCallback((doing: string, message: string) => {
    dispatch({ type: 'message', message: { tone: 'error', title: doing, detail: message } });
  }, []);
  const call = useApi(onFailure);

  const notify = useCallback((tone: Tone, title: string, detail?: string) => {
    dispatch({ type: 'message', message: { tone, title, ...(detail ? { detail } : {}) } });
  }, []);

  const core = useMemo<AppCore>(() => ({ dispatch, latest, call, notify }), [call, latest, notify]);
  return { state, core };
}
