import type { AlignmentGroup, GroupMember, ParagraphKind, SourceDocument } from '../contract/comparison.js';
import { STOP_WORDS, stem, tokenize } from './text.js';

/** How strict alignment is: paragraphs less alike than this are not linked. From 0 to 1. */
export const DEFAULT_ALIGN_THRESHOLD = 0.3;

/** Kinds of paragraph that can report something; captions and boilerplate are left out. */
const ALIGNED_KINDS: ReadonlySet<ParagraphKind> = new Set(['title', 'heading', 'body']);

export interface AlignOptions {
  /** From 0 (loose) to 1 (strict). */
  readonly threshold?: number;
}

/** One paragraph as a set of weighted terms. */
interface Unit {
  readonly doc: number;
  readonly paragraph: number;
  readonly terms: ReadonlyMap<string, number>;
  total: number;
}

function termsOf(text: string, start: number, end: number): Map<string, number> {
  const terms = new Map<string, number>();
  for (const token of tokenize(text, start, end)) {
    if (STOP_WORDS.has(token.norm)) continue;
    if (!token.isNumber && token.norm.length < 2) continue;
    const term = stem(token.norm);
    const boost = token.isNumber ? 1.5 : token.isCapitalized ? 1.25 : 1;
    terms.set(term, Math.max(terms.get(term) ?? 0, boost));
  }
  return terms;
}

/** Union-find over unit indices. */
class Components {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_v, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[i] !== root) {
      const next = this.parent[i]!;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  join(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Find which paragraphs of several documents report the same thing.
 *
 * Each paragraph is a set of content words (function words dropped, light stemming), weighted by how
 * rare they are across all paragraphs, with numbers and names weighing more. Candidate pairs come
 * from an inverted index, so unrelated paragraphs are never compared. A paragraph is linked to its
 * best match in each other document when they are alike enough; linked paragraphs form groups.
 */
export function alignDocuments(documents: readonly SourceDocument[], options: AlignOptions = {}): AlignmentGroup[] {
  const threshold = options.threshold ?? DEFAULT_ALIGN_THRESHOLD;
  const units: Unit[] = [];
  documents.forEach((document, doc) => {
    document.paragraphs.forEach((paragraph, index) => {
      if (!ALIGNED_KINDS.has(paragraph.kind)) return;
      const terms = termsOf(document.text, paragraph.start, paragraph.end);
      if (terms.size > 0) units.push({ doc, paragraph: index, terms, total: 0 });
    });
  });

  // Rarity of each term over all paragraphs.
  const frequency = new Map<string, number>();
  for (const unit of units) for (const term of unit.terms.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const weight = (term: string, boost: number): number => boost * Math.log(1 + units.length / (frequency.get(term) ?? 1));
  for (const unit of units) {
    let total = 0;
    for (const [term, boost] of unit.terms) total += weight(term, boost);
    unit.total = total;
  }

  // Inverted index: term to the units that have it.
  const postings = new Map<string, number[]>();
  units.forEach((unit, index) => {
    for (const term of unit.terms.keys()) {
      const list = postings.get(term);
      if (list) list.push(index);
      else postings.set(term, [index]);
    }
  });

  const components = new Components(units.length);
  const edgeScores = new Map<string, number>();
  units.forEach((unit, a) => {
    const shared = new Map<number, number>();
    for (const [term, boost] of unit.terms) {
      const w = weight(term, boost);
      for (const b of postings.get(term) ?? []) {
        if (units[b]!.doc !== unit.doc) shared.set(b, (shared.get(b) ?? 0) + w);
      }
    }
    // Best match in each other document.
    const best = new Map<number, { b: number; score: number }>();
    for (const [b, overlap] of shared) {
      const other = units[b]!;
      const cosine = overlap / Math.sqrt(unit.total * other.total);
      const containment = overlap / Math.min(unit.total, other.total);
      const score = 0.6 * cosine + 0.4 * containment;
      const current = best.get(other.doc);
      if (!current || score > current.score || (score === current.score && b < current.b)) best.set(other.doc, { b, score });
    }
    for (const { b, score } of best.values()) {
      if (score < threshold) continue;
      components.join(a, b);
      const key = a < b ? `${a}:${b}` : `${b}:${a}`;
      edgeScores.set(key, Math.max(edgeScores.get(key) ?? 0, score));
    }
  });

  // Collect components that span two or more documents.
  const byRoot = new Map<number, number[]>();
  units.forEach((_unit, index) => {
    const root = components.find(index);
    const list = byRoot.get(root);
    if (list) list.push(index);
    else byRoot.set(root, [index]);
  });
  const rootScores = new Map<number, number[]>();
  for (const [key, score] of edgeScores) {
    const root = components.find(Number(key.split(':')[0]));
    const list = rootScores.get(root);
    if (list) list.push(score);
    else rootScores.set(root, [score]);
  }

  const groups: { members: GroupMember[]; score: number; first: [number, number] }[] = [];
  for (const [root, indices] of byRoot) {
    const byDoc = new Map<number, number[]>();
    for (const index of indices) {
      const unit = units[index]!;
      const list = byDoc.get(unit.doc);
      if (list) list.push(unit.paragraph);
      else byDoc.set(unit.doc, [unit.paragraph]);
    }
    if (byDoc.size < 2) continue;
    const members = [...byDoc.entries()]
      .sort(([a], [b]) => a - b)
      .map(([doc, paragraphs]) => ({ doc, paragraphs: paragraphs.sort((x, y) => x - y) }));
    const scores = rootScores.get(root) ?? [0];
    const score = Math.round((scores.reduce((sum, s) => sum + s, 0) / scores.length) * 1000) / 1000;
    const first = members[0]!;
    groups.push({ members, score: Math.min(1, score), first: [first.doc, first.paragraphs[0]!] });
  }
  groups.sort((x, y) => x.first[0] - y.first[0] || x.first[1] - y.first[1]);
  return groups.map((group, i) => ({ id: `g${i + 1}`, members: group.members, score: group.score }));
}
