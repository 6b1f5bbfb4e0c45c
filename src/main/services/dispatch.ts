import {
  apiRequestSchemas,
  type ApiChannel,
  type ApiError,
  type ApiHandlers,
  type ApiResponse,
  type ApiResult,
} from '../../shared/contract/api.js';

/**
 * An error whose message is written for the person using the app (what went wrong, with which
 * file, and what to do). Anything else thrown by a handler is reported as an unexpected failure.
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly code: ApiError['code'] = 'failed',
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export function isApiChannel(channel: unknown): channel is ApiChannel {
  return typeof channel === 'string' && Object.hasOwn(apiRequestSchemas, channel);
}

/**
 * Validate a request that arrived from the page and run its handler.
 *
 * This is the one entry point for every request, used by Electron's `ipcMain.handle` and by the
 * end-to-end tests alike: only the transport differs. It never throws.
 */
export async function dispatch(
  handlers: ApiHandlers,
  channel: unknown,
  request: unknown,
  onUnexpected: (error: unknown) => void = (error) => console.error(error),
): Promise<ApiResult<ApiResponse<ApiChannel>>> {
  if (!isApiChannel(channel)) {
    return { ok: false, error: { code: 'invalid-request', message: `Unknown request "${String(channel)}".` } };
  }
  const parsed = apiRequestSchemas[channel].safeParse(request ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    return {
      ok: false,
      error: { code: 'invalid-request', message: `The request "${channel}" was not valid${where}: ${issue?.message ?? 'bad input'}.` },
    };
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<ApiResponse<ApiChannel>>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof UserFacingError) {
      return { ok: false, error: { code: error.code, message: error.message } };
    }
    onUnexpected(error);
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'failed', message: `Something went wrong: ${detail}` } };
  }
}
