import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ComparisonProgress, MenuCommand, SourceChange } from '../../src/shared/contract/api.js';
import { answerToParts } from '../../src/shared/contract/comparison-wire.js';
import { createApiHandlers, type ApiService } from '../../src/main/services/api.js';
import { dispatch } from '../../src/main/services/dispatch.js';
import { defaultLexiconPath } from '../../src/main/services/lexicon.js';
import { defaultCodebookPath } from '../../src/main/services/notes-api.js';
import { watchSources, type SourceWatcher } from '../../src/main/services/watch.js';

/**
 * The end-to-end harness: the BUILT renderer (out/renderer) in Chromium, served from 127.0.0.1,
 * with `window.api` backed by the real main-process services. Only Electron's transport is
 * swapped: the page calls `window.api.invoke`, which reaches `dispatch(handlers, …)` in this
 * process through `page.exposeFunction`, exactly as `ipcMain.handle` does in the app.
 */

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer');
export const SAMPLES_DIR = join(REPO_ROOT, 'resources', 'samples');
/** The default lexicon, as the app reads it from its resources. */
export const LEXICON_PATH = defaultLexiconPath(join(REPO_ROOT, 'resources'));
/** The built comparison worker: comparisons run off this process's thread, as they run off main's. */
export const COMPARE_WORKER = join(REPO_ROOT, 'out', 'main', 'compare-worker.js');
/** The seed articles live beside the checkout, never inside it. */
export const SEEDS_DIR = resolve(REPO_ROOT, '..', 'shared', 'seeds');
/** The five seed articles, in file-name order. */
export const seedPaths = (): string[] =>
  readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(SEEDS_DIR, name));

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** A static server over a folder, on 127.0.0.1 and a free port. Refuses paths outside the folder. */
export async function serveFolder(root: string): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`The renderer is not built: ${join(root, 'index.html')} is missing. Run \`npx electron-vite build\` first.`);
  }
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
      if (file !== root && !file.startsWith(root + sep)) {
        response.writeHead(403).end();
        return;
      }
      try {
        if (!(await stat(file)).isFile()) throw new Error('not a file');
        const body = await readFile(file);
        response.writeHead(200, {
          'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': 'no-store',
        });
        response.end(body);
      } catch {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      }
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/**
 * The page's globals the harness touches. The test project is compiled without the DOM library,
 * so the page-side functions below name what they use here, through `globalThis`.
 */
interface PageGlobals {
  __parallaxInvoke(channel: string, request: unknown): Promise<unknown>;
  __parallaxTest: {
    fireMenuCommand(command: string): void;
    registerDropPath(name: string, path: string): void;
    fireSourceChanged(change: unknown): void;
    /** `progress`: as JSON text, from `ParallaxApp.handOver`. */
    fireProgress(progress: unknown): void;
  };
  DataTransfer: new () => { items: { add(file: unknown): unknown } };
  fetch(url: string): Promise<{ text(): Promise<string> }>;
  File: new (parts: string[], name: string, options: { type: string }) => { name: string };
}

/**
 * Strings at least this long cross from the harness to the page on their own, fetched from
 * `LONG_STRING_PATH` + their number (see `ParallaxApp.handOver`).
 */
const LONG_STRING = 64 * 1024;
const LONG_STRING_PATH = '/__parallax-harness/long-string/';

/**
 * What the page gets as `window.api`: the same shape the preload exposes. Runs in the page, so it
 * may only use what is passed to it. `__parallaxInvoke` is the exposed function; menu commands and
 * the paths of dropped files are set by the test through `__parallaxTest`.
 */
function installBridge(): void {
  const listeners = new Set<(command: string) => void>();
  const sourceListeners = new Set<(change: unknown) => void>();
  const progressListeners = new Set<(progress: unknown) => void>();
  const dropPaths = new Map<string, string>();
  const page = globalThis as unknown as PageGlobals;
  // Put back the long strings the harness handed over on their own (see ParallaxApp.handOver; the
  // path is LONG_STRING_PATH, spelled out: this runs in the page).
  const fill = async (value: unknown): Promise<unknown> => {
    if (typeof value !== 'object' || value === null) return value;
    const id = (value as { __longString?: unknown }).__longString;
    if (typeof id === 'number') return (await page.fetch(`/__parallax-harness/long-string/${id}`)).text();
    const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
    for (const [key, item] of entries) (value as Record<string | number, unknown>)[key] = await fill(item);
    return value;
  };
  // Progress events reach the listeners in the order sent, whatever had to be fetched.
  let progressQueue: Promise<void> = Promise.resolve();
  page.__parallaxTest = {
    fireMenuCommand: (command: string) => listeners.forEach((listener) => listener(command)),
    registerDropPath: (name: string, path: string) => dropPaths.set(name, path),
    fireSourceChanged: (change: unknown) => sourceListeners.forEach((listener) => listener(change)),
    fireProgress: (progress: unknown) => {
      progressQueue = progressQueue.then(async () => {
        const value = await fill(JSON.parse(progress as string) as unknown);
        progressListeners.forEach((listener) => listener(value));
      });
    },
  };
  Object.defineProperty(globalThis, 'api', {
    configurable: false,
    writable: false,
    value: Object.freeze({
      invoke: async (channel: string, request: unknown) => fill(JSON.parse((await page.__parallaxInvoke(channel, request)) as string) as unknown),
      onMenuCommand: (listener: (command: string) => void) => {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
      onSourceChanged: (listener: (change: unknown) => void) => {
        sourceListeners.add(listener);
        return () => {
          sourceListeners.delete(listener);
        };
      },
      onProgress: (listener: (progress: unknown) => void) => {
        progressListeners.add(listener);
        return () => {
          progressListeners.delete(listener);
        };
      },
      pathForFile: (file: { name: string }) => dropPaths.get(file.name) ?? '',
    }),
  });
}

/** In the page, before it loads: comparisons open in the columns (the person's choice the app remembers). */
function startInColumns(): void {
  try {
    (globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }).localStorage.setItem('parallax.openAtGlance', 'false');
  } catch {
    // No storage: the page opens at the glance, and a spec about the columns says so by failing.
  }
}

/** One running app: the page, its services and its data folder. */
/** Open the five seeds through Open files…, once the sample is on screen. */
export async function openSeeds(app: ParallaxApp): Promise<void> {
  await expect(app.page.locator('section.column').first()).toBeVisible();
  app.queuePick(seedPaths());
  await app.openFilesButton().click();
  await expect(app.page.locator('section.column')).toHaveCount(5);
}

export class ParallaxApp {
  page!: Page;
  private service!: ApiService;
  private readonly pickQueue: string[][] = [];
  /** Where the next "Export…" saves (null: the person cancels), and which file the next "Import…" reads. */
  private readonly savePathQueue: (string | null)[] = [];
  private readonly lexiconFileQueue: (string | null)[] = [];
  private readonly notesFileQueue: (string | null)[] = [];
  /** The names the app suggested in its save dialog, in order. */
  readonly suggestedSaveNames: string[] = [];
  private readonly dropPaths = new Map<string, string>();
  /** Uncaught errors and console errors (a CSP refusal is one) seen by any page of this app. */
  readonly pageErrors: string[] = [];
  /** Every channel the page called, in order. */
  readonly calls: string[] = [];
  /** Every URL any page of this app requested. */
  readonly requests: string[] = [];
  /** What the watcher reported, in order (as main would send it to the window). */
  readonly sourceChanges: SourceChange[] = [];
  /** How far comparisons got, in order (as main would send it to the window). */
  readonly progress: ComparisonProgress[] = [];
  /** The real watcher over the files of the comparison last opened, as index.ts runs it. */
  private watcher: SourceWatcher | null = null;
  /** Long strings handed over to the page, waiting to be fetched, by number. */
  private readonly longStrings = new Map<number, string>();
  private nextLongString = 0;
  /** While set, answers with a comparison wait for it (see holdComparisons). */
  private comparisonGate: Promise<void> | null = null;

  constructor(
    private readonly context: BrowserContext,
    private readonly url: string,
    readonly dataDir: string,
    /**
     * Whether comparisons open at the story at a glance, as they do for a person by default. Most
     * specs are about the columns: for them the page starts as for a person who turned that off.
     */
    private readonly openAtGlance = false,
  ) {}

  /** Start the services on the data folder and open a page on the built renderer. */
  async start(): Promise<void> {
    let current: Page | null = null;
    if (!existsSync(COMPARE_WORKER)) {
      throw new Error(`The comparison worker is not built: ${COMPARE_WORKER} is missing. Run \`npx electron-vite build\` first.`);
    }
    this.service = await createApiHandlers({
      dataDir: this.dataDir,
      samplesDir: SAMPLES_DIR,
      lexiconPath: LEXICON_PATH,
      codebookPath: defaultCodebookPath(join(REPO_ROOT, 'resources')),
      compareWorker: pathToFileURL(COMPARE_WORKER),
      // As index.ts does with webContents.send: progress goes to the page as an event (with the
      // sources' text once, handed over as a long string: see handOver).
      onProgress: (progress) => {
        this.progress.push(progress);
        void current
          ?.evaluate((p) => (globalThis as unknown as PageGlobals).__parallaxTest.fireProgress(p), this.handOver(progress))
          .catch(() => undefined);
      },
      version: 'test',
      author: 'Test Reader',
      pickFiles: async () => this.pickQueue.shift() ?? [],
      pickSavePath: async (suggestedName) => {
        this.suggestedSaveNames.push(suggestedName);
        return this.savePathQueue.shift() ?? null;
      },
      pickLexiconFile: async () => this.lexiconFileQueue.shift() ?? null,
      pickNotesFile: async () => this.notesFileQueue.shift() ?? null,
      // As src/main/pdf.ts does with Electron's printToPDF: Chromium prints the report with JavaScript off.
      printToPdf: (html) => this.printToPdf(html),
      // As index.ts does: watch the files of the comparison last opened, and tell the page.
      onSourcesOpened: (paths) => {
        this.watcher?.close();
        this.watcher = watchSources(paths, (change) => {
          this.sourceChanges.push(change);
          void current
            ?.evaluate((c) => (globalThis as unknown as PageGlobals).__parallaxTest.fireSourceChanged(c), change)
            .catch(() => undefined);
        });
      },
    });
    const page = await this.context.newPage();
    current = page;
    page.on('request', (request) => this.requests.push(request.url()));
    page.on('pageerror', (error) => this.pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.pageErrors.push(`console: ${message.text()}`);
    });
    const handlers = this.service.handlers;
    // The answer is what ipc.ts sends (a comparison in parts: answerToParts), handed over as JSON
    // text with its long strings apart (see handOver).
    await page.exposeFunction('__parallaxInvoke', async (channel: unknown, request: unknown) => {
      this.calls.push(String(channel));
      const answer = await dispatch(handlers, channel, request, (error) => this.pageErrors.push(`main: ${String(error)}`));
      if (this.comparisonGate && answer.ok && typeof answer.value === 'object' && answer.value !== null && 'comparison' in answer.value) await this.comparisonGate;
      return this.handOver(answerToParts(answer));
    });
    await page.route(`**${LONG_STRING_PATH}*`, (route) => {
      const id = Number(new URL(route.request().url()).pathname.slice(LONG_STRING_PATH.length));
      const body = this.longStrings.get(id);
      this.longStrings.delete(id);
      return body === undefined ? route.fulfill({ status: 404 }) : route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body });
    });
    await page.addInitScript(installBridge);
    if (!this.openAtGlance) await page.addInitScript(startInColumns);
    await page.goto(this.url);
    for (const [name, path] of this.dropPaths) await this.registerInPage(page, name, path);
    this.page = page;
  }

  /**
   * A value from main as it goes to the page: JSON text, not Playwright's own serialisation, which
   * walks an object value by value and takes the page seconds for a comparison of long sources
   * where Electron's structured clone takes about what JSON.parse does. Strings of `LONG_STRING`
   * characters or more (a comparison's parts, the sources' text) are left out, for the page to
   * fetch one by one (a route of the page serves them): Electron moves a string in one copy, while
   * a JSON text holding them, or Playwright's messages, would take the page far longer to read. So
   * the page's time is the page's, not the harness's.
   */
  private handOver(value: unknown): string {
    return JSON.stringify(value, (_key, item: unknown) => {
      if (typeof item !== 'string' || item.length < LONG_STRING) return item;
      const id = this.nextLongString++;
      this.longStrings.set(id, item);
      return { __longString: id };
    });
  }

  /**
   * Close the page and the services, then start again on the SAME data folder. `whileStopped`
   * runs in between, to do to the data folder what could happen while the app is closed.
   */
  async restart(whileStopped?: () => Promise<void>): Promise<void> {
    this.stopWatching();
    await this.page.close();
    await this.service.close();
    await whileStopped?.();
    await this.start();
  }

  async stop(): Promise<void> {
    this.stopWatching();
    await this.page?.close().catch(() => undefined);
    await this.service?.close();
  }

  private stopWatching(): void {
    this.watcher?.close();
    this.watcher = null;
  }

  /**
   * Paste into the page as the OS would: a real `paste` event whose clipboardData is a DataTransfer
   * holding these types, dispatched on `selector` (the page itself by default).
   */
  async paste(data: { 'text/plain'?: string; 'text/html'?: string }, selector = 'body'): Promise<void> {
    await this.page.locator(selector).first().evaluate((element, entries) => {
      const page = globalThis as unknown as {
        DataTransfer: new () => { setData(type: string, value: string): void };
        ClipboardEvent: new (type: string, init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean }) => unknown;
      };
      const clipboardData = new page.DataTransfer();
      for (const [type, value] of entries) clipboardData.setData(type, value);
      (element as unknown as { dispatchEvent(event: unknown): boolean }).dispatchEvent(
        new page.ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }),
      );
    }, Object.entries(data));
  }

  /**
   * Hold every answer that brings a comparison until the function returned is called: a comparison
   * as slow as a test needs (main works it out, and tells the page how far it has got, as usual;
   * the page gets it only then). A cancelled or failed one answers at once, as usual.
   */
  holdComparisons(): () => void {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.comparisonGate = gate;
    return () => {
      if (this.comparisonGate === gate) this.comparisonGate = null;
      release();
    };
  }

  /** The "Open files…" button of the window's header. */
  openFilesButton() {
    return this.page.getByRole('banner').getByRole('button', { name: 'Open files…' });
  }

  /** The files that the next "Open files…" picks. */
  queuePick(paths: readonly string[]): void {
    this.pickQueue.push([...paths]);
  }

  /** Where the next "Export…" of the word sets saves (null: the person cancels the dialog). */
  queueSavePath(path: string | null): void {
    this.savePathQueue.push(path);
  }

  /** The file the next "Import…" of word sets reads (null: the person cancels the dialog). */
  queueLexiconFile(path: string | null): void {
    this.lexiconFileQueue.push(path);
  }

  /** The file the next "Import notes…" reads (null: the person cancels the dialog). */
  queueNotesFile(path: string | null): void {
    this.notesFileQueue.push(path);
  }

  private async printToPdf(html: string): Promise<Uint8Array> {
    const browser = this.context.browser();
    if (!browser) throw new Error('No browser to print with.');
    const printing = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await printing.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true });
    } finally {
      await printing.close();
    }
  }

  /** Make `pathForFile` answer `path` for a dropped file named `name`. */
  async registerDropPath(name: string, path: string): Promise<void> {
    this.dropPaths.set(name, path);
    await this.registerInPage(this.page, name, path);
  }

  async fireMenuCommand(command: MenuCommand): Promise<void> {
    await this.page.evaluate((c) => (globalThis as unknown as PageGlobals).__parallaxTest.fireMenuCommand(c), command);
  }

  /**
   * Drop files on the window as the OS would: a real `drop` event carrying a DataTransfer of File
   * objects with these names and contents.
   */
  async dropFiles(files: readonly { name: string; content: string }[]): Promise<void> {
    const transfer = await this.page.evaluateHandle((list) => {
      const page = globalThis as unknown as PageGlobals;
      const data = new page.DataTransfer();
      for (const file of list) data.items.add(new page.File([file.content], file.name, { type: 'text/plain' }));
      return data;
    }, files);
    const target = this.page.locator('.app');
    await target.dispatchEvent('dragenter', { dataTransfer: transfer });
    await target.dispatchEvent('dragover', { dataTransfer: transfer });
    await target.dispatchEvent('drop', { dataTransfer: transfer });
  }

  private async registerInPage(page: Page, name: string, path: string): Promise<void> {
    await page.evaluate(
      ([n, p]) => (globalThis as unknown as PageGlobals).__parallaxTest.registerDropPath(n, p),
      [name, path] as const,
    );
  }
}

interface WorkerFixtures {
  rendererUrl: string;
}

interface TestFixtures {
  app: ParallaxApp;
  /** Open comparisons at the story at a glance, as the app does by default (`test.use({ openAtGlance: true })`). */
  openAtGlance: boolean;
}

/** Playwright's `test`, with `app`: a started Parallax on a fresh data folder. */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  rendererUrl: [
    async ({}, use) => {
      const server = await serveFolder(RENDERER_DIR);
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  openAtGlance: [false, { option: true }],
  app: async ({ context, rendererUrl, openAtGlance }, use, testInfo) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'parallax-e2e-'));
    const app = new ParallaxApp(context, rendererUrl, dataDir, openAtGlance);
    await app.start();
    await use(app);
    await app.stop();
    await rm(dataDir, { recursive: true, force: true });
    if (testInfo.status === testInfo.expectedStatus) {
      expect(app.pageErrors, 'the page logged no errors and threw nothing').toEqual([]);
    }
  },
});

export { expect };
