import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/seeds.js';

// `npm run eval` on a small part of ../shared/eval: that the harness runs the core, scores with the
// eval folder's score.py and prints its figures. What the figures are is for `npm run eval` to say.
const EVAL_ROOT = join(REPO_ROOT, '..', 'shared', 'eval');
const out = mkdtempSync(join(tmpdir(), 'parallax-eval-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function runEval(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'eval.js'), ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
}

describe('npm run eval', () => {
  const clusters = readdirSync(join(EVAL_ROOT, 'ecbplus', 'docs')).sort().slice(0, 2);
  const triplet = readdirSync(join(EVAL_ROOT, 'basil', 'triplets')).sort()[0]!;

  it('scores two ECB+ clusters, one BASIL triplet and the seeds, ours beside the naive floor', () => {
    const run = runEval(['--clusters', clusters.join(','), '--triplets', triplet, '--workers', '2', '--json', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const figures = JSON.parse(run.stdout) as {
      ecb: { clusters: number; ours: Record<string, number>; naive: Record<string, number> };
      basil: { triplets: number; headlinesTogether: number; chained: number; medianUniqueBodyShare: number };
      seeds: { held: number; total: number };
    };
    expect(figures.ecb.clusters).toBe(2);
    for (const side of [figures.ecb.ours, figures.ecb.naive]) {
      for (const key of ['precision', 'recall', 'f1', 'strongRecall', 'macroF1']) {
        expect(side[key], key).toBeGreaterThanOrEqual(0);
        expect(side[key], key).toBeLessThanOrEqual(1);
      }
    }
    expect(figures.basil.triplets).toBe(1);
    expect([0, 1]).toContain(figures.basil.headlinesTogether);
    expect(figures.basil.medianUniqueBodyShare).toBeGreaterThanOrEqual(0);
    expect(figures.seeds.total).toBeGreaterThan(0);
    // The predictions score.py read: one line per document pair of the two clusters, in its format.
    const lines = readFileSync(join(out, 'ecb-ours.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { cluster: string; pairs: unknown[] });
    expect(new Set(lines.map((line) => line.cluster))).toEqual(new Set(clusters));
    expect(lines.every((line) => Array.isArray(line.pairs))).toBe(true);
  });

  it('prints the table as the README shows it', () => {
    const run = runEval(['--clusters', clusters[0]!, '--no-basil', '--no-seeds', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\| ECB\+ \(1 clusters\): micro F1 \| \d\.\d{3} \| \d\.\d{3} \|/);
  });

  it('says clearly when the eval material is missing, and writes nothing', () => {
    const missing = join(out, 'no-such-eval');
    const run = runEval(['--out', join(out, 'missing')], { PARALLAX_EVAL: missing });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`eval: The eval material is missing: expected ${missing}`);
    expect(existsSync(join(out, 'missing', 'ecb-ours.jsonl'))).toBe(false);
  });
});
