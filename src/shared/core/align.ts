import type { AlignmentGroup, GroupMember, ParagraphKind, SentenceLink, SourceDocument } from '../contract/comparison.js';
import { splitSentences } from './sentences.js';
import { paragraphTokens, STOP_WORDS, stem, tokenize, tokensWithin, type Token } from './text.js';

/** How strict alignment is by default: paragraphs less alike than this are not linked. From 0 to 1. */
export const DEFAULT_ALIGN_THRESHOLD = 0.25;

/** Kinds of paragraph that can report something; captions and boilerplate are left out. */
export const ALIGNED_KINDS: ReadonlySet<ParagraphKind> = new Set(['title', 'heading', 'body']);

export interface AlignOptions {
  /** From 0 (loose) to 1 (strict). */
  readonly threshold?: number;
  /** Called now and then with the share of the work done, from 0 to 1. */
  readonly onProgress?: (done: number) => void;
}

/**
 * Words that news reports use for the same thing, folded to one term for alignment only (the
 * differences between them are what the analysis shows, so they must not keep paragraphs apart).
 */
const SAME_THING: readonly (readonly string[])[] = [
  ['killed', 'kill', 'kills', 'killing', 'died', 'die', 'dies', 'dead', 'death', 'deaths', 'lives', 'fatalities', 'toll'],
  ['hostages', 'hostage', 'captives', 'captive', 'prisoners', 'prisoner', 'detainees', 'detainee', 'abductees'],
  ['war', 'conflict', 'assault', 'offensive', 'fighting', 'hostilities', 'genocide'],
  ['gunmen', 'militants', 'fighters', 'terrorists', 'resistance', 'insurgents'],
  ['talks', 'negotiations', 'negotiation', 'negotiate', 'negotiating', 'discussions'],
  ['ceasefire', 'cease-fire', 'truce'],
  ['release', 'released', 'releasing', 'freeing', 'freed', 'free'],
  ['wounded', 'injured', 'injuries', 'hurt'],
  ['displaced', 'evacuees', 'evacuated', 'refugees', 'homeless'],
  ['deal', 'agreement', 'accord'],
  ['protesters', 'rioters', 'demonstrators', 'protest', 'protests', 'demonstration'],
  ['disaster', 'catastrophe', 'accident', 'tragedy'],
];
const CONCEPT = new Map<string, string>();
/** Text between quotation marks (straight, curly, or guillemets). */
const QUOTED = /["“«]([^"”»]{3,300})["”»]/g;
for (const words of SAME_THING) for (const word of words) CONCEPT.set(word, `~${words[0]}`);

/** The weighted terms of a span of text: content words (stemmed), numbers and names weighing more. */
function termsOf(tokens: readonly Token[]): Map<string, number> {
  const terms = new Map<string, number>();
  tokens.forEach((token, i) => {
    if (STOP_WORDS.has(token.norm)) return;
    if (!token.isNumber && token.norm.length < 2) return;
    const term = CONCEPT.get(token.norm) ?? stem(token.norm);
    // A capital inside a sentence marks a name; a number is a figure: both say what a report is about.
    const boost = token.isNumber ? (token.norm.length >= 3 ? 1.6 : 1.2) : token.isCapitalized && i > 0 ? 1.3 : 1;
    terms.set(term, Math.max(terms.get(term) ?? 0, boost));
  });
  // What the figures count: "46,500 people", "445,581 Palestinians" and "46,500 lives" all give a
  // figure-of feature, so that reports of the same quantity match even when the numbers differ.
  const deaths = [...terms.keys()].includes('~killed');
  tokens.forEach((token, i) => {
    if (!token.isNumber || token.norm.replace(/\D/g, '').length < 2) return;
    const next = tokens.slice(i + 1, i + 4).find((t) => !t.isNumber && !STOP_WORDS.has(t.norm));
    if (next) {
      const counted = CONCEPT.get(next.norm) ?? stem(next.norm);
      terms.set(`#${counted}`, 1.5);
    }
    if (deaths) terms.set('#~killed', 1.5);
  });
  return terms;
}

/**
 * Pairs of neighbouring words inside quotation marks. Two reports quoting the same words report the
 * same statement; these add to a match but never count against one (a paraphrase of a quote is a
 * difference to show, not a reason to keep two paragraphs apart).
 */
function quotedPairs(text: string, start: number, end: number): Set<string> {
  const pairs = new Set<string>();
  for (const quote of text.slice(start, end).matchAll(QUOTED)) {
    const words = tokenize(quote[1]!).map((token) => token.norm);
    for (let i = 0; i + 1 < words.length; i++) pairs.add(`${words[i]} ${words[i + 1]}`);
  }
  return pairs;
}

interface Sentence {
  readonly doc: number;
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  readonly terms: Map<string, number>;
  readonly isTitle: boolean;
  readonly quoted: Set<string>;
  total: number;
  /** Term ids, ascending, and each one's weight (boost times rarity): for a fast merge. */
  ids: Int32Array;
  weights: Float64Array;
}

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

/** A sentence pair counts as saying the same thing from this similarity up. */
const SENTENCE_FLOOR = 0.2;
/** What each pair of quoted words two sentences share adds to their similarity, up to a cap. */
const QUOTE_BONUS = 0.05;
const QUOTE_BONUS_CAP = 0.25;
/** How many of a sentence's rarest terms are looked up to find candidate matches. */
const CANDIDATE_TERMS = 5;
const EMPTY_IDS = new Int32Array(0);
const EMPTY_WEIGHTS = new Float64Array(0);
/** How much one matched sentence counts for its paragraphs, against their coverage. */
const SINGLE_SENTENCE_WEIGHT = 0.85;
/** A term in more sentences than this share of all is too common to find candidates with. */
const COMMON_SHARE = 0.08;

/**
 * Find which paragraphs of several documents report the same thing.
 *
 * Work happens at the sentence level: each sentence is a set of content words (function words
 * dropped, light stemming, words news reports use for the same thing folded together), weighted by
 * how rare they are, with figures and names weighing more. Candidate sentence pairs come from an
 * inverted index over rare terms, so unrelated text is never compared; identical paragraphs are
 * matched by hash. Two paragraphs are alike as far as the sentences of one are matched in the
 * other, so a paragraph that merges several of another source's is linked to each of them. Linked
 * paragraphs form groups, which record which sentences matched which.
 *
 * Documents are processed in an order fixed by their content, so the groups do not depend on the
 * order in which they were given.
 */
export function alignDocuments(documents: readonly SourceDocument[], options: AlignOptions = {}): AlignmentGroup[] {
  const threshold = options.threshold ?? DEFAULT_ALIGN_THRESHOLD;
  const progress = options.onProgress ?? (() => {});
  // A canonical order: by content, then path (ties between identical texts).
  const order = documents.map((_d, i) => i).sort((a, b) => {
    const x = documents[a]!;
    const y = documents[b]!;
    return x.hash < y.hash ? -1 : x.hash > y.hash ? 1 : x.path < y.path ? -1 : x.path > y.path ? 1 : a - b;
  });

  // Paragraph units and their sentences.
  interface ParagraphUnit {
    readonly doc: number;
    readonly paragraph: number;
    readonly key: string;
    readonly sentences: number[];
  }
  const paragraphs: ParagraphUnit[] = [];
  const sentences: Sentence[] = [];
  for (const doc of order) {
    const document = documents[doc]!;
    document.paragraphs.forEach((paragraph, index) => {
      if (!ALIGNED_KINDS.has(paragraph.kind)) return;
      const ids: number[] = [];
      for (const range of splitSentences(document.text, paragraph.start, paragraph.end)) {
        const terms = termsOf(tokensWithin(paragraphTokens(document, index), range.start, range.end));
        if (terms.size === 0) continue;
        ids.push(sentences.length);
        sentences.push({ doc, paragraph: index, start: range.start, end: range.end, terms, isTitle: paragraph.kind === 'title', quoted: quotedPairs(document.text, range.start, range.end), total: 0, ids: EMPTY_IDS, weights: EMPTY_WEIGHTS });
      }
      if (ids.length === 0) return;
      const key = document.text.slice(paragraph.start, paragraph.end).toLowerCase().replace(/\s+/g, ' ');
      paragraphs.push({ doc, paragraph: index, key, sentences: ids });
    });
  }
  progress(0.2);

  // Rarity of each term over all sentences.
  const frequency = new Map<string, number>();
  for (const sentence of sentences) for (const term of sentence.terms.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const termIds = new Map<string, number>();
  const idf: number[] = [];
  const df: number[] = [];
  for (const [term, count] of frequency) {
    termIds.set(term, idf.length);
    idf.push(Math.log(1 + sentences.length / count));
    df.push(count);
  }
  for (const sentence of sentences) {
    const entries = [...sentence.terms].map(([term, boost]) => [termIds.get(term)!, boost] as const).sort((x, y) => x[0] - y[0]);
    sentence.ids = Int32Array.from(entries, ([id]) => id);
    sentence.weights = Float64Array.from(entries, ([id, boost]) => boost * idf[id]!);
    sentence.total = sentence.weights.reduce((sum, w) => sum + w, 0);
  }

  // Inverted index over the terms rare enough to find candidates with; each sentence looks up only
  // its rarest few terms, which any sentence reporting the same thing is bound to share.
  const commonLimit = Math.max(8, Math.ceil(sentences.length * COMMON_SHARE));
  const postings: number[][] = idf.map(() => []);
  sentences.forEach((sentence, id) => {
    for (const term of sentence.ids) if (df[term]! <= commonLimit) postings[term]!.push(id);
  });

  const similarity = (a: Sentence, b: Sentence): number => {
    let shared = 0;
    let i = 0;
    let j = 0;
    while (i < a.ids.length && j < b.ids.length) {
      const x = a.ids[i]!;
      const y = b.ids[j]!;
      if (x === y) {
        shared += Math.min(a.weights[i]!, b.weights[j]!);
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
    let quoted = 0;
    if (a.quoted.size > 0 && b.quoted.size > 0) for (const pair of a.quoted) if (b.quoted.has(pair)) quoted++;
    return Math.min(1, shared / Math.sqrt(a.total * b.total) + Math.min(QUOTE_BONUS_CAP, QUOTE_BONUS * quoted));
  };

  // Best matching sentence in each other document, for every sentence.
  const sentenceLinks = new Map<number, number>();
  const linkKey = (a: number, b: number): number => (a < b ? a * sentences.length + b : b * sentences.length + a);
  const seen = new Int32Array(sentences.length).fill(-1);
  sentences.forEach((sentence, a) => {
    if (a % 512 === 0) progress(0.2 + 0.6 * (a / Math.max(1, sentences.length)));
    // The rarest few terms, with every term as rare as the last of them (so that which terms are
    // looked up does not depend on the order in which terms were first seen).
    const usable = [...sentence.ids].filter((term) => df[term]! <= commonLimit).sort((x, y) => df[x]! - df[y]!);
    const cutoff = usable.length > CANDIDATE_TERMS ? df[usable[CANDIDATE_TERMS - 1]!]! : Infinity;
    const rarest = usable.filter((term) => df[term]! <= cutoff);
    const candidates: number[] = [];
    for (const term of rarest) {
      for (const b of postings[term]!) {
        // Headlines are matched with headlines: a headline sums up the whole story and would
        // otherwise tie together every paragraph it touches.
        if (seen[b] === a || sentences[b]!.doc === sentence.doc || sentences[b]!.isTitle !== sentence.isTitle) continue;
        seen[b] = a;
        candidates.push(b);
      }
    }
    // Ties are all kept: choosing one by position would make the result depend on paragraph order.
    const best = new Map<number, { bs: number[]; score: number }>();
    for (const b of candidates) {
      const score = Math.round(similarity(sentence, sentences[b]!) * 1e9) / 1e9;
      if (score < SENTENCE_FLOOR) continue;
      const doc = sentences[b]!.doc;
      const current = best.get(doc);
      if (!current || score > current.score) best.set(doc, { bs: [b], score });
      else if (score === current.score) current.bs.push(b);
    }
    for (const { bs, score } of best.values()) for (const b of bs) sentenceLinks.set(linkKey(a, b), Math.max(score, sentenceLinks.get(linkKey(a, b)) ?? 0));
  });
  progress(0.8);

  // Paragraph pairs: how much of each paragraph's content is matched in the other.
  const paragraphOf = new Map<number, number>();
  paragraphs.forEach((unit, p) => unit.sentences.forEach((s) => paragraphOf.set(s, p)));
  interface PairEvidence {
    readonly bestForSentence: Map<number, number>;
    readonly links: [number, number, number][];
  }
  const pairs = new Map<string, PairEvidence>();
  for (const [key, score] of sentenceLinks) {
    const a = Math.floor(key / sentences.length);
    const b = key % sentences.length;
    const pa = paragraphOf.get(a)!;
    const pb = paragraphOf.get(b)!;
    const pairKey = pa < pb ? `${pa}:${pb}` : `${pb}:${pa}`;
    let evidence = pairs.get(pairKey);
    if (!evidence) {
      evidence = { bestForSentence: new Map(), links: [] };
      pairs.set(pairKey, evidence);
    }
    evidence.bestForSentence.set(a, Math.max(evidence.bestForSentence.get(a) ?? 0, score));
    evidence.bestForSentence.set(b, Math.max(evidence.bestForSentence.get(b) ?? 0, score));
    evidence.links.push([a, b, score]);
  }
  // Identical paragraphs are the same report, whatever else.
  const byKey = new Map<string, number[]>();
  paragraphs.forEach((unit, p) => {
    const list = byKey.get(unit.key);
    if (list) list.push(p);
    else byKey.set(unit.key, [p]);
  });

  const coverage = (p: number, evidence: PairEvidence): number => {
    let matched = 0;
    let total = 0;
    for (const s of paragraphs[p]!.sentences) {
      const weight = sentences[s]!.total;
      total += weight;
      matched += weight * (evidence.bestForSentence.get(s) ?? 0);
    }
    return total > 0 ? matched / total : 0;
  };

  const scored: { pa: number; pb: number; score: number; links: [number, number, number][] }[] = [];
  for (const [pairKey, evidence] of pairs) {
    const [pa, pb] = pairKey.split(':').map(Number) as [number, number];
    if (paragraphs[pa]!.doc === paragraphs[pb]!.doc) continue;
    // One strongly matched sentence is enough to say two paragraphs share a report, even when the
    // rest of each paragraph goes elsewhere (a source that merges several facts into one paragraph).
    let strongest = 0;
    for (const [, , linkScore] of evidence.links) strongest = Math.max(strongest, linkScore);
    const score =
      paragraphs[pa]!.key === paragraphs[pb]!.key ? 1 : Math.max(coverage(pa, evidence), coverage(pb, evidence), SINGLE_SENTENCE_WEIGHT * strongest);
    scored.push({ pa, pb, score: Math.min(1, score), links: evidence.links });
  }
  for (const list of byKey.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [pa, pb] = [list[i]!, list[j]!];
        if (paragraphs[pa]!.doc !== paragraphs[pb]!.doc && !pairs.has(`${pa}:${pb}`)) scored.push({ pa, pb, score: 1, links: [] });
      }
    }
  }

  // Keep a pair when it is alike enough and close to the best either paragraph has in the other's document.
  const bestIn = new Map<string, number>();
  const note = (p: number, doc: number, score: number): void => {
    const key = `${p}@${doc}`;
    bestIn.set(key, Math.max(bestIn.get(key) ?? 0, score));
  };
  for (const pair of scored) {
    note(pair.pa, paragraphs[pair.pb]!.doc, pair.score);
    note(pair.pb, paragraphs[pair.pa]!.doc, pair.score);
  }
  const components = new Components(paragraphs.length);
  const kept: typeof scored = [];
  for (const pair of scored) {
    if (pair.score < threshold) continue;
    const bestA = bestIn.get(`${pair.pa}@${paragraphs[pair.pb]!.doc}`)!;
    const bestB = bestIn.get(`${pair.pb}@${paragraphs[pair.pa]!.doc}`)!;
    if (pair.score < 0.75 * bestA && pair.score < 0.75 * bestB) continue;
    components.join(pair.pa, pair.pb);
    kept.push(pair);
  }

  // Groups: components that span two or more documents.
  const byRoot = new Map<number, { paragraphs: number[]; scores: number[]; links: SentenceLink[] }>();
  paragraphs.forEach((_unit, p) => {
    const root = components.find(p);
    const entry = byRoot.get(root) ?? { paragraphs: [], scores: [], links: [] };
    entry.paragraphs.push(p);
    byRoot.set(root, entry);
  });
  for (const pair of kept) {
    const entry = byRoot.get(components.find(pair.pa))!;
    entry.scores.push(pair.score);
    for (const [a, b, score] of pair.links) {
      const [x, y] = [sentences[a]!, sentences[b]!];
      entry.links.push({
        score: Math.round(score * 1000) / 1000,
        spans: [
          { doc: x.doc, start: x.start, end: x.end },
          { doc: y.doc, start: y.start, end: y.end },
        ].sort((u, v) => u.doc - v.doc || u.start - v.start) as [SentenceLink['spans'][0], SentenceLink['spans'][1]],
      });
    }
  }

  const groups: { members: GroupMember[]; score: number; sentences: SentenceLink[]; first: [number, number] }[] = [];
  for (const entry of byRoot.values()) {
    const byDoc = new Map<number, number[]>();
    for (const p of entry.paragraphs) {
      const unit = paragraphs[p]!;
      const list = byDoc.get(unit.doc);
      if (list) list.push(unit.paragraph);
      else byDoc.set(unit.doc, [unit.paragraph]);
    }
    if (byDoc.size < 2) continue;
    const members = [...byDoc.entries()]
      .sort(([a], [b]) => a - b)
      .map(([doc, list]) => ({ doc, paragraphs: list.sort((x, y) => x - y) }));
    const score = entry.scores.length > 0 ? entry.scores.reduce((sum, s) => sum + s, 0) / entry.scores.length : 0;
    const links = entry.links.sort(
      (u, v) => u.spans[0].doc - v.spans[0].doc || u.spans[0].start - v.spans[0].start || u.spans[1].doc - v.spans[1].doc || u.spans[1].start - v.spans[1].start,
    );
    groups.push({ members, score: Math.round(Math.min(1, score) * 1000) / 1000, sentences: links, first: [members[0]!.doc, members[0]!.paragraphs[0]!] });
  }
  groups.sort((x, y) => x.first[0] - y.first[0] || x.first[1] - y.first[1]);
  progress(1);
  return groups.map((group, i) => ({ id: `g${i + 1}`, members: group.members, score: group.score, sentences: group.sentences }));
}
