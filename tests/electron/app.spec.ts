import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from '../../src/main/cli/launch.js';

/**
 * The real app, through Playwright's Electron support. It runs wherever an Electron binary is
 * installed and skips, saying why, where there is none (as on machines without GitHub access, where
 * Electron cannot download its runtime). Everything else about the app is tested in layers that run
 * everywhere: tests/node (services, built bundles) and tests/e2e (the page).
 */

const root = join(import.meta.dirname, '..', '..');

// Found without require('electron'), which would try to download it (the command line does the same).
const found = findElectronBinary();
const skipReason = 'missing' in found ? `The real app cannot run here: ${found.missing}. The node and renderer suites cover the rest.` : '';
if (skipReason) console.log(`tests/electron: ${skipReason}`);
test.skip(skipReason !== '', skipReason);

interface Bridge {
  invoke(channel: string, request: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>;
}

/** Call window.api in the page, as the page itself does. */
async function invoke<T>(page: Page, channel: string, request: unknown = {}): Promise<T> {
  const result = await page.evaluate(
    ([name, body]) => (globalThis as unknown as { api: Bridge }).api.invoke(name as string, body),
    [channel, request] as const,
  );
  if (!result.ok) throw new Error(`${channel} failed: ${result.error?.message}`);
  return result.value as T;
}

interface Recent {
  id: string;
  title: string;
  sources: { path: string }[];
  noteCount: number;
}

async function launch(dataDir: string, files: readonly string[] = []): Promise<{ app: ElectronApplication; page: Page }> {
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) throw new Error('The app is not built: run `npm run build` first.');
  const app = await electron.launch({
    executablePath: 'path' in found ? found.path : '',
    args: [root, '--data-dir', dataDir, ...files],
    env: { ...process.env, ELECTRON_RENDERER_URL: '' }, // never the development server
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

/** The page opens the sample on start-up when no files were given: it shows up in the recent list. */
async function sampleComparison(page: Page): Promise<Recent> {
  let sample: Recent | undefined;
  await expect
    .poll(async () => {
      sample = (await invoke<Recent[]>(page, 'comparison:recent'))[0];
      return sample?.sources.length ?? 0;
    })
    .toBeGreaterThan(1);
  return sample!;
}

let dataDir: string;
test.beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'parallax-electron-'));
});
test.afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

test('opens the sample in a visible, locked-down window', async () => {
  const { app, page } = await launch(dataDir);
  try {
    const sample = await sampleComparison(page);
    await expect(page.getByText(sample.title).first()).toBeVisible();
    const window = await app.evaluate(({ BrowserWindow }) => {
      const [first] = BrowserWindow.getAllWindows();
      return { count: BrowserWindow.getAllWindows().length, visible: first?.isVisible() ?? false, title: first?.getTitle() };
    });
    expect(window).toMatchObject({ count: 1, visible: true });
    // The page has window.api and nothing of Node (the webPreferences are checked in tests/node/main-bundle.test.ts).
    expect(
      await page.evaluate(() => {
        const scope = globalThis as unknown as Record<string, unknown>;
        return { api: Object.keys(scope.api as object).sort(), require: typeof scope.require, process: typeof scope.process };
      }),
    ).toEqual({ api: ['invoke', 'onMenuCommand', 'onProgress', 'onSourceChanged', 'pathForFile'], require: 'undefined', process: 'undefined' });
  } finally {
    await app.close();
  }
});

test('keeps notes and word sets across a restart', async () => {
  const first = await launch(dataDir);
  let noteId: string;
  let comparisonId: string;
  try {
    const sample = await sampleComparison(first.page);
    comparisonId = sample.id;
    const note = await invoke<{ id: string }>(first.page, 'notes:save', {
      comparisonId,
      target: {
        kind: 'paragraph',
        source: sample.sources[0]!.path,
        sourceHash: 'electron-test',
        paragraph: 0,
        quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 1 },
      },
      body: 'Written before the restart',
      tags: [],
    });
    noteId = note.id;
    // A word set of the reader's own, through the real preload's lexicon channels.
    const saved = await invoke<{ changed: boolean; lexicon: { sets: { id: string }[] } }>(first.page, 'lexicon:saveSet', {
      set: { id: 'harsh-words', name: 'Harsh words', kind: 'loaded-term', domain: 'politics', terms: [{ term: 'slammed' }, { term: 'criticised' }] },
    });
    expect(saved.changed).toBe(true);
  } finally {
    await first.app.close();
  }
  const stored = await readFile(join(dataDir, 'parallax-store.json'), 'utf8');
  expect(stored).toContain('Written before the restart');
  expect(JSON.parse(stored)).toMatchObject({ version: 4, lexicon: { saved: [{ id: 'harsh-words' }], removed: [] }, settings: { author: '' }, codebook: null });

  const second = await launch(dataDir);
  try {
    const notes = await invoke<{ id: string; body: string }[]>(second.page, 'notes:list', { comparisonId });
    expect(notes.map((note) => [note.id, note.body])).toEqual([[noteId, 'Written before the restart']]);
    const lexicon = await invoke<{ changed: boolean; lexicon: { sets: { id: string }[] } }>(second.page, 'lexicon:get');
    expect(lexicon.changed).toBe(true);
    expect(lexicon.lexicon.sets[0]?.id).toBe('harsh-words');
  } finally {
    await second.app.close();
  }
});

test('exports the notes of a comparison as a PDF, printed by Chromium in a hidden window with JavaScript off', async () => {
  const { app, page } = await launch(dataDir);
  const pdfPath = join(dataDir, 'report.pdf');
  try {
    const sample = await sampleComparison(page);
    await invoke(page, 'notes:save', {
      comparisonId: sample.id,
      target: {
        kind: 'paragraph',
        source: sample.sources[0]!.path,
        sourceHash: 'electron-test',
        paragraph: 0,
        quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 1 },
      },
      body: 'For the printed report',
      tags: [],
    });
    // The save dialog answers with the path, as a person choosing it would.
    await app.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
    }, pdfPath);
    const saved = await invoke<{ path: string }>(page, 'notes:export', { comparisonId: sample.id, format: 'pdf' });
    expect(saved.path).toBe(pdfPath);
    const bytes = await readFile(pdfPath);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(1_000);
  } finally {
    await app.close();
  }
});

test('no page can navigate the window or open another', async () => {
  const { app, page } = await launch(dataDir);
  try {
    const before = page.url();
    expect(await page.evaluate(() => (globalThis as unknown as { open(url: string): unknown }).open('https://example.com/') === null)).toBe(true);
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  } finally {
    await app.close();
  }
});

test('a source edited on disk is announced in its column through the real preload, and Reload shows the new text', async () => {
  const a = join(dataDir, 'courier.txt');
  const b = join(dataDir, 'lantern.txt');
  await copyFile(join(root, 'resources', 'samples', 'veskin-valley-courier.txt'), a);
  await copyFile(join(root, 'resources', 'samples', 'harlowmere-lantern.txt'), b);
  const { app, page } = await launch(dataDir, [a, b]);
  try {
    // The comparison opens at the story at a glance; the change is announced in the columns.
    await page.getByRole('tab', { name: 'Columns' }).click();
    const columns = page.locator('section.column');
    await expect(columns).toHaveCount(2);
    await writeFile(b, `${await readFile(b, 'utf8')}\nA correction added after publication.\n`);
    const banner = columns.nth(1).getByRole('status').filter({ hasText: 'This file changed on disk.' });
    await expect(banner).toBeVisible();
    await banner.getByRole('button', { name: 'Reload' }).click();
    await expect(columns.nth(1)).toContainText('A correction added after publication.');
  } finally {
    await app.close();
  }
});
