// A stand-in for the `electron` module, for loading the built main bundle under plain Node.
// It records what the app asks of Electron in `globalThis.__electronStub`; run-main.mjs reads it.
import { EventEmitter } from 'node:events';

const record = (globalThis.__electronStub = {
  setPath: [],
  singleInstanceLock: [],
  enableSandbox: false,
  handlers: {},
  listeners: {},
  windows: [],
  sent: [],
  session: {},
  menu: null,
  errors: [],
  quit: 0,
});

class StubApp extends EventEmitter {
  isPackaged = false;
  #paths = { userData: process.env.STUB_USER_DATA ?? '/nonexistent/user-data' };
  setPath(name, path) {
    record.setPath.push([name, path]);
    this.#paths[name] = path;
  }
  getPath(name) {
    return this.#paths[name];
  }
  getVersion() {
    return '0.0.0-stub';
  }
  requestSingleInstanceLock(additionalData) {
    record.singleInstanceLock.push(additionalData ?? null);
    return true;
  }
  enableSandbox() {
    record.enableSandbox = true;
  }
  whenReady() {
    return Promise.resolve();
  }
  quit() {
    record.quit++;
  }
  exit(code) {
    record.exitCode = code;
  }
}

class StubWebContents extends EventEmitter {
  windowOpenHandler = null;
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  send(channel, ...args) {
    record.sent.push([channel, ...args]);
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new StubWebContents();
    this.loaded = null;
    record.windows.push(this);
  }
  static getAllWindows() {
    return record.windows;
  }
  loadFile(file) {
    this.loaded = { file };
    return Promise.resolve();
  }
  loadURL(url) {
    this.loaded = { url };
    return Promise.resolve();
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isDestroyed() {
    return false;
  }
}

export const app = new StubApp();
export const ipcMain = {
  handle(channel, listener) {
    record.handlers[channel] = listener;
  },
  on(channel, listener) {
    record.listeners[channel] = listener;
  },
};
export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler) => (record.session.permissionRequest = handler),
    setPermissionCheckHandler: (handler) => (record.session.permissionCheck = handler),
    webRequest: {
      onBeforeRequest: (handler) => (record.session.beforeRequest = handler),
      onHeadersReceived: (handler) => (record.session.headersReceived = handler),
    },
  },
};
export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => (record.menu = menu),
};
export const dialog = {
  showErrorBox: (title, message) => record.errors.push({ title, message }),
  showMessageBox: async () => ({ response: 0 }),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
};
export const shell = {
  openExternal: async (url) => {
    record.openedExternal = url;
  },
};

export default { app, ipcMain, session, Menu, dialog, shell, BrowserWindow };
