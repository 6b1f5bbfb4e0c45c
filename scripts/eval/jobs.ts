/**
 * The jobs of `npm run eval`: each reads real, human-annotated news from ../shared/eval at run time
 * (its text never enters the repository) and runs the project's own core over it.
 *
 * - An ECB+ cluster: every news text of one cluster compared at once, as a researcher would open
 *   them; the block pairs that share a group are the predictions that score.py scores. The naive
 *   floor of the eval README (TF-IDF cosine over every sentence pair, pairs above 0.15 joined) is
 *   worked out here too, so that it is measured beside ours rather than quoted.
 * - A BASIL triplet: the three outlets' reports read as `parallax compare` reads .txt files, then
 *   measured as a reader meets them: are the headlines together, does a group chain, how much of
 *   each report is left "only in this source".
 * - The seeds: the reviewed expectations of tests/fixtures/alignment, counted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AlignmentGroup, DifferenceKind, SourceDocument } from '../../src/shared/contract/comparison.js';
import type { Lexicon } from '../../src/shared/contract/lexicon.js';
import { alignDocuments } from '../../src/shared/core/align.js';
import { compareDocuments } from '../../src/shared/core/compare.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';

export type EvalJob =
  | { readonly kind: 'ecb'; readonly cluster: string; readonly dir: string }
  | { readonly kind: 'basil'; readonly triplet: string; readonly dir: string }
  | { readonly kind: 'seeds'; readonly dir: string; readonly expectations: string };

/** One document pair's predicted block pairs, in score.py's format. */
export interface AlignmentPrediction {
  readonly cluster: string;
  readonly doc_a: string;
  readonly doc_b: string;
  readonly pairs: [number, number][];
}

export interface EcbResult {
  readonly kind: 'ecb';
  readonly cluster: string;
  /** Blocks in one passage, or joined by a passage's related links. */
  readonly ours: AlignmentPrediction[];
  /** Blocks in one passage only. */
  readonly passages: AlignmentPrediction[];
  readonly naive: AlignmentPrediction[];
  readonly ms: number;
}

export interface BasilResult {
  readonly kind: 'basil';
  readonly triplet: string;
  /** All three titles in one group. */
  readonly headlinesTogether: boolean;
  /** The largest group's paragraph count. */
  readonly largestGroup: number;
  /** Each group's paragraph count. */
  readonly groupSizes: number[];
  /** Body paragraphs in no group, over all body paragraphs of the three. */
  readonly uniqueBodyShare: number;
  /** The same, less the paragraphs a passage's related link says tell what that passage tells. */
  readonly unrelatedBodyShare: number;
  /**
   * The marks in the text, per source file ("fox", "nyt", "hpo"), words only: every difference's
   * spans but the whole-paragraph "only in this source" omissions, by kind, as [start, end] offsets
   * into the .txt file.
   */
  readonly marks: Record<string, Partial<Record<DifferenceKind, [number, number][]>>>;
  /** Differences by kind, words only. */
  readonly counts: Partial<Record<DifferenceKind, number>>;
  readonly ms: number;
}

export interface SeedsResult {
  readonly kind: 'seeds';
  readonly held: number;
  readonly total: number;
  readonly failed: string[];
  readonly ms: number;
}

export type EvalResult = EcbResult | BasilResult | SeedsResult;

/** The jobs over an eval folder (../shared/eval) and the seeds; `clusters` limits ECB+ to those named. */
export function listJobs(options: {
  readonly evalRoot: string;
  readonly seedsDir?: string;
  readonly expectations?: string;
  readonly clusters?: readonly string[];
  readonly triplets?: readonly string[];
  readonly basil?: boolean;
}): EvalJob[] {
  const jobs: EvalJob[] = [];
  const ecbDocs = join(options.evalRoot, 'ecbplus', 'docs');
  for (const cluster of readdirSync(ecbDocs).sort()) {
    if (options.clusters && !options.clusters.includes(cluster)) continue;
    jobs.push({ kind: 'ecb', cluster, dir: join(ecbDocs, cluster) });
  }
  if (options.basil !== false) {
    const triplets = join(options.evalRoot, 'basil', 'triplets');
    for (const triplet of readdirSync(triplets).sort()) {
      if (options.triplets && !options.triplets.includes(triplet)) continue;
      jobs.push({ kind: 'basil', triplet, dir: join(triplets, triplet) });
    }
  }
  if (options.seedsDir && options.expectations) jobs.push({ kind: 'seeds', dir: options.seedsDir, expectations: options.expectations });
  return jobs;
}

/** The blocks of an ECB+ text: blank-line separated, block 0 the headline. */
function ecbBlocks(text: string): string[] {
  return text.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n\n');
}

/**
 * Pairs of blocks of every two documents that share a group, and, with `related`, those joined by a
 * group's related links too (a sentence linked to one in another passage as closely as a passage's own).
 */
function pairsFromGroups(names: readonly string[], groups: readonly AlignmentGroup[], cluster: string, documents?: readonly SourceDocument[]): AlignmentPrediction[] {
  const related = new Set<string>();
  const blockAt = (doc: number, offset: number): number => documents![doc]!.paragraphs.findIndex((paragraph) => paragraph.start <= offset && offset < paragraph.end);
  if (documents) {
    for (const group of groups) {
      for (const link of group.related ?? []) {
        const [x, y] = link.spans;
        related.add(`${x.doc}:${blockAt(x.doc, x.start)}|${y.doc}:${blockAt(y.doc, y.start)}`);
        related.add(`${y.doc}:${blockAt(y.doc, y.start)}|${x.doc}:${blockAt(x.doc, x.start)}`);
      }
    }
  }
  const groupOf = names.map(() => new Map<number, string[]>());
  for (const group of groups) {
    for (const member of group.members) {
      for (const paragraph of member.paragraphs) {
        const list = groupOf[member.doc]!.get(paragraph) ?? [];
        list.push(group.id);
        groupOf[member.doc]!.set(paragraph, list);
      }
    }
  }
  const out: AlignmentPrediction[] = [];
  for (let a = 0; a < names.length; a++) {
    for (let b = a + 1; b < names.length; b++) {
      const pairs: [number, number][] = [];
      for (const [pa, ga] of groupOf[a]!) for (const [pb, gb] of groupOf[b]!) if (ga.some((id) => gb.includes(id))) pairs.push([pa, pb]);
      for (const key of related) {
        const [[da, pa], [db, pb]] = key.split('|').map((end) => end.split(':').map(Number)) as [[number, number], [number, number]];
        if (da === a && db === b && !pairs.some(([x, y]) => x === pa && y === pb)) pairs.push([pa, pb]);
      }
      pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      out.push({ cluster, doc_a: names[a]!, doc_b: names[b]!, pairs });
    }
  }
  return out;
}

// The naive floor, as the eval README describes it (tokens and stop words as score.py has them).
const NAIVE_WORD = /[A-Za-z][A-Za-z'\u2019-]*|\d[\d,.]*/g;
const NAIVE_STOP = new Set(
  `a an the and or but if of to in on at by for with from as is are was were be been being it its this that
these those he she they we you i his her their our your them him us me my not no so than then there here who whom which
what when where why how all any both each few more most other some such only own same too very can will just do does did
has have had having would should could may might must said says say also about after before over under again further
into out up down off once during while because until against between through above below mr ms mrs`.split(/\s+/),
);

function naiveAlignment(names: readonly string[], blocks: readonly string[][], cluster: string): AlignmentPrediction[] {
  const tokens = blocks.map((doc) => doc.map((block) => (block.match(NAIVE_WORD) ?? []).map((w) => w.toLowerCase()).filter((w) => !NAIVE_STOP.has(w))));
  const df = new Map<string, number>();
  let count = 0;
  for (const doc of tokens) {
    for (const block of doc) {
      count++;
      for (const word of new Set(block)) df.set(word, (df.get(word) ?? 0) + 1);
    }
  }
  const vectors = tokens.map((doc) =>
    doc.map((block) => {
      const tf = new Map<string, number>();
      for (const word of block) tf.set(word, (tf.get(word) ?? 0) + 1);
      const v = new Map<string, number>();
      for (const [word, n] of tf) v.set(word, n * Math.log((1 + count) / (1 + df.get(word)!)));
      const norm = Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0)) || 1;
      for (const [word, x] of v) v.set(word, x / norm);
      return v;
    }),
  );
  // Union-find over every (doc, block).
  const ids: [number, number][] = [];
  const idOf = vectors.map((doc, d) => doc.map((_v, b) => ids.push([d, b]) - 1));
  const parent = ids.map((_x, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let a = 0; a < vectors.length; a++) {
    for (let b = a + 1; b < vectors.length; b++) {
      vectors[a]!.forEach((va, ia) =>
        vectors[b]!.forEach((vb, ib) => {
          let dot = 0;
          for (const [word, x] of va) dot += x * (vb.get(word) ?? 0);
          if (dot >= 0.15) parent[find(idOf[a]![ia]!)] = find(idOf[b]![ib]!);
        }),
      );
    }
  }
  const out: AlignmentPrediction[] = [];
  for (let a = 0; a < names.length; a++) {
    for (let b = a + 1; b < names.length; b++) {
      const pairs: [number, number][] = [];
      idOf[a]!.forEach((x, ia) => idOf[b]!.forEach((y, ib) => find(x) === find(y) && pairs.push([ia, ib])));
      out.push({ cluster, doc_a: names[a]!, doc_b: names[b]!, pairs });
    }
  }
  return out;
}

function runEcb(job: Extract<EvalJob, { kind: 'ecb' }>): EcbResult {
  const started = performance.now();
  const files = readdirSync(job.dir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const names = files.map((name) => name.replace(/\.txt$/, ''));
  const blocks = files.map((name) => ecbBlocks(readFileSync(join(job.dir, name), 'utf8')));
  const documents = files.map((name, i) =>
    makeSourceDocument({ path: join(job.dir, name), blocks: blocks[i]!.map((text, b) => ({ text, kind: b === 0 ? 'title' : 'body' })) }),
  );
  documents.forEach((document, i) => {
    if (document.paragraphs.length !== blocks[i]!.length) throw new Error(`${files[i]}: ${blocks[i]!.length} blocks became ${document.paragraphs.length} paragraphs`);
  });
  const groups = alignDocuments(documents);
  return { kind: 'ecb', cluster: job.cluster, ours: pairsFromGroups(names, groups, job.cluster, documents), passages: pairsFromGroups(names, groups, job.cluster), naive: naiveAlignment(names, blocks, job.cluster), ms: performance.now() - started };
}

function runBasil(job: Extract<EvalJob, { kind: 'basil' }>, lexicon: Lexicon | undefined): BasilResult {
  const started = performance.now();
  const sources = ['fox', 'nyt', 'hpo'];
  const documents: SourceDocument[] = sources.map((source) => {
    const path = join(job.dir, `${source}.txt`);
    return makeSourceDocument({ path, text: readFileSync(path, 'utf8') });
  });
  const comparison = compareDocuments(documents, { lexicon });
  const titleOf = documents.map((document) => document.paragraphs.findIndex((paragraph) => paragraph.kind === 'title'));
  const headlinesTogether = comparison.groups.some((group) => documents.every((_d, doc) => group.members.some((m) => m.doc === doc && m.paragraphs.includes(titleOf[doc]!))));
  const groupSizes = comparison.groups.map((group) => group.members.reduce((sum, member) => sum + member.paragraphs.length, 0));
  const bodies = documents.reduce((sum, document) => sum + document.paragraphs.filter((paragraph) => paragraph.kind === 'body').length, 0);
  const uniqueBodies = (comparison.unique ?? []).filter((u) => documents[u.doc]!.paragraphs[u.paragraph]!.kind === 'body').length;
  const relatedEnds = comparison.groups.flatMap((group) => (group.related ?? []).flatMap((link) => link.spans));
  const unrelatedBodies = (comparison.unique ?? []).filter((u) => {
    const paragraph = documents[u.doc]!.paragraphs[u.paragraph]!;
    return paragraph.kind === 'body' && !relatedEnds.some((span) => span.doc === u.doc && span.start >= paragraph.start && span.start < paragraph.end);
  }).length;
  // The text as read must be the file's text, so that offsets into it are offsets into the file.
  documents.forEach((document, doc) => {
    if (document.text !== readFileSync(join(job.dir, `${sources[doc]}.txt`), 'utf8')) throw new Error(`${job.triplet}/${sources[doc]}.txt: the text as read differs from the file`);
  });
  const marks: BasilResult['marks'] = Object.fromEntries(sources.map((source) => [source, {}]));
  const counts: BasilResult['counts'] = {};
  for (const difference of comparison.differences) {
    // A whole paragraph only one source has is not a mark in the text (the loaded words in it are).
    if (difference.rule === 'paragraph-one-side') continue;
    counts[difference.kind] = (counts[difference.kind] ?? 0) + 1;
    for (const span of difference.spans) {
      const byKind = marks[sources[span.doc]!]!;
      (byKind[difference.kind] ??= []).push([span.start, span.end]);
    }
  }
  return {
    kind: 'basil',
    triplet: job.triplet,
    marks,
    counts,
    headlinesTogether,
    largestGroup: Math.max(0, ...groupSizes),
    groupSizes,
    uniqueBodyShare: bodies > 0 ? uniqueBodies / bodies : 0,
    unrelatedBodyShare: bodies > 0 ? unrelatedBodies / bodies : 0,
    ms: performance.now() - started,
  };
}

interface SeedExpectations {
  together: { why: string; paragraphs: [string, string][] }[];
  apart: { why: string; paragraphs: [[string, string], [string, string]] }[];
  unique: { why: string; paragraph: [string, string] }[];
}

function runSeeds(job: Extract<EvalJob, { kind: 'seeds' }>, lexicon: Lexicon | undefined): SeedsResult {
  const started = performance.now();
  const expected = JSON.parse(readFileSync(job.expectations, 'utf8')) as SeedExpectations;
  const files = readdirSync(job.dir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const documents = files.map((name) => makeSourceDocument({ path: join(job.dir, name), text: readFileSync(join(job.dir, name), 'utf8') }));
  const comparison = compareDocuments(documents, { lexicon });
  const groupOf = ([number, needle]: [string, string]): string | undefined => {
    const doc = files.findIndex((name) => name.startsWith(`${number}_`));
    const document = documents[doc]!;
    const paragraph = document.paragraphs.findIndex((p) => document.text.slice(p.start, p.end).includes(needle));
    return comparison.groups.find((group) => group.members.some((member) => member.doc === doc && member.paragraphs.includes(paragraph)))?.id;
  };
  const failed: string[] = [];
  for (const item of expected.together) {
    const ids = item.paragraphs.map(groupOf);
    if (ids[0] === undefined || new Set(ids).size !== 1) failed.push(`together: ${item.why}`);
  }
  for (const item of expected.apart) {
    const [a, b] = item.paragraphs.map(groupOf);
    if (a !== undefined && a === b) failed.push(`apart: ${item.why}`);
  }
  for (const item of expected.unique) if (groupOf(item.paragraph) !== undefined) failed.push(`unique: ${item.why}`);
  const total = expected.together.length + expected.apart.length + expected.unique.length;
  return { kind: 'seeds', held: total - failed.length, total, failed, ms: performance.now() - started };
}

/** Run one job with the project's core. */
export function runJob(job: EvalJob, lexicon?: Lexicon): EvalResult {
  if (job.kind === 'ecb') return runEcb(job);
  if (job.kind === 'basil') return runBasil(job, lexicon);
  return runSeeds(job, lexicon);
}
