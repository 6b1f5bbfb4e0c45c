import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_CHANNELS, type ApiHandlers, type ApiResult } from '../shared/contract/api.js';
import { answerToParts } from '../shared/contract/comparison-wire.js';
import { dispatch } from './services/dispatch.js';

/** The answer to a request from anything but the app's own page. */
export const REFUSED: ApiResult<never> = {
  ok: false,
  error: { code: 'invalid-request', message: 'Parallax refused a request that did not come from its own window.' },
};

/** True when the request comes from the top frame of the app's own page. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, isAppPageUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame) return false; // the frame navigated away or was destroyed
  return frame.parent === null && isAppPageUrl(frame.url);
}

/** The answer to a request naming files the person did not choose. */
export function refusedPathsResult(paths: readonly string[]): ApiResult<never> {
  return {
    ok: false,
    error: {
      code: 'invalid-request',
      message: `Parallax opens only files you chose (with Open, by dropping them, or from the command line) and files it already knows, not ${paths.length === 1 ? `"${paths[0]}"` : `${paths.length} others`}. Open the file with Open files… instead.`,
    },
  };
}

/**
 * One `ipcMain.handle` per channel of the contract. Each checks who is asking, and (with
 * `refusedPaths`) that every file the request names is one the person chose, then `dispatch()`
 * validates the request and runs the handler; nothing is thrown back across the boundary. A
 * comparison in the answer goes as JSON text in parts (`answerToParts`, comparison-wire.ts).
 */
export function registerApi(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: ApiHandlers,
  isAppPageUrl: (url: string) => boolean,
  refusedPaths?: (request: unknown) => string[],
): void {
  for (const channel of API_CHANNELS) {
    ipcMain.handle(channel, async (event, request: unknown) => {
      if (!isTrustedSender(event, isAppPageUrl)) {
        console.warn(`Parallax refused "${channel}" from ${event.senderFrame?.url ?? 'a closed frame'}.`);
        return REFUSED;
      }
      const refused = refusedPaths?.(request) ?? [];
      if (refused.length > 0) {
        console.warn(`Parallax refused "${channel}" for files the person did not choose: ${refused.join(', ')}.`);
        return refusedPathsResult(refused);
      }
      // A comparison crosses in parts, for the page to put together without holding its window.
      return answerToParts(await dispatch(handlers, channel, request));
    });
  }
}
