import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import {
  COMPARISON_PROGRESS_CHANNEL,
  DROPPED_FILE_CHANNEL,
  MENU_CHANNEL,
  SOURCE_CHANGED_CHANNEL,
  type ComparisonProgress,
  type MenuCommand,
  type RecentComparison,
  type SourceChange,
} from '../shared/contract/api.js';
import { isTrustedSender, registerApi } from './ipc.js';
import { printHtmlToPdf } from './pdf.js';
import { applicationMenuTemplate } from './menu.js';
import { hardenSession, hardenWebContents, isAppPageUrl, type AppOrigin } from './security.js';
import { createApiHandlers, type ApiService } from './services/api.js';
import { defaultLexiconPath } from './services/lexicon.js';
import { defaultCodebookPath } from './services/notes-api.js';
import type { SaveDialogPurpose } from './services/notes-transfer.js';
import { appArguments, dataDirFromArguments, filePathsFromArguments, resourcesDirectory, samplesDirectory, type AppLocation } from './services/paths.js';
import { watchSources, type SourceWatcher } from './services/watch.js';
import { createMainWindow } from './window.js';

/**
 * The Electron main process: thin wiring over the plain Node services.
 *
 * Start-up: `--data-dir DIR` moves the app's data; one instance only (a second launch hands its
 * files to the first and quits); files named on the command line, or handed over by the OS or a
 * second launch, wait in a queue that the page reads with `comparison:pending` (on load, and when
 * main sends the `open-pending` menu command). With no files the page shows the sample.
 */

const here = dirname(fileURLToPath(import.meta.url)); // out/main
const isDev = !app.isPackaged;
const origin: AppOrigin = {
  rendererIndex: join(here, '..', 'renderer', 'index.html'),
  // A built, installed app never loads a URL from the environment.
  devUrl: isDev && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null,
};
const preloadPath = join(here, '..', 'preload', 'preload.cjs');

const defaultApp = Boolean(process.defaultApp);
const args = appArguments(process.argv, defaultApp);
const dataDir = dataDirFromArguments(args, process.cwd());
// Before the single-instance lock, which lives in the data folder: each data folder has one writer.
if (dataDir) app.setPath('userData', dataDir);
const initialPaths = filePathsFromArguments(args, process.cwd());

app.enableSandbox();

if (!app.requestSingleInstanceLock({ paths: initialPaths })) {
  app.quit();
} else {
  start();
}

function start(): void {
  let service: ApiService | null = null;
  let mainWindow: BrowserWindow | null = null;
  /** Files that arrived before the services were ready. */
  const early: string[] = [];
  let closed = false;
  /** Watches the files of the comparison last opened, to tell the page when one changes on disk. */
  let watcher: SourceWatcher | null = null;
  const stopWatching = (): void => {
    watcher?.close();
    watcher = null;
  };
  const sendSourceChange = (change: SourceChange): void => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(SOURCE_CHANGED_CHANNEL, change);
  };
  const watchOpened = (paths: readonly string[]): void => {
    stopWatching();
    watcher = watchSources(paths, sendSourceChange);
  };

  const sendProgress = (progress: ComparisonProgress): void => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(COMPARISON_PROGRESS_CHANNEL, progress);
  };

  const send = (command: MenuCommand): void => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(MENU_CHANNEL, command);
  };

  const focus = (): void => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  };

  const openPaths = (paths: readonly string[]): void => {
    if (paths.length === 0) return;
    if (!service) {
      early.push(...paths);
      return;
    }
    service.queueOpen(paths);
    send('open-pending');
    focus();
  };

  const installMenu = (recent: readonly RecentComparison[]): void => {
    const template = applicationMenuTemplate(
      { isMac: process.platform === 'darwin', isDev, recent },
      { send, openRecent: openPaths, showAbout },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  const showAbout = (): void => {
    const options = {
      type: 'info' as const,
      title: 'About Parallax',
      message: `Parallax ${app.getVersion()}`,
      detail: `Read several news articles about one event side by side and see how they differ.\n\nYour notes are kept on this computer, in ${app.getPath('userData')}.`,
    };
    if (mainWindow) void dialog.showMessageBox(mainWindow, options);
    else void dialog.showMessageBox(options);
  };

  const pickFiles = async (): Promise<string[]> => {
    const options: Electron.OpenDialogOptions = {
      title: 'Open articles to compare',
      properties: ['openFile', 'multiSelections'],
      filters: [
        { name: 'Articles', extensions: ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'docx', 'pdf'] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  };

  const pickSavePath = async (suggestedName: string, purpose?: SaveDialogPurpose): Promise<string | null> => {
    const options: Electron.SaveDialogOptions = {
      title: purpose?.title ?? 'Export word sets',
      defaultPath: join(app.getPath('documents'), suggestedName),
      filters: [purpose ? { name: purpose.filter.name, extensions: [...purpose.filter.extensions] } : { name: 'Parallax word sets', extensions: ['json'] }],
    };
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };

  const pickLexiconFile = async (): Promise<string | null> => {
    const options: Electron.OpenDialogOptions = {
      title: 'Import word sets',
      properties: ['openFile'],
      filters: [
        { name: 'Parallax word sets', extensions: ['json'] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };

  const pickNotesFile = async (): Promise<string | null> => {
    const options: Electron.OpenDialogOptions = {
      title: 'Import notes',
      properties: ['openFile'],
      filters: [
        { name: 'Parallax notes (JSON)', extensions: ['json'] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };

  const pickCodebookFile = async (): Promise<string | null> => {
    const options: Electron.OpenDialogOptions = {
      title: 'Import a codebook (REFI-QDA)',
      properties: ['openFile'],
      filters: [
        { name: 'REFI-QDA codebook or project', extensions: ['qdc', 'qdpx'] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };

  const openWindow = (): void => {
    mainWindow = createMainWindow({ preloadPath, origin, allowDevTools: isDev });
    mainWindow.on('closed', () => {
      mainWindow = null;
      stopWatching();
    });
  };

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const handedOver = (additionalData as { paths?: unknown } | null)?.paths;
    const paths =
      Array.isArray(handedOver) && handedOver.every((path) => typeof path === 'string')
        ? (handedOver as string[])
        : filePathsFromArguments(appArguments(argv, defaultApp), workingDirectory);
    openPaths(paths);
    focus();
  });

  // macOS hands over files dropped on the Dock icon or opened from Finder, before and after start.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openPaths([path]);
  });

  // Every web contents, whatever creates it, gets the same locks as the main window.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origin));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (service && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  app.on('before-quit', (event) => {
    if (!service || closed) return;
    // Let pending writes of the notes store finish, then quit for real.
    event.preventDefault();
    closed = true;
    stopWatching();
    void service
      .close()
      .catch((error: unknown) => console.error('Parallax could not finish saving before quitting:', error))
      .finally(() => app.quit());
  });

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession, origin);
    const location: AppLocation = { isPackaged: app.isPackaged, appRoot: join(here, '..', '..'), resourcesPath: process.resourcesPath };
    try {
      service = await createApiHandlers({
        dataDir: app.getPath('userData'),
        samplesDir: samplesDirectory(location),
        lexiconPath: defaultLexiconPath(resourcesDirectory(location)),
        codebookPath: defaultCodebookPath(resourcesDirectory(location)),
        onProgress: sendProgress,
        version: app.getVersion(),
        pickFiles,
        pickSavePath,
        pickLexiconFile,
        pickNotesFile,
        pickCodebookFile,
        printToPdf: printHtmlToPdf,
        initialPaths,
        onRecentChanged: installMenu,
        onSourcesOpened: watchOpened,
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('Parallax cannot start', detail);
      app.exit(1);
      return;
    }
    service.queueOpen(early.splice(0)); // files the OS handed over while the store was opening
    registerApi(ipcMain, service.handlers, (url) => isAppPageUrl(url, origin), (request) => service?.refusedPaths(request) ?? []);
    // A file dropped on the window: the preload reads its path from the dropped File (which the page
    // cannot forge) and tells main here, so the page may open it. Not a channel the page can call.
    ipcMain.on(DROPPED_FILE_CHANNEL, (event, path: unknown) => {
      if (isTrustedSender(event, (url) => isAppPageUrl(url, origin)) && typeof path === 'string' && path !== '') service?.grant([path]);
      event.returnValue = true;
    });
    installMenu(service.listRecent());
    openWindow();
  });
}
