/**
 * `npm run eval`: Parallax measured on real news with human annotations (../shared/eval).
 *
 * Runs every job in one process with a worker thread per core, scores the ECB+ predictions with
 * the eval folder's own score.py (ours and the naive floor, side by side), and prints one table.
 * It is a measurement, not a test: it never fails on a figure (only when it cannot run at all).
 *
 * Options: --clusters A,B (ECB+ clusters to run; default all), --triplets U,V (BASIL triplets;
 * default all), --no-basil, --no-seeds,
 * --workers N, --json (the figures as one JSON object on stdout instead of the table),
 * --out DIR (where predictions are written; default .eval/).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { DIFFERENCE_KINDS, type DifferenceKind } from '../../src/shared/contract/comparison.js';
import { listJobs, type BasilResult, type EcbResult, type EvalJob, type EvalResult, type SeedsResult } from './jobs.js';

export interface AlignmentScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly strongRecall: number;
  readonly macroF1: number;
}

export interface EvalFigures {
  readonly date: string;
  readonly seconds: number;
  readonly ecb?: { readonly clusters: number; readonly ours: AlignmentScore; readonly passages: AlignmentScore; readonly naive: AlignmentScore };
  readonly basil?: {
    readonly triplets: number;
    readonly headlinesTogether: number;
    readonly chained: number;
    readonly medianUniqueBodyShare: number;
    readonly medianUnrelatedBodyShare: number;
    readonly medianGroupSize: number;
    readonly largestGroup: number;
  };
  readonly seeds?: { readonly held: number; readonly total: number; readonly failed: readonly string[] };
  /** BASIL lexical-bias spans found by the marks in the text (words only), overall and per kind. */
  readonly highlights?: {
    readonly all: HighlightScore;
    readonly medianMarkedShare: number;
    readonly byKind: readonly (HighlightScore & { readonly kind: DifferenceKind; readonly count: number })[];
  };
}

export interface HighlightScore {
  /** Gold lex spans touched by a mark, over all gold lex spans. */
  readonly recall: number;
  /** Marked characters over all characters. */
  readonly density: number;
  /** Character recall over density: 1 is no better than marking at random. */
  readonly lift: number;
}

function scoreHighlights(evalRoot: string, predictions: string): HighlightScore {
  const run = spawnSync('python3', [join(evalRoot, 'score.py'), 'highlights', predictions], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`score.py failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr}`);
  const all = (JSON.parse(run.stdout) as Record<string, Record<string, number>>)['ALL']!;
  return { recall: all['lexical_span_recall_any_overlap']!, density: all['highlight_density']!, lift: all['lexical_char_recall_lift_over_random']! };
}

/** The union of [start, end) spans, in characters. */
function covered(spans: readonly (readonly [number, number])[]): number {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -1;
  for (const [a, b] of sorted) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function score(evalRoot: string, predictions: string, clusters: readonly string[] | undefined): AlignmentScore {
  const args = [join(evalRoot, 'score.py'), 'alignment', predictions];
  if (clusters) args.push('--clusters', clusters.join(','));
  const run = spawnSync('python3', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`score.py failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr}`);
  const out = JSON.parse(run.stdout) as Record<string, unknown>;
  const [precision, recall, f1] = out['micro_P_R_F1'] as [number, number, number];
  return { precision, recall, f1, strongRecall: out['recall_on_strong_gold(>=2 shared events)'] as number, macroF1: out['macro_F1_over_doc_pairs'] as number };
}

/** A progress bar on a terminal, plain lines (every tenth) elsewhere. */
function progress(total: number): (done: number) => void {
  const tty = process.stderr.isTTY;
  const started = Date.now();
  let lastDecile = -1;
  return (done) => {
    const elapsed = (Date.now() - started) / 1000;
    const left = done > 0 ? (elapsed / done) * (total - done) : 0;
    if (tty) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r eval [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}  ${elapsed.toFixed(0)} s, about ${left.toFixed(0)} s left `);
      if (done === total) process.stderr.write('\n');
    } else {
      const decile = Math.floor((done / total) * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        process.stderr.write(`eval: ${done}/${total} jobs, ${elapsed.toFixed(0)} s\n`);
      }
    }
  };
}

async function runAll(jobs: readonly EvalJob[], workers: number, lexiconPath: string, workerFile: string): Promise<EvalResult[]> {
  const results: EvalResult[] = new Array<EvalResult>(jobs.length);
  const tick = progress(jobs.length);
  const pool = Array.from({ length: Math.min(workers, jobs.length) }, () => new Worker(workerFile, { workerData: { lexiconPath } }));
  let next = 0;
  let done = 0;
  tick(0);
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolveAll, reject) => {
            const give = (): void => {
              if (next >= jobs.length) {
                resolveAll();
                return;
              }
              const index = next++;
              worker.postMessage({ index, job: jobs[index] });
            };
            worker.on('message', (message: { index: number; result?: EvalResult; error?: string }) => {
              if (message.error) {
                reject(new Error(`eval job ${JSON.stringify(jobs[message.index])} failed: ${message.error}`));
                return;
              }
              results[message.index] = message.result!;
              tick(++done);
              give();
            });
            worker.on('error', reject);
            give();
          }),
      ),
    );
  } finally {
    // Whatever happened, no worker is left to keep the process alive.
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return results;
}

export async function evaluate(argv: readonly string[], repoRoot: string, workerFile: string): Promise<EvalFigures> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      clusters: { type: 'string' },
      triplets: { type: 'string' },
      'no-basil': { type: 'boolean' },
      'no-seeds': { type: 'boolean' },
      workers: { type: 'string' },
      json: { type: 'boolean' },
      out: { type: 'string' },
    },
  });
  const evalRoot = process.env.PARALLAX_EVAL ?? resolve(repoRoot, '..', 'shared', 'eval');
  if (!existsSync(join(evalRoot, 'score.py'))) throw new Error(`The eval material is missing: expected ${evalRoot} (../shared/eval beside the checkout).`);
  const clusters = values.clusters?.split(',').filter(Boolean);
  const out = resolve(repoRoot, values.out ?? '.eval');
  mkdirSync(out, { recursive: true });
  const jobs = listJobs({
    evalRoot,
    clusters,
    triplets: values.triplets?.split(',').filter(Boolean),
    basil: !values['no-basil'],
    seedsDir: values['no-seeds'] ? undefined : resolve(repoRoot, '..', 'shared', 'seeds'),
    expectations: join(repoRoot, 'tests', 'fixtures', 'alignment', 'seeds.expected.json'),
  });
  const workers = values.workers ? Math.max(1, Number(values.workers)) : availableParallelism();
  const started = Date.now();
  const results = await runAll(jobs, workers, join(repoRoot, 'resources', 'lexicon', 'default.json'), workerFile);

  const ecb = results.filter((r): r is EcbResult => r.kind === 'ecb');
  const basil = results.filter((r): r is BasilResult => r.kind === 'basil');
  const seeds = results.find((r): r is SeedsResult => r.kind === 'seeds');
  const figures: { -readonly [K in keyof EvalFigures]: EvalFigures[K] } = { date: new Date().toISOString().slice(0, 10), seconds: 0 };
  if (ecb.length > 0) {
    const ours = join(out, 'ecb-ours.jsonl');
    const naive = join(out, 'ecb-naive.jsonl');
    const passages = join(out, 'ecb-passages.jsonl');
    writeFileSync(ours, ecb.flatMap((r) => r.ours.map((p) => JSON.stringify(p))).join('\n') + '\n');
    writeFileSync(passages, ecb.flatMap((r) => r.passages.map((p) => JSON.stringify(p))).join('\n') + '\n');
    writeFileSync(naive, ecb.flatMap((r) => r.naive.map((p) => JSON.stringify(p))).join('\n') + '\n');
    figures.ecb = { clusters: ecb.length, ours: score(evalRoot, ours, clusters), passages: score(evalRoot, passages, clusters), naive: score(evalRoot, naive, clusters) };
  }
  if (basil.length > 0) {
    const sizes = basil.flatMap((r) => r.groupSizes);
    figures.basil = {
      triplets: basil.length,
      headlinesTogether: basil.filter((r) => r.headlinesTogether).length,
      chained: basil.filter((r) => r.largestGroup >= 8).length,
      medianUniqueBodyShare: median(basil.map((r) => r.uniqueBodyShare)),
      medianUnrelatedBodyShare: median(basil.map((r) => r.unrelatedBodyShare)),
      medianGroupSize: median(sizes),
      largestGroup: Math.max(0, ...sizes),
    };
    writeFileSync(join(out, 'basil.jsonl'), basil.map((r) => JSON.stringify({ ...r, marks: undefined })).join('\n') + '\n');
    // The marks, scored against BASIL's lexical-bias spans: all kinds together, then each kind alone.
    const lines = (kinds: readonly DifferenceKind[] | null): string =>
      basil
        .flatMap((r) =>
          Object.entries(r.marks).map(([source, byKind]) =>
            JSON.stringify({ file: `triplets/${r.triplet}/${source}.txt`, spans: Object.entries(byKind).flatMap(([kind, spans]) => (kinds === null || kinds.includes(kind as DifferenceKind) ? spans : [])) }),
          ),
        )
        .join('\n') + '\n';
    const allFile = join(out, 'basil-marks.jsonl');
    writeFileSync(allFile, lines(null));
    const byKind: (HighlightScore & { kind: DifferenceKind; count: number })[] = [];
    for (const kind of DIFFERENCE_KINDS) {
      const count = basil.reduce((sum, r) => sum + (r.counts[kind] ?? 0), 0);
      if (count === 0) continue;
      const file = join(out, `basil-marks-${kind}.jsonl`);
      writeFileSync(file, lines([kind]));
      byKind.push({ kind, count, ...scoreHighlights(evalRoot, file) });
    }
    const shares = basil.flatMap((r) =>
      Object.entries(r.marks).map(([source, kinds]) => covered(Object.values(kinds).flat()) / Math.max(1, readFileSync(join(evalRoot, 'basil', 'triplets', r.triplet, `${source}.txt`), 'utf8').length)),
    );
    figures.highlights = { all: scoreHighlights(evalRoot, allFile), medianMarkedShare: median(shares), byKind };
  }
  if (seeds) figures.seeds = { held: seeds.held, total: seeds.total, failed: seeds.failed };
  figures.seconds = Math.round((Date.now() - started) / 100) / 10;
  return figures;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const f3 = (x: number): string => x.toFixed(3);

/** The figures as the table the README shows. */
export function formatFigures(figures: EvalFigures): string {
  const rows: string[] = [`Parallax on ../shared/eval (development split), ${figures.date}, ${figures.seconds} s`, '', '| measure | Parallax | naive floor | target |', '| --- | --- | --- | --- |'];
  if (figures.ecb) {
    const { ours, passages, naive, clusters } = figures.ecb;
    rows.push(
      `| ECB+ (${clusters} clusters): micro F1 | ${f3(ours.f1)} | ${f3(naive.f1)} | ≥ 0.85 |`,
      `| ECB+: micro precision | ${f3(ours.precision)} | ${f3(naive.precision)} | ≥ 0.85 |`,
      `| ECB+: micro recall | ${f3(ours.recall)} | ${f3(naive.recall)} | |`,
      `| ECB+: recall on strong gold | ${f3(ours.strongRecall)} | ${f3(naive.strongRecall)} | |`,
      `| ECB+: macro F1 over document pairs | ${f3(ours.macroF1)} | ${f3(naive.macroF1)} | |`,
      `| ECB+: passages alone (without related links): micro F1 (P, R) | ${f3(passages.f1)} (${f3(passages.precision)}, ${f3(passages.recall)}) | | |`,
    );
  }
  if (figures.basil) {
    const b = figures.basil;
    rows.push(
      `| BASIL (${b.triplets} triplets): the three headlines in one group | ${b.headlinesTogether} of ${b.triplets} | | ≥ 45 of 50 |`,
      `| BASIL: triplets with a chained group (8+ paragraphs) | ${b.chained} of ${b.triplets} | | ≤ 2 of 50 |`,
      `| BASIL: median share of body paragraphs left unique | ${pct(b.medianUniqueBodyShare)} | | |`,
      `| BASIL: median share of body paragraphs left unique and linked to no passage (told nowhere else) | ${pct(b.medianUnrelatedBodyShare)} | | |`,
      `| BASIL: median paragraphs per group (largest) | ${b.medianGroupSize} (${b.largestGroup}) | | |`,
    );
  }
  if (figures.seeds) rows.push(`| Seeds: reviewed expectations that hold | ${figures.seeds.held} of ${figures.seeds.total} | | all |`);
  if (figures.highlights) {
    const { all, medianMarkedShare, byKind } = figures.highlights;
    rows.push(
      `| BASIL marks in the text (words only): lex-span recall | ${f3(all.recall)} | | ≥ 0.5 |`,
      `| BASIL marks: lift over marking at random (density) | ${all.lift.toFixed(2)} (${pct(all.density)}) | | ≥ 4 |`,
      `| BASIL marks: median share of an article marked | ${pct(medianMarkedShare)} | | ≤ 10% |`,
      '',
      '| kind (BASIL, words only) | differences | lex-span recall | density | lift |',
      '| --- | --- | --- | --- | --- |',
      ...byKind.map((k) => `| ${k.kind} | ${k.count} | ${f3(k.recall)} | ${pct(k.density)} | ${k.lift.toFixed(2)} |`),
    );
  }
  if (figures.seeds && figures.seeds.failed.length > 0) rows.push('', ...figures.seeds.failed.map((why) => `- seeds, not held: ${why}`));
  return rows.join('\n') + '\n';
}

export async function main(argv: readonly string[], repoRoot: string, workerFile: string): Promise<number> {
  try {
    const figures = await evaluate(argv, repoRoot, workerFile);
    process.stdout.write(argv.includes('--json') ? JSON.stringify(figures) + '\n' : formatFigures(figures));
    return 0;
  } catch (error) {
    process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
