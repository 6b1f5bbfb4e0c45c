import { useCallback, useEffect, useRef } from 'react';
import type { ApiChannel, ApiRequest, ApiResponse, ComparisonProgress, MenuCommand, SourceChange } from '../../../shared/contract/api';
import { valueFromParts } from '../../../shared/contract/comparison-wire';
import { glanceInBackground } from '../lib/glance';
import { pauseEvery } from '../lib/tasks';

/**
 * The only module that touches `window.api`. Everything else asks through these hooks, so that the
 * page's whole dependency on the main process can be read in one file.
 */

/** What a failed call tells the person: what was being done, and the error from main. */
export type ApiFailure = (doing: string, message: string) => void;

/**
 * A function that calls one channel and answers its value, or `undefined` after reporting the
 * error through `onFailure` (nothing is thrown).
 */
export type CallApi = <C extends ApiChannel>(channel: C, request: ApiRequest<C>, doing: string) => Promise<ApiResponse<C> | undefined>;

export function useApi(onFailure: ApiFailure): CallApi {
  const failure = useRef(onFailure);
  useEffect(() => {
    failure.current = onFailure;
  }, [onFailure]);

  return useCallback<CallApi>(async (channel, request, doing) => {
    if (typeof window.api?.invoke !== 'function') {
      failure.current(doing, 'Parallax could not reach its main process. Please restart the app.');
      return undefined;
    }
    try {
      const result = await window.api.invoke(channel, request);
      // A comparison comes as JSON text in parts, put together a part at a time (comparison-wire.ts).
      // A long one's story at a glance is worked out in a worker meanwhile, from the same parts.
      if (result.ok) return (await valueFromParts(result.value, pauseEvery(), glanceInBackground)) as ApiResponse<typeof channel>;
      // Cancelled by the person, or by a newer request: nothing went wrong, nothing to say.
      if (result.error.code === 'cancelled') return undefined;
      failure.current(doing, result.error.message);
    } catch (error) {
      failure.current(doing, error instanceof Error ? error.message : String(error));
    }
    return undefined;
  }, []);
}

/** Listen to the commands of the native menu while the component is mounted. */
export function useMenuCommands(onCommand: (command: MenuCommand) => void): void {
  const listener = useRef(onCommand);
  useEffect(() => {
    listener.current = onCommand;
  }, [onCommand]);

  useEffect(() => {
    if (typeof window.api?.onMenuCommand !== 'function') return undefined;
    return window.api.onMenuCommand((command) => listener.current(command));
  }, []);
}

/** Listen for sources of the open comparison changing or vanishing on disk while mounted. */
export function useSourceChanges(onChange: (change: SourceChange) => void): void {
  const listener = useRef(onChange);
  useEffect(() => {
    listener.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (typeof window.api?.onSourceChanged !== 'function') return undefined;
    return window.api.onSourceChanged((change) => listener.current(change));
  }, []);
}

/** Listen for how far the comparison being worked out has got, while mounted. */
export function useComparisonProgress(onProgress: (progress: ComparisonProgress) => void): void {
  const listener = useRef(onProgress);
  useEffect(() => {
    listener.current = onProgress;
  }, [onProgress]);

  useEffect(() => {
    if (typeof window.api?.onProgress !== 'function') return undefined;
    return window.api.onProgress((progress) => listener.current(progress));
  }, []);
}

/** The file system path of a dropped file, or '' when it has none (then it cannot be opened). */
export function pathForDroppedFile(file: File): string {
  try {
    return window.api?.pathForFile(file) ?? '';
  } catch {
    return '';
  }
}
