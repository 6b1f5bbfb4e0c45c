import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { ApiChannel, ApiResult, MenuCommand, ParallaxBridge, MENU_CHANNEL as MenuChannelName } from '../shared/contract/api.js';

/**
 * The preload: the page's only way to the main process. It exposes `window.api`, exactly the
 * `ParallaxBridge` of the contract, and nothing else (no ipcRenderer, no process, no Node).
 *
 * The channel and command lists are spelled out here rather than imported, to keep the contract's
 * schemas (and zod) out of this small sandboxed script; `satisfies` makes the compiler check them
 * against the contract, both ways, and the bundle test checks them again.
 */
const channels = {
  'comparison:open': true,
  'comparison:openSample': true,
  'comparison:pending': true,
  'comparison:recent': true,
  'comparison:forget': true,
  'files:pick': true,
  'notes:list': true,
  'notes:save': true,
  'notes:delete': true,
  'app:status': true,
} as const satisfies Record<ApiChannel, true>;

const menuCommands = {
  'open-files': true,
  'open-sample': true,
  'open-pending': true,
  'show-recent': true,
  'zoom-in': true,
  'zoom-out': true,
  'zoom-reset': true,
} as const satisfies Record<MenuCommand, true>;

const MENU_CHANNEL: typeof MenuChannelName = 'menu:command';

const isChannel = (value: unknown): value is ApiChannel => typeof value === 'string' && Object.hasOwn(channels, value);
const isMenuCommand = (value: unknown): value is MenuCommand => typeof value === 'string' && Object.hasOwn(menuCommands, value);

const bridge: ParallaxBridge<File> = {
  invoke(channel, request) {
    if (!isChannel(channel)) {
      const refused: ApiResult<never> = {
        ok: false,
        error: { code: 'invalid-request', message: `Unknown request "${String(channel)}".` },
      };
      return Promise.resolve(refused);
    }
    return ipcRenderer.invoke(channel, request);
  },
  onMenuCommand(listener) {
    const relay = (_event: unknown, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, relay);
    };
  },
  pathForFile(file) {
    try {
      return webUtils.getPathForFile(file);
    } catch {
      return '';
    }
  },
};

contextBridge.exposeInMainWorld('api', bridge);
