#!/usr/bin/env node
// `npm run bench`: the speed and memory figures of Parallax on this machine, one JSON line each.
//
// It generates its own inputs in .bench/ (a news-like report, a paraphrase of it with about a third
// of the words changed and the paragraphs reordered, an unrelated report, the same at 200,000 words,
// twelve documents of 300 paragraphs, and a report of 25 MB, the largest source Parallax opens),
// then times the real command line as whole processes, with the comparison's own time and peak
// memory from `parallax compare --timings`; then scripts/bench-renderer.js measures the window with
// five 50,000-word sources (`--no-renderer` skips it; `--no-200k` and `--no-25mb` skip the largest
// inputs). Budgets are printed beside the figures; nothing here fails on a slow machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'parallax.js');
const out = join(root, '.bench');
const seeds = join(root, '..', 'shared', 'seeds');
if (!existsSync(join(root, 'out', 'main', 'cli.js'))) {
  console.error('bench: build first (npm run build).');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

// A small, seeded random generator, so every run measures the same texts.
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUNCTION_WORDS = 'the of and to in a that for on with as by at from was were said has have had it its after over about but which who their this not be been will would more than'.split(' ');
const SYLLABLES = 'ka ro mi tan vel sor dun pe li mar quo ten bra sil ver no hal gre fin tor ash bel cor dra lin mor pra sta vin wel'.split(' ');

/** A vocabulary of pseudo-words with a Zipf-like spread, plus names and figures, as news has. */
function vocabulary(next, size) {
  const words = new Set();
  while (words.size < size) {
    const parts = 1 + Math.floor(next() * 3);
    let word = '';
    for (let i = 0; i < parts; i++) word += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
}

function report({ seed, words: wordCount, vocabularySize = 9000 }) {
  const next = random(seed);
  const vocab = vocabulary(next, vocabularySize);
  const zipf = () => vocab[Math.min(vocab.length - 1, Math.floor(Math.pow(next(), 2.2) * vocab.length))];
  const name = () => {
    const w = vocab[Math.floor(next() * 400)];
    return w[0].toUpperCase() + w.slice(1);
  };
  const paragraphs = [];
  let count = 0;
  while (count < wordCount) {
    const sentences = [];
    const sentenceCount = 2 + Math.floor(next() * 3);
    for (let s = 0; s < sentenceCount; s++) {
      const words = [];
      const length = 12 + Math.floor(next() * 14);
      for (let i = 0; i < length; i++) {
        const r = next();
        words.push(r < 0.45 ? FUNCTION_WORDS[Math.floor(next() * FUNCTION_WORDS.length)] : r < 0.52 ? name() : r < 0.55 ? String(Math.floor(next() * 50000)) : zipf());
      }
      words[0] = words[0][0].toUpperCase() + words[0].slice(1);
      sentences.push(words.join(' ') + '.');
      count += length;
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs;
}

/** About a third of the content words changed, sentences kept, paragraphs reordered. */
function paraphrase(paragraphs, seed) {
  const next = random(seed);
  const vocab = vocabulary(random(seed + 1), 9000);
  const changed = paragraphs.map((paragraph) =>
    paragraph
      .split(' ')
      .map((word) => (next() < 0.33 && !FUNCTION_WORDS.includes(word.toLowerCase()) ? vocab[Math.floor(next() * vocab.length)] + (word.endsWith('.') ? '.' : '') : word))
      .join(' '),
  );
  for (let i = changed.length - 1; i > 0; i--) {
    if (next() < 0.5) {
      const j = Math.floor(next() * (i + 1));
      [changed[i], changed[j]] = [changed[j], changed[i]];
    }
  }
  return changed;
}

function write(name, title, paragraphs) {
  const file = join(out, name);
  writeFileSync(file, [title, ...paragraphs].join('\n\n') + '\n');
  return file;
}

function time(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms: Math.round(ms), result };
}

/** The best of a few runs: the machine's noise only ever adds time. */
function best(runs, fn) {
  let winner = null;
  for (let i = 0; i < runs; i++) {
    const r = fn();
    if (!winner || r.ms < winner.ms) winner = r;
  }
  return winner;
}

function compare(files, runs = 3, options = {}) {
  const run = best(runs, () => time(process.execPath, [bin, 'compare', ...files, '--json', '--timings'], { stdio: ['ignore', 'ignore', 'pipe'], ...options }));
  const line = run.result.stderr.split('\n').find((l) => l.startsWith('{"timings"'));
  if (run.result.status !== 0 || !line) throw new Error(`parallax compare failed: ${run.result.stderr}`);
  return { ms: run.ms, ...JSON.parse(line) };
}

const emit = (figure) => console.log(JSON.stringify(figure));

// 0. What a process costs before Parallax does anything: Node itself, and `parallax --version`.
const nodeAlone = best(7, () => time(process.execPath, ['-e', '0'], { stdio: 'ignore' }));
const version = best(7, () => time(process.execPath, [bin, '--version'], { stdio: 'ignore' }));
const ratio = (x, y) => Math.round((x / y) * 100) / 100;
emit({ figure: 'node -e 0', ms: nodeAlone.ms });
emit({ figure: 'parallax --version: whole process', ms: version.ms, ratioToNode: ratio(version.ms, nodeAlone.ms), budgetRatio: 1.3, withinBudget: version.ms <= 1.3 * nodeAlone.ms });

// 1. The five seeds.
const seedFiles = existsSync(seeds) ? readdirSync(seeds).filter((n) => n.endsWith('.txt')).map((n) => join(seeds, n)) : [];
if (seedFiles.length > 0) {
  const r = compare(seedFiles, 5);
  emit({ figure: 'seeds: whole process', ms: r.ms, ratioToNode: ratio(r.ms, nodeAlone.ms), budgetRatio: 2.5, withinBudget: r.ms <= 2.5 * nodeAlone.ms });
  emit({ figure: 'seeds: comparison itself', ms: r.timings.compareMs, openMs: r.timings.openMs });
} else {
  emit({ figure: 'seeds', skipped: `no seeds at ${seeds}` });
}

// 2. Two 50,000-word reports against git diff --word-diff, then two of 200,000 words: each size
// against the one before, so a step that grows faster than the input shows.
const original = report({ seed: 7, words: 50_000 });
const a = write('report-50k.txt', 'Report one', original);
const b = write('paraphrase-50k.txt', 'Report two', paraphrase(original, 11));
const unrelated = write('unrelated-50k.txt', 'Another story', report({ seed: 99, words: 50_000 }));
const git = best(3, () => time('git', ['diff', '--no-index', '--word-diff', a, b], { stdio: ['ignore', 'ignore', 'ignore'] }));
const pair = compare([a, b]);
emit({ figure: '50,000-word pair: whole process', ms: pair.ms, gitWordDiffMs: git.ms, ratioToGit: ratio(pair.ms, git.ms), budgetRatio: 10, aimRatio: 3, withinBudget: pair.ms <= 10 * git.ms });
emit({ figure: '50,000-word pair: comparison itself', ms: pair.timings.compareMs });
emit({ figure: '50,000-word pair: peak memory', megabytes: pair.peakRssMB, budgetMB: 400, withinBudget: pair.peakRssMB < 400 });
const apart = compare([a, unrelated]);
emit({ figure: '50,000-word report against an unrelated one: whole process', ms: apart.ms });
if (!process.argv.includes('--no-200k')) {
  const larger = report({ seed: 8, words: 200_000 });
  const a4 = write('report-200k.txt', 'Report one', larger);
  const b4 = write('paraphrase-200k.txt', 'Report two', paraphrase(larger, 12));
  const pair4 = compare([a4, b4], 1);
  emit({ figure: '200,000-word pair: whole process', ms: pair4.ms, ratioTo50k: ratio(pair4.ms, pair.ms), budgetRatio: 5, withinBudget: pair4.ms <= 5 * pair.ms });
  emit({ figure: '200,000-word pair: comparison itself', ms: pair4.timings.compareMs, ratioTo50k: ratio(pair4.timings.compareMs, pair.timings.compareMs) });
  emit({ figure: '200,000-word pair: peak memory', megabytes: pair4.peakRssMB, budgetMB: 500, withinBudget: pair4.peakRssMB < 500 });
}

// 3. Twelve documents of 300 paragraphs each, about one story.
const base = report({ seed: 21, words: 300 * 40 }).slice(0, 300);
const twelve = Array.from({ length: 12 }, (_v, i) => write(`twelve-${String(i + 1).padStart(2, '0')}.txt`, `Source ${i + 1}`, paraphrase(base, 100 + i)));
const many = compare(twelve, 1);
emit({ figure: '12 documents x 300 paragraphs: whole process', ms: many.ms, budgetMs: 3000, withinBudget: many.ms < 3000 });
emit({ figure: '12 documents x 300 paragraphs: comparison itself', ms: many.timings.compareMs, peakMB: many.peakRssMB });

// 4. A source of 25 MB, the largest Parallax opens (issue 14), against a news article of 900 words:
// the whole process, and its peak memory. The command line stops reading and comparing at the app's
// limit for a comparison (120 seconds), so the figure says how far below that limit it stays.
if (!process.argv.includes('--no-25mb')) {
  const MAX_SOURCE_BYTES = 25 * 1024 * 1024;
  const largest = join(out, 'report-25mb.txt');
  if (!existsSync(largest) || statSync(largest).size > MAX_SOURCE_BYTES || statSync(largest).size < MAX_SOURCE_BYTES - 64 * 1024) {
    // Varied sentences (the generator above, 4 million words), cut at a paragraph to just under 25 MB.
    const paragraphs = report({ seed: 31, words: 4_000_000 });
    const kept = ['A very long report'];
    let bytes = Buffer.byteLength(kept[0]) + 1;
    for (const paragraph of paragraphs) {
      const size = Buffer.byteLength(paragraph) + 2;
      if (bytes + size > MAX_SOURCE_BYTES - 4096) break;
      kept.push(paragraph);
      bytes += size;
    }
    writeFileSync(largest, kept.join('\n\n') + '\n');
  }
  const article = write('article-900.txt', 'A news article', report({ seed: 5, words: 900 }));
  const megabytes = Math.round((statSync(largest).size / (1024 * 1024)) * 10) / 10;
  const figure = `${megabytes} MB source against a 900-word article: whole process`;
  try {
    const huge = compare([largest, article], 1, { timeout: 10 * 60_000 });
    emit({ figure, ms: huge.ms, compareMs: huge.timings.compareMs, openMs: huge.timings.openMs, peakMB: huge.peakRssMB, timeLimitMs: 120_000, withinTimeLimit: huge.ms < 120_000 });
  } catch (error) {
    // Stopped at the time limit (exit 2, said on stderr), or worse: the line says so.
    emit({ figure, failed: String(error instanceof Error ? error.message : error).trim().split('\n').slice(-2).join(' '), timeLimitMs: 120_000 });
  }
}

// 5. The renderer: five sources of 50,000 words opened in the built renderer in Chromium (time to
// first view, longest main-thread task while opening and while scrolling, heap). It needs the
// Chromium the end-to-end tests use; without it the line says why.
if (!process.argv.includes('--no-renderer')) {
  const renderer = spawnSync(process.execPath, [join(root, 'scripts', 'bench-renderer.js')], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const lines = renderer.stdout.split('\n').filter((line) => line.startsWith('{'));
  if (lines.length > 0) for (const line of lines) console.log(line);
  else emit({ figure: 'renderer', failed: (renderer.stderr || `exit ${renderer.status}`).trim().split('\n').slice(-3).join(' ') });
}

try {
  emit({ figure: 'machine', cores: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()), node: process.version });
} catch {
  emit({ figure: 'machine', node: process.version });
}
