import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComparisonProgress } from '../../src/shared/contract/api.js';
import type { SourceDocument } from '../../src/shared/contract/comparison.js';
import { compareDocuments } from '../../src/shared/core/compare.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';
import { CancelledError, ComparisonSlot, runComparison } from '../../src/main/services/compare-pool.js';
import { progressThrottle } from '../../src/main/services/compare-protocol.js';
import { UserFacingError } from '../../src/main/services/dispatch.js';
import { largeArticles } from '../support/large.js';
import { defaultLexicon, REPO_ROOT, seedPaths } from '../support/seeds.js';

const builtWorker = join(REPO_ROOT, 'out', 'main', 'compare-worker.js');

function requireWorker(): URL {
  if (!existsSync(builtWorker)) throw new Error(`The comparison worker is not built: ${builtWorker} is missing. Run \`npx electron-vite build\` first.`);
  return pathToFileURL(builtWorker);
}

const seeds = (): SourceDocument[] => seedPaths().map((path) => makeSourceDocument({ path, text: readFileSync(path, 'utf8') }));

/** Two documents of about 20,000 words each: long enough to report progress several times. */
let large: SourceDocument[];
beforeAll(() => {
  const { a, b } = largeArticles(20_000);
  large = [makeSourceDocument({ path: '/tmp/a.txt', text: a }), makeSourceDocument({ path: '/tmp/b.txt', text: b })];
});

describe('runComparison in the built worker thread', () => {
  it('gives the same comparison of the seeds as compareDocuments in this thread', async () => {
    const worker = requireWorker();
    const documents = seeds();
    const lexicon = defaultLexicon();
    const expected = compareDocuments(documents, { lexicon, threshold: 0.3 });
    expect(await runComparison(documents, { lexicon, threshold: 0.3 }, { worker })).toEqual(expected);
  });

  it('reports progress now and then, rising, ending at 1, with the stage in words', async () => {
    const worker = requireWorker();
    const heard: ComparisonProgress[] = [];
    const comparison = await runComparison(large, {}, { worker, onProgress: (progress) => heard.push(progress) });
    expect(comparison.groups.length).toBeGreaterThan(0);
    // The core reports coarsely (a few times while lining paragraphs up); at least one before the end.
    expect(heard.length).toBeGreaterThanOrEqual(2);
    expect(heard[0]!.done).toBeLessThan(1);
    const values = heard.map((progress) => progress.done);
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThan(values[i - 1]!);
    expect(heard.at(-1)).toEqual({ done: 1, stage: 'Done' });
    expect(heard[0]!.stage).toBe('Lining up paragraphs');
  });

  it('ends the worker when cancelled, and rejects with CancelledError', async () => {
    const worker = requireWorker();
    const controller = new AbortController();
    const heard: number[] = [];
    let abortedAt = 0;
    const running = runComparison(large, {}, {
      worker,
      signal: controller.signal,
      onProgress: ({ done }) => {
        heard.push(done);
        if (!controller.signal.aborted) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(performance.now() - abortedAt).toBeLessThan(200);
    const count = heard.length;
    await new Promise((done) => setTimeout(done, 400));
    expect(heard).toHaveLength(count); // nothing more from the ended worker
    expect(count).toBe(1);
  });

  it('refuses to start when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runComparison(seeds(), {}, { worker: requireWorker(), signal: controller.signal })).rejects.toBeInstanceOf(CancelledError);
  });

  it('stops at the time limit with a message for the person', async () => {
    const running = runComparison(large, {}, { worker: requireWorker(), timeoutMs: 50 });
    await expect(running).rejects.toBeInstanceOf(UserFacingError);
    await expect(running).rejects.toThrow(/took longer than 0 seconds, so Parallax stopped/);
  });
});

describe('ComparisonSlot: one comparison at a time', () => {
  it('cancels the comparison under way when a new one starts', async () => {
    const worker = requireWorker();
    const slot = new ComparisonSlot();
    const first = slot.run((signal) => runComparison(large, {}, { worker, signal }));
    const second = slot.run((signal) => runComparison(seeds(), {}, { worker, signal }));
    await expect(first).rejects.toBeInstanceOf(CancelledError);
    expect((await second).documents).toHaveLength(5);
    expect(slot.cancel()).toBe(false); // nothing under way any more
  });

  it('cancels on request, and says whether anything was under way', async () => {
    const worker = requireWorker();
    const slot = new ComparisonSlot();
    expect(slot.cancel()).toBe(false);
    const running = slot.run((signal) => runComparison(large, {}, { worker, signal }));
    expect(slot.cancel()).toBe(true);
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(slot.cancel()).toBe(false);
  });
});

describe('runComparison from source (no built worker)', () => {
  it('compares in this thread, with progress ending at 1', async () => {
    const documents = seeds();
    const heard: number[] = [];
    const comparison = await runComparison(documents, { threshold: 0.4 }, { onProgress: ({ done }) => heard.push(done) });
    expect(comparison).toEqual(compareDocuments(documents, { threshold: 0.4 }));
    expect(heard.at(-1)).toBe(1);
  });

  it('gives up a comparison cancelled before it starts', async () => {
    const controller = new AbortController();
    const running = runComparison(seeds(), {}, { signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('progressThrottle', () => {
  it('passes rising values at most every 100 ms, and always the end', () => {
    let clock = 0;
    const heard: number[] = [];
    const report = progressThrottle((done) => heard.push(done), () => clock);
    report(0.1);
    clock = 50;
    report(0.2); // too soon
    clock = 120;
    report(0.15);
    clock = 240;
    report(0.12); // lower than what was told
    report(0.1);
    clock = 250;
    report(1);
    report(1);
    expect(heard).toEqual([0.1, 0.15, 1]);
  });
});
