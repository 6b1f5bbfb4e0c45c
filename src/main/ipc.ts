import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_CHANNELS, type ApiHandlers, type ApiResult } from '../shared/contract/api.js';
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

/**
 * One `ipcMain.handle` per channel of the contract. Each checks who is asking, then `dispatch()`
 * validates the request and runs the handler; nothing is thrown back across the boundary.
 */
export function registerApi(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: ApiHandlers,
  isAppPageUrl: (url: string) => boolean,
): void {
  for (const channel of API_CHANNELS) {
    ipcMain.handle(channel, async (event, request: unknown) => {
      if (!isTrustedSender(event, isAppPageUrl)) {
        console.warn(`Parallax refused "${channel}" from ${event.senderFrame?.url ?? 'a closed frame'}.`);
        return REFUSED;
      }
      return dispatch(handlers, channel, request);
    });
  }
}
