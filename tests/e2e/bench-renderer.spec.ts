import { appendFileSync, writeFileSync } from 'node:fs';
import type { TestInfo } from '@playwright/test';
import { expect, test, type ParallaxApp } from './harness.js';

/**
 * The renderer's figures for `npm run bench` (scripts/bench-renderer.js sets PARALLAX_BENCH_OUT):
 * five sources of 50,000 words each, compared by the real services in the built worker and shown
 * by the built renderer in Chromium. Skipped in ordinary test runs.
 *
 * Two times: to the first view (the sources' text in all five columns, shown while they are
 * compared) and to the full comparison shown (passages and marks in all five columns); and the
 * longest main-thread task from Open until the full comparison is shown. Then the same opened at
 * the story at a glance, as a person's comparisons open by default.
 *
 * With PARALLAX_BENCH_PROFILE=1, the page's self time by function while opening is written beside
 * the figures (PARALLAX_BENCH_OUT + '.profile.txt'), and scripts/bench-renderer.js prints it.
 */
const OUT = process.env.PARALLAX_BENCH_OUT;
const WORDS = Number(process.env.PARALLAX_BENCH_WORDS ?? 50_000);

// A small, seeded random generator, so every run measures the same texts.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUNCTION_WORDS = 'the of and to in a that for on with as by at from was were said has have had it its after over about but which who their this not be been'.split(' ');
const SYLLABLES = 'ka ro mi tan vel sor dun pe li mar quo ten bra sil ver no hal gre fin tor ash bel cor dra lin mor pra sta vin wel'.split(' ');

/** A news-like report of pseudo-words (Zipf-like spread, names and figures), as paragraphs. */
function report(seed: number, wordCount: number): string[] {
  const next = random(seed);
  const vocab: string[] = [];
  const seen = new Set<string>();
  while (vocab.length < 9000) {
    let word = '';
    for (let i = 0, parts = 1 + Math.floor(next() * 3); i < parts; i++) word += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
    if (seen.has(word)) continue;
    vocab.push(word);
    seen.add(word);
  }
  const pick = () => vocab[Math.min(vocab.length - 1, Math.floor(Math.pow(next(), 2.2) * vocab.length))]!;
  const paragraphs: string[] = [];
  let count = 0;
  while (count < wordCount) {
    const sentences: string[] = [];
    for (let s = 0, n = 2 + Math.floor(next() * 3); s < n; s++) {
      const words: string[] = [];
      for (let i = 0, length = 12 + Math.floor(next() * 14); i < length; i++) {
        const r = next();
        words.push(r < 0.45 ? FUNCTION_WORDS[Math.floor(next() * FUNCTION_WORDS.length)]! : r < 0.5 ? String(Math.floor(next() * 50000)) : pick());
      }
      words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
      sentences.push(words.join(' ') + '.');
      count += words.length;
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs;
}

/** Another outlet's version: a quarter of the content words changed, some paragraphs dropped. */
function version(paragraphs: readonly string[], seed: number): string[] {
  const next = random(seed);
  return paragraphs
    .filter(() => next() > 0.1)
    .map((p) => p.split(' ').map((w) => (next() < 0.25 && !FUNCTION_WORDS.includes(w.toLowerCase()) ? `${w.slice(0, 3)}lo${w.endsWith('.') ? '.' : ''}` : w)).join(' '));
}

/** Five sources of `WORDS` words: one report and four other outlets' versions of it. */
function writeSources(testInfo: TestInfo): string[] {
  const base = report(7, WORDS);
  return Array.from({ length: 5 }, (_v, i) => {
    const path = testInfo.outputPath(`source-${i + 1}.txt`);
    writeFileSync(path, [`Report ${i + 1} on the valley`, ...(i === 0 ? base : version(base, 100 + i))].join('\n\n') + '\n');
    return path;
  });
}

type Long = { start: number; duration: number; type: string };
const longest = (entries: readonly Long[], from: number, to: number, type: string) =>
  Math.round(Math.max(0, ...entries.filter((e) => e.type === type && e.start >= from && e.start <= to).map((e) => e.duration)));

/** What the page has in its document, for the checks below (the test project has no DOM library). */
type Element = { querySelector(selector: string): unknown };
type Page = { document: { querySelectorAll(selector: string): ArrayLike<Element>; querySelector(selector: string): unknown } };

/**
 * Open the five sources with Open files… and time, on animation frames in the page: the first view
 * (the text of all five in their columns, as the preview shows it while they are compared, or as the
 * comparison shows it), and the comparison shown in full (`shown`, checked in the page). Long tasks
 * and long animation frames are recorded from Open on.
 */
async function openAndTime(app: ParallaxApp, files: readonly string[], shown: () => boolean, profileName: string) {
  const { page } = app;
  // Long tasks and long animation frames, from now on. (Page code is passed as text: the test
  // project is compiled without the DOM library.)
  await page.evaluate(`(() => {
    window.__long = [];
    for (const type of ['longtask', 'long-animation-frame']) {
      try {
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__long.push({ start: entry.startTime, duration: entry.duration, type });
        }).observe({ type, buffered: false });
      } catch {}
    }
  })()`);
  const profiler = process.env.PARALLAX_BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.start');
  }
  const t0 = await page.evaluate<number>('performance.now()');
  app.queuePick(files);
  await app.openFilesButton().click();
  await page.waitForFunction(
    () => {
      const every = (column: string, text: string) => {
        const columns = Array.from((globalThis as unknown as Page).document.querySelectorAll(column));
        return columns.length === 5 && columns.every((c) => c.querySelector(text) !== null);
      };
      return every('section.preview-column', '.preview-text') || every('section.column', '.para .para__text');
    },
    undefined,
    { polling: 'raf', timeout: 300_000 },
  );
  const t1 = await page.evaluate<number>('new Promise((done) => requestAnimationFrame(() => done(performance.now())))');
  await page.waitForFunction(shown, undefined, { polling: 'raf', timeout: 300_000 });
  const t2 = await page.evaluate<number>('new Promise((done) => requestAnimationFrame(() => done(performance.now())))');
  // A long task or frame is reported once it has ended.
  await page.waitForTimeout(500);
  if (profiler && OUT) {
    // Self time by function while opening, for finding what holds the main thread.
    const { profile } = await profiler.send('Profiler.stop');
    const self = new Map<string, number>();
    const dt = profile.timeDeltas ?? [];
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    (profile.samples ?? []).forEach((id, i) => {
      const node = byId.get(id);
      const name = node ? `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}` : '?';
      self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
    });
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([n, ms]) => `  ${Math.round(ms)} ms ${n}`);
    appendFileSync(`${OUT}.profile.txt`, [`${profileName}: self time by function, Open to shown`, ...top, ''].join('\n'));
  }
  const entries = await page.evaluate<Long[]>('window.__long');
  return { firstView: Math.round(t1 - t0), shown: Math.round(t2 - t0), longTaskMs: longest(entries, t0, t2, 'longtask'), longAnimationFrameMs: longest(entries, t0, t2, 'long-animation-frame') };
}

test.describe('renderer bench', () => {
  test.skip(!OUT, 'Run by `npm run bench` (scripts/bench-renderer.js sets PARALLAX_BENCH_OUT).');
  test.setTimeout(600_000);

  test('five sources of 50,000 words: time to first view and to the full comparison, longest main-thread task, heap', async ({ app }, testInfo) => {
    const { page } = app;
    await expect(page.locator('section.column').first()).toBeVisible();
    const files = writeSources(testInfo);
    // The full comparison: the columns with their passages, the preview gone.
    const opened = await openAndTime(
      app,
      files,
      () => {
        const { document } = globalThis as unknown as Page;
        const columns = Array.from(document.querySelectorAll('section.column'));
        return document.querySelector('.sources-preview') === null && columns.length === 5 && columns.every((column) => column.querySelector('.para .para__text') !== null);
      },
      'columns',
    );
    const rendered = await page.locator('.column__item').count();
    const paragraphs = await page.locator('section.column').evaluateAll((columns) =>
      columns.map((c) => Number((c as unknown as { querySelector(s: string): { getAttribute(n: string): string | null } | null }).querySelector('.column__item')?.getAttribute('aria-setsize') ?? 0)),
    );

    // A scripted scroll of each column, top to bottom in steps, a frame apart.
    const s0 = await page.evaluate<number>('performance.now()');
    const frames = await page.evaluate<number[]>(`(async () => {
      const durations = [];
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      for (const scroller of document.querySelectorAll('.column__scroll')) {
        let last = await frame();
        for (let step = 0; step < 60 && scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2; step++) {
          scroller.scrollTop += scroller.clientHeight * 0.9;
          const t = await frame();
          durations.push(t - last);
          last = t;
        }
      }
      return durations;
    })()`);
    const s1 = await page.evaluate<number>('performance.now()');
    const all = await page.evaluate<Long[]>('window.__long');

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;

    const sorted = [...frames].sort((a, b) => a - b);
    const figures = [
      { figure: "renderer: 5 sources x 50,000 words, time to first view (the sources' text in every column)", ms: opened.firstView },
      { figure: 'renderer: 5 sources x 50,000 words, time to the full comparison shown', ms: opened.shown, paragraphsPerSource: paragraphs, blocksRendered: rendered },
      {
        figure: 'renderer: 5 sources x 50,000 words, longest main-thread task while opening (Open to the full comparison shown)',
        longTaskMs: opened.longTaskMs,
        longAnimationFrameMs: opened.longAnimationFrameMs,
      },
      {
        figure: 'renderer: 5 sources x 50,000 words, scrolling every column',
        longTaskMs: longest(all, s0, s1, 'longtask'),
        longAnimationFrameMs: longest(all, s0, s1, 'long-animation-frame'),
        frames: frames.length,
        medianFrameMs: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
        p95FrameMs: Math.round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
      },
      { figure: 'renderer: 5 sources x 50,000 words, JS heap used after GC', megabytes: Math.round(heap / 1e6) },
    ];
    appendFileSync(OUT!, figures.map((f) => JSON.stringify(f)).join('\n') + '\n');
    expect(rendered).toBeGreaterThan(0);
  });

  test.describe('opened at the story at a glance, as a person’s comparisons open by default', () => {
    test.use({ openAtGlance: true });

    test('five sources of 50,000 words: time to first view and to the glance, longest main-thread task', async ({ app }, testInfo) => {
      const { page } = app;
      await expect(page.locator('.glance')).toBeVisible();
      const files = writeSources(testInfo);
      // The glance of these five: their headlines in it, the preview gone.
      const opened = await openAndTime(
        app,
        files,
        () => {
          const { document } = globalThis as unknown as { document: { querySelector(selector: string): { textContent: string | null } | null } };
          return document.querySelector('.sources-preview') === null && (document.querySelector('.glance__headlines')?.textContent ?? '').includes('Report 5 on the valley');
        },
        'glance',
      );
      const figures = [
        { figure: "renderer: 5 sources x 50,000 words, opened at the glance, time to first view (the sources' text in every column)", ms: opened.firstView },
        { figure: 'renderer: 5 sources x 50,000 words, opened at the glance, time to the glance shown', ms: opened.shown },
        {
          figure: 'renderer: 5 sources x 50,000 words, opened at the glance, longest main-thread task while opening (Open to the glance shown)',
          longTaskMs: opened.longTaskMs,
          longAnimationFrameMs: opened.longAnimationFrameMs,
        },
      ];
      appendFileSync(OUT!, figures.map((f) => JSON.stringify(f)).join('\n') + '\n');
    });
  });
});
