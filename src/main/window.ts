import { BrowserWindow } from 'electron';
import { hardenWebContents, type AppOrigin } from './security.js';

export interface MainWindowOptions {
  /** The built preload, out/preload/preload.cjs. */
  readonly preloadPath: string;
  readonly origin: AppOrigin;
  /** Developer tools are available in development only. */
  readonly allowDevTools: boolean;
}

/**
 * The single reading window: isolated, sandboxed, without Node, unable to navigate or open windows
 * (Electron's security checklist). It loads the app's own page and nothing else.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Parallax',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click (auxclick) could otherwise open links in new windows; there are none to open.
      disableBlinkFeatures: 'Auxclick',
      devTools: options.allowDevTools,
    },
  });
  hardenWebContents(window.webContents, options.origin);
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-fail-load', (_event, code, description, url) => {
    console.error(`Parallax could not load its page ${url} (${code}: ${description}).`);
  });
  if (options.origin.devUrl) void window.loadURL(options.origin.devUrl);
  else void window.loadFile(options.origin.rendererIndex);
  return window;
}
