import type { AlignmentGroup, GroupMember, LinkBasis, ParagraphKind, SentenceLink, SourceDocument } from '../contract/comparison.js';
import { paragraphSentences } from './sentences.js';
import { paragraphTokens, STOP_WORDS, stem, tokenize, tokensWithin, type Token } from './text.js';

/**
 * How strict alignment is by default: paragraph links weaker than this do not join passages. From 0 to 1
 * (the scale of a cosine over weighted terms, on which news reports of one event mostly score 0.1 to 0.5).
 */
export const DEFAULT_ALIGN_THRESHOLD = 0.1;

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
/**
 * Words that say how a report is sourced or hedged, not what happened: they are what the analysis
 * compares, so they neither link paragraphs nor keep them apart.
 */
const NOT_WHAT_HAPPENED: ReadonlySet<string> = new Set(
  'reportedly allegedly apparently purportedly supposedly'.split(' '),
);
const CONCEPT = new Map<string, string>();
/** Text between quotation marks (straight, curly, or guillemets). */
const QUOTED = /["“«]([^"”»]{3,300})["”»]/g;
for (const words of SAME_THING) for (const word of words) CONCEPT.set(word, `~${words[0]}`);

/** The weighted terms of a span of text: content words (stemmed), numbers and names weighing more. */
function termsOf(tokens: readonly Token[], text: string, surface: Map<string, string>): Map<string, number> {
  const terms = new Map<string, number>();
  tokens.forEach((token, i) => {
    if (STOP_WORDS.has(token.norm) || NOT_WHAT_HAPPENED.has(token.norm)) return;
    if (!token.isNumber && token.norm.length < 2) return;
    const term = CONCEPT.get(token.norm) ?? stem(token.norm);
    if (!surface.has(term)) surface.set(term, text.slice(token.start, token.end));
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
  /** Its terms and their boosts, and each term as the sentence first writes it: emptied once `ids` and `surfaces` hold them. */
  readonly terms: Map<string, number>;
  readonly surface: Map<string, string>;
  /** Each term of `ids` as the sentence first writes it (none for figure-of features). */
  surfaces: readonly (string | undefined)[];
  /** The headline, or the first sentence of the first body paragraph: what the story leads with. */
  readonly isLead: boolean;
  readonly isTitle: boolean;
  readonly quoted: Set<string>;
  total: number;
  norm: number;
  /** Term ids, ascending, and each one's weight (boost times rarity): for a fast merge. */
  ids: Int32Array;
  weights: Float64Array;
}

/** A sentence pair (cosine of weighted terms) counts as saying the same thing from this similarity up. */
const SENTENCE_FLOOR = 0.05;
/** What each pair of quoted words two sentences share adds to their similarity, up to a cap. */
const QUOTE_BONUS = 0.05;
const QUOTE_BONUS_CAP = 0.25;
/**
 * Leads (a headline, or the first sentence of a story's first body paragraph) sum up their stories,
 * so two headlines, or two ledes, that share anything at all (LEAD_FLOOR) are linked with their
 * similarity multiplied by LEAD_BOOST (a headline and a lede are not: a headline is not a body
 * paragraph, and the passage of headlines stands apart); two headlines are linked at least at
 * HEADLINE_LINK, so the headlines of a comparison are set side by side even when they tell the
 * story from different ends.
 */
const LEAD_FLOOR = 0.05;
const LEAD_BOOST = 2.5;
const HEADLINE_LINK = 0.6;
/** Two sources tell the same story when they share this many sentence links (of STORY_LINK_SCORE or more) outside their headlines. */
const STORY_LINKS = 1;
const STORY_LINK_SCORE = 0.2;
/**
 * How passages are formed (see linkPassages): they grow only along paragraph links of GROW_FACTOR
 * times the threshold or more; one source gives a passage at most MAX_PER_SOURCE paragraphs (it may
 * tell in three what another packs into one), and a passage holds at most PARAGRAPHS_PER_SOURCE
 * paragraphs per source it draws on, plus one: one event, not a chapter.
 */
const GROW_FACTOR = 1.5;
const MAX_PER_SOURCE = 3;
const PARAGRAPHS_PER_SOURCE = 2;
/** How many matches in each other document a sentence keeps (its best ones, ties kept). */
const LINKS_PER_DOCUMENT = 3;
/** How many candidate sentences one sentence may draw from the index before it stops looking. */
const CANDIDATE_BUDGET = 400;
/** How many postings one sentence may read to find them. */
const SCAN_LIMIT = 1500;
/** How many shared words a link records to say why it was made. */
const LINK_TERMS = 6;
const EMPTY_IDS = new Int32Array(0);
const EMPTY_WEIGHTS = new Float64Array(0);
/** How much one matched sentence counts for its paragraphs, against their coverage. */
const SINGLE_SENTENCE_WEIGHT = 0.85;
/**
 * A sentence link across two passages is kept as a passage's `related` link from this score up. On
 * ECB+ (dev split), sentence pairs linked this closely are as often the same event as two
 * sentences of one passage (precision 0.88 against 0.86).
 */
export const RELATED_LINK = 0.15;
/**
 * …and when its sentences share this many words: a heading of one word matches closely on it alone,
 * and two sentences on a verb of saying and a noun ("claimed … company" / "the claim", "company").
 * On ECB+, three against two: precision 0.862 against 0.859, recall 0.569 against 0.578.
 */
const RELATED_TERMS = 3;

/**
 * Find which paragraphs of several documents report the same thing.
 *
 * Work happens at the sentence level: each sentence is a set of content words (function words
 * dropped, light stemming, words news reports use for the same thing folded together), weighted by
 * how rare they are in the comparison, with figures and names weighing more; two sentences are as
 * alike as the cosine of their weights. Candidate pairs come from an inverted index, rarest terms
 * first, with a bounded budget per sentence, so unrelated text is never compared; each sentence keeps
 * its best few matches in each other source. The sources' headlines are compared with each other
 * directly, and so are their ledes, and headlines of sources that tell the same story are always
 * linked. Two paragraphs are alike as far as the sentences of one are matched in the other (or one
 * sentence is matched strongly). Passages are then formed by average linkage with size caps (see
 * linkPassages), so they do not chain; each records which sentences matched which, on what words,
 * and why, and its links to sentences outside it as close as its own (`related`).
 *
 * Stages and their cost, for S sentences, T tokens and E links: terms O(T); index O(T); candidates
 * O(S · SCAN_LIMIT) postings read, at most CANDIDATE_BUDGET scored exactly per sentence; leads O(L²)
 * for L leads (two a source); paragraph pairs O(E); passages O(E log E).
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
    let ledeSeen = false;
    document.paragraphs.forEach((paragraph, index) => {
      if (!ALIGNED_KINDS.has(paragraph.kind)) return;
      const ids: number[] = [];
      const isLede = paragraph.kind === 'body' && !ledeSeen;
      if (paragraph.kind === 'body') ledeSeen = true;
      for (const range of paragraphSentences(document, index)) {
        const surface = new Map<string, string>();
        const terms = termsOf(tokensWithin(paragraphTokens(document, index), range.start, range.end), document.text, surface);
        if (terms.size === 0) continue;
        // The lede's first sentence leads its story, as the headline does (decided before it is counted).
        const isLead = paragraph.kind === 'title' || (isLede && ids.length === 0);
        ids.push(sentences.length);
        sentences.push({ doc, paragraph: index, start: range.start, end: range.end, terms, surface, isTitle: paragraph.kind === 'title', isLead, quoted: quotedPairs(document.text, range.start, range.end), total: 0, norm: 0, ids: EMPTY_IDS, weights: EMPTY_WEIGHTS, surfaces: [] });
      }
      if (ids.length === 0) return;
      // Split and joined rather than replaced: a global replace builds its result as a chain of
      // joined pieces, about fifteen times the text's size, kept for the whole alignment (issue 14).
      const key = document.text.slice(paragraph.start, paragraph.end).toLowerCase().split(/\s+/).join(' ');
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
  const termNames: string[] = [];
  for (const [term, count] of frequency) {
    termIds.set(term, idf.length);
    termNames.push(term);
    idf.push(Math.log(1 + sentences.length / count));
    df.push(count);
  }
  for (const sentence of sentences) {
    const entries = [...sentence.terms].map(([term, boost]) => [termIds.get(term)!, boost] as const).sort((x, y) => x[0] - y[0]);
    sentence.ids = Int32Array.from(entries, ([id]) => id);
    sentence.weights = Float64Array.from(entries, ([id, boost]) => boost * idf[id]!);
    sentence.total = sentence.weights.reduce((sum, w) => sum + w, 0);
    sentence.norm = Math.sqrt(sentence.weights.reduce((sum, w) => sum + w * w, 0));
    // Kept in arrays from here on: two maps a sentence were most of the memory a long source took (issue 14).
    sentence.surfaces = entries.map(([id]) => sentence.surface.get(termNames[id]!));
    sentence.terms.clear();
    sentence.surface.clear();
  }

  // Inverted index: each term's sentences with the term's weight in each. A sentence reads its terms'
  // postings rarest first (the words any report of the same thing is bound to share) within a budget.
  const postings: number[][] = idf.map(() => []);
  const postingWeights: number[][] = idf.map(() => []);
  sentences.forEach((sentence, id) => {
    sentence.ids.forEach((term, k) => {
      postings[term]!.push(id);
      postingWeights[term]!.push(sentence.weights[k]!);
    });
  });

  const similarity = (a: Sentence, b: Sentence): number => {
    let shared = 0;
    let i = 0;
    let j = 0;
    while (i < a.ids.length && j < b.ids.length) {
      const x = a.ids[i]!;
      const y = b.ids[j]!;
      if (x === y) {
        shared += a.weights[i]! * b.weights[j]!;
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
    let quoted = 0;
    if (a.quoted.size > 0 && b.quoted.size > 0) for (const pair of a.quoted) if (b.quoted.has(pair)) quoted++;
    return Math.min(1, shared / (a.norm * b.norm) + Math.min(QUOTE_BONUS_CAP, QUOTE_BONUS * quoted));
  };

  // Sentence links: for every sentence, its best few matches in each other document. O(S · L) for
  // S sentences, L = SCAN_LIMIT postings read at most per sentence.
  const sentenceLinks = new LinkScores();
  const linkKey = (a: number, b: number): number => (a < b ? a * sentences.length + b : b * sentences.length + a);
  const seen = new Int32Array(sentences.length).fill(-1);
  // Each sentence's document in a flat array: the postings loop below reads it for every posting.
  const docOfSentence = Int32Array.from(sentences, (s) => s.doc);
  const accumulated = new Float64Array(sentences.length);
  // …and each one's norm and whether it quotes anything: the candidates of a sentence are read
  // from these flat arrays, not from the sentence objects scattered over the heap.
  const normOf = Float64Array.from(sentences, (s) => s.norm);
  const quotesOf = Uint8Array.from(sentences, (s) => (s.quoted.size > 0 ? 1 : 0));
  // A sentence's candidates that pass the floor, and the order of their documents' first appearance.
  let passedB = new Int32Array(64);
  let passedScore = new Float64Array(64);
  sentences.forEach((sentence, a) => {
    if (a % 512 === 0) progress(0.2 + 0.5 * (a / Math.max(1, sentences.length)));
    // Terms from the rarest up, until the candidates they bring pass a budget: the rare terms any
    // report of the same thing is bound to share come first, and the work per sentence is bounded
    // (CANDIDATE_BUDGET candidates, SCAN_LIMIT postings read). Terms are taken a rarity at a time,
    // all terms as rare as each other or none, so that which are used does not depend on the order
    // terms were first seen in.
    // The dot products are accumulated while the postings are read; a candidate is scored exactly
    // only when the terms read already make it a plausible match.
    const order = sentence.ids.map((term, k) => k).sort((x, y) => df[sentence.ids[x]!]! - df[sentence.ids[y]!]! || sentence.ids[x]! - sentence.ids[y]!);
    const touched: number[] = [];
    const ownDoc = sentence.doc;
    let drawn = 0;
    let scanned = 0;
    let complete = true;
    for (let from = 0; from < order.length; ) {
      const level = df[sentence.ids[order[from]!]!]!;
      let to = from;
      while (to < order.length && df[sentence.ids[order[to]!]!] === level) to++;
      if (drawn >= CANDIDATE_BUDGET || (scanned > 0 && scanned + level * (to - from) > SCAN_LIMIT)) {
        complete = false;
        break;
      }
      scanned += level * (to - from);
      for (let t = from; t < to; t++) {
        const k = order[t]!;
        const term = sentence.ids[k]!;
        const weight = sentence.weights[k]!;
        const list = postings[term]!;
        const weights = postingWeights[term]!;
        for (let i = 0; i < list.length; i++) {
          const b = list[i]!;
          if (docOfSentence[b] === ownDoc) continue;
          if (seen[b] !== a) {
            seen[b] = a;
            accumulated[b] = 0;
            touched.push(b);
            drawn++;
          }
          accumulated[b] = accumulated[b]! + weight * weights[i]!;
        }
      }
      from = to;
    }
    let passed = 0;
    const ownNorm = sentence.norm;
    const ownQuotes = quotesOf[a] === 1;
    for (let t = 0; t < touched.length; t++) {
      const b = touched[t]!;
      const partial = accumulated[b]! / (ownNorm * normOf[b]!);
      // What the terms not read could add is small (they are the commonest); quotations add a bonus.
      const quoted = ownQuotes && quotesOf[b] === 1;
      if (partial < SENTENCE_FLOOR * (complete && !quoted ? 1 : 0.5)) continue;
      const score = Math.round((complete && !quoted ? Math.min(1, partial) : similarity(sentence, sentences[b]!)) * 1e9) / 1e9;
      if (score < SENTENCE_FLOOR) continue;
      if (passed === passedB.length) {
        passedB = Int32Array.from({ length: passed * 2 }, (_v, i) => (i < passed ? passedB[i]! : 0));
        passedScore = Float64Array.from({ length: passed * 2 }, (_v, i) => (i < passed ? passedScore[i]! : 0));
      }
      passedB[passed] = b;
      passedScore[passed] = score;
      passed++;
    }
    // Each document's best few, documents in the order their first candidate came, each one's
    // strongest first (ties in the order they came). Ties at the cut are all kept: choosing by
    // position would make the result depend on order.
    const docsInOrder: number[] = [];
    for (let i = 0; i < passed; i++) {
      const doc = docOfSentence[passedB[i]!]!;
      if (!docsInOrder.includes(doc)) docsInOrder.push(doc);
    }
    for (const doc of docsInOrder) {
      const list: number[] = [];
      for (let i = 0; i < passed; i++) if (docOfSentence[passedB[i]!] === doc) list.push(i);
      list.sort((x, y) => passedScore[y]! - passedScore[x]! || x - y);
      const floor = passedScore[list[Math.min(list.length, LINKS_PER_DOCUMENT) - 1]!]!;
      for (const i of list) {
        const score = passedScore[i]!;
        if (score < floor) break;
        sentenceLinks.raise(linkKey(a, passedB[i]!), score);
      }
    }
  });
  // A headline sums up its story, and so does a lede: the headlines of the sources are compared
  // with each other, and their ledes with each other, whatever the index drew, and what they share
  // counts for more. O(L²) for L leads (two a source).
  const leads = sentences.map((_s, i) => i).filter((i) => sentences[i]!.isLead);
  const leadLinks = new Map<number, LinkBasis>();
  // Headlines are set side by side only for sources that tell the same story: ones that share
  // at least STORY_LINKS linked sentences outside their headlines.
  const storyLinks = new Map<number, number>();
  // O(E) for E sentence links. Maps are read with forEach here and below: no [key, value] array is
  // made for each entry (issue 13).
  sentenceLinks.forEach((score, key) => {
    const a = sentences[Math.floor(key / sentences.length)]!;
    const b = sentences[key % sentences.length]!;
    if (a.isTitle || b.isTitle || score < STORY_LINK_SCORE) return;
    const docs = a.doc < b.doc ? a.doc * documents.length + b.doc : b.doc * documents.length + a.doc;
    storyLinks.set(docs, (storyLinks.get(docs) ?? 0) + 1);
  });
  const sameStory = (x: Sentence, y: Sentence): boolean => (storyLinks.get(x.doc < y.doc ? x.doc * documents.length + y.doc : y.doc * documents.length + x.doc) ?? 0) >= STORY_LINKS;
  for (let i = 0; i < leads.length; i++) {
    for (let j = i + 1; j < leads.length; j++) {
      const [a, b] = [leads[i]!, leads[j]!];
      if (sentences[a]!.doc === sentences[b]!.doc) continue;
      // Headlines beside headlines, ledes beside ledes: a headline is not a body paragraph.
      if (sentences[a]!.isTitle !== sentences[b]!.isTitle) continue;
      const score = similarity(sentences[a]!, sentences[b]!);
      const bothTitles = sentences[a]!.isTitle && sentences[b]!.isTitle && sameStory(sentences[a]!, sentences[b]!);
      if (score < LEAD_FLOOR && !bothTitles) continue;
      const key = linkKey(a, b);
      const boosted = Math.min(1, Math.round(score * LEAD_BOOST * 1e9) / 1e9);
      const lead = bothTitles ? Math.max(HEADLINE_LINK, boosted) : boosted;
      if (lead > sentenceLinks.get(key)) {
        sentenceLinks.raise(key, lead);
        leadLinks.set(key, bothTitles && score * LEAD_BOOST < HEADLINE_LINK ? 'headlines' : 'leads');
      }
    }
  }
  progress(0.7);

  // Paragraph pairs: how much of each paragraph's content is matched in the other.
  const paragraphOf = new Int32Array(sentences.length);
  paragraphs.forEach((unit, p) => unit.sentences.forEach((s) => (paragraphOf[s] = p)));
  // Links by their index in sentenceLinks (its keyAt and scoreAt), not as [a, b, score] arrays: an
  // array and a boxed score for each of a long comparison's links were most of what the garbage
  // collector copied (issue 13).
  interface PairEvidence {
    /** Each sentence's best link in the pair (an index in sentenceLinks). */
    readonly bestForSentence: Map<number, number>;
    readonly links: number[];
  }
  const sentenceOf = (link: number): [number, number] => {
    const key = sentenceLinks.keyAt(link);
    return [Math.floor(key / sentences.length), key % sentences.length];
  };
  const pairs = new Map<number, PairEvidence>();
  const pairKeyOf = (pa: number, pb: number): number => (pa < pb ? pa * paragraphs.length + pb : pb * paragraphs.length + pa);
  sentenceLinks.forEach((score, key, link) => {
    const a = Math.floor(key / sentences.length);
    const b = key % sentences.length;
    const pairKey = pairKeyOf(paragraphOf[a]!, paragraphOf[b]!);
    let evidence = pairs.get(pairKey);
    if (!evidence) {
      evidence = { bestForSentence: new Map(), links: [] };
      pairs.set(pairKey, evidence);
    }
    const bestA = evidence.bestForSentence.get(a);
    if (bestA === undefined || sentenceLinks.scoreAt(bestA) < score) evidence.bestForSentence.set(a, link);
    const bestB = evidence.bestForSentence.get(b);
    if (bestB === undefined || sentenceLinks.scoreAt(bestB) < score) evidence.bestForSentence.set(b, link);
    evidence.links.push(link);
  });
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
      const best = evidence.bestForSentence.get(s);
      if (best !== undefined) matched += weight * sentenceLinks.scoreAt(best);
    }
    return total > 0 ? matched / total : 0;
  };

  const scored: { pa: number; pb: number; score: number; links: number[] }[] = [];
  pairs.forEach((evidence, pairKey) => {
    const pa = Math.floor(pairKey / paragraphs.length);
    const pb = pairKey % paragraphs.length;
    if (paragraphs[pa]!.doc === paragraphs[pb]!.doc) return;
    // One strongly matched sentence is enough to say two paragraphs share a report, even when the
    // rest of each paragraph goes elsewhere (a source that merges several facts into one paragraph).
    let strongest = 0;
    for (const link of evidence.links) strongest = Math.max(strongest, sentenceLinks.scoreAt(link));
    const score =
      paragraphs[pa]!.key === paragraphs[pb]!.key ? 1 : Math.max(coverage(pa, evidence), coverage(pb, evidence), SINGLE_SENTENCE_WEIGHT * strongest);
    scored.push({ pa, pb, score: Math.min(1, score), links: evidence.links });
  });
  for (const list of byKey.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [pa, pb] = [list[i]!, list[j]!];
        if (paragraphs[pa]!.doc !== paragraphs[pb]!.doc && !pairs.has(pairKeyOf(pa, pb))) scored.push({ pa, pb, score: 1, links: [] });
      }
    }
  }
  progress(0.8);

  // Passages by average linkage: two passages merge while the mean similarity over every pair of
  // their paragraphs from different sources (unlinked pairs count as 0) stays at the threshold or
  // above, so each paragraph is related to the passage as a whole, not just to one neighbour, and
  // A~B~C~D never chains into one group when A and D have nothing in common.
  const clusters = linkPassages(
    paragraphs.map((unit) => unit.doc),
    scored,
    { threshold, growth: threshold * GROW_FACTOR, maxPerSource: MAX_PER_SOURCE, paragraphsPerSource: PARAGRAPHS_PER_SOURCE },
  );

  const byRoot = new Map<number, { paragraphs: number[]; scores: number[]; links: SentenceLink[]; related: SentenceLink[] }>();
  paragraphs.forEach((_unit, p) => {
    const root = clusters[p]!;
    const entry = byRoot.get(root) ?? { paragraphs: [], scores: [], links: [], related: [] };
    entry.paragraphs.push(p);
    byRoot.set(root, entry);
  });
  const linkOf = (a: number, b: number, score: number): SentenceLink => {
    const [x, y] = [sentences[a]!, sentences[b]!].sort((u, v) => u.doc - v.doc || u.start - v.start) as [Sentence, Sentence];
    return {
      score: Math.round(score * 1000) / 1000,
      spans: [
        { doc: x.doc, start: x.start, end: x.end },
        { doc: y.doc, start: y.start, end: y.end },
      ],
      terms: sharedTerms(x, y, termNames),
      basis: leadLinks.get(linkKey(a, b)) ?? 'words',
    };
  };
  for (const pair of scored) {
    if (clusters[pair.pa] !== clusters[pair.pb]) {
      // A link across two passages, as close as a passage's own: where else each one's event is
      // mentioned (kept by both; a paragraph only its source has never becomes a group). O(E).
      for (const index of pair.links) {
        const score = sentenceLinks.scoreAt(index);
        if (score < RELATED_LINK) continue;
        const link = linkOf(...sentenceOf(index), score);
        // A word or two in common says little across passages (see RELATED_TERMS).
        if ((link.terms?.length ?? 0) < RELATED_TERMS) continue;
        byRoot.get(clusters[pair.pa]!)!.related.push(link);
        byRoot.get(clusters[pair.pb]!)!.related.push(link);
      }
      continue;
    }
    const entry = byRoot.get(clusters[pair.pa]!)!;
    entry.scores.push(pair.score);
    for (const index of pair.links) entry.links.push(linkOf(...sentenceOf(index), sentenceLinks.scoreAt(index)));
  }
  const linkOrder = (u: SentenceLink, v: SentenceLink): number =>
    u.spans[0].doc - v.spans[0].doc || u.spans[0].start - v.spans[0].start || u.spans[1].doc - v.spans[1].doc || u.spans[1].start - v.spans[1].start;

  const groups: { members: GroupMember[]; score: number; sentences: SentenceLink[]; related: SentenceLink[]; first: [number, number] }[] = [];
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
    const links = entry.links.sort(linkOrder);
    groups.push({ members, score: Math.round(Math.min(1, score) * 1000) / 1000, sentences: links, related: entry.related.sort(linkOrder), first: [members[0]!.doc, members[0]!.paragraphs[0]!] });
  }
  groups.sort((x, y) => x.first[0] - y.first[0] || x.first[1] - y.first[1]);
  progress(1);
  return groups.map((group, i) => ({ id: `g${i + 1}`, members: group.members, score: group.score, sentences: group.sentences, ...(group.related.length > 0 ? { related: group.related } : {}) }));
}

/**
 * Sentence links: each pair key's best score, in the order the keys were first set (as a Map gives
 * them), each with an index that stays its own. The keys and scores sit in typed arrays and the Map
 * holds only indices: a Map of scores boxes every score as a heap object, and the 139,000 links of
 * twelve documents of 300 paragraphs, kept to the end of the alignment, were copied by every
 * collection of the young generation (issue 13). O(1) a call, amortised.
 */
class LinkScores {
  private readonly index = new Map<number, number>();
  private keys = new Float64Array(1024);
  private scores = new Float64Array(1024);
  private count = 0;

  /** The key's score, 0 when it has none. */
  get(key: number): number {
    const i = this.index.get(key);
    return i === undefined ? 0 : this.scores[i]!;
  }

  /** Set the key's score to `score` when that is higher than what it has. */
  raise(key: number, score: number): void {
    const i = this.index.get(key);
    if (i !== undefined) {
      if (score > this.scores[i]!) this.scores[i] = score;
      return;
    }
    if (this.count === this.keys.length) {
      const keys = new Float64Array(this.count * 2);
      const scores = new Float64Array(this.count * 2);
      keys.set(this.keys);
      scores.set(this.scores);
      this.keys = keys;
      this.scores = scores;
    }
    this.index.set(key, this.count);
    this.keys[this.count] = key;
    this.scores[this.count] = score;
    this.count++;
  }

  keyAt(link: number): number {
    return this.keys[link]!;
  }

  scoreAt(link: number): number {
    return this.scores[link]!;
  }

  /** Every link in the order its key was first set. */
  forEach(visit: (score: number, key: number, link: number) => void): void {
    for (let i = 0; i < this.count; i++) visit(this.scores[i]!, this.keys[i]!, i);
  }
}

/**
 * The words two sentences share that weighed most in their link, weightiest first, as the first
 * writes them ("killed / died" where a word news uses for the same thing was folded with another).
 * Figure-of features ("#killed") are left out: their numbers are shown by the claims, not here.
 */
function sharedTerms(x: Sentence, y: Sentence, termNames: readonly string[]): string[] {
  const shared: { id: number; weight: number; a: string; b: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < x.ids.length && j < y.ids.length) {
    const [u, v] = [x.ids[i]!, y.ids[j]!];
    if (u === v) {
      const term = termNames[u]!;
      if (!term.startsWith('#')) shared.push({ id: u, weight: x.weights[i]! * y.weights[j]!, a: x.surfaces[i] ?? term, b: y.surfaces[j] ?? term });
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
  }
  shared.sort((p, q) => q.weight - p.weight || p.id - q.id);
  return shared.slice(0, LINK_TERMS).map(({ a, b }) => (a.toLowerCase() === b.toLowerCase() ? a : `${a} / ${b}`));
}

interface LinkedPair {
  readonly pa: number;
  readonly pb: number;
  readonly score: number;
}

/**
 * Passages from paragraph links, without chaining: average linkage over a sparse graph, grown
 * greedily along the strongest links. Links are taken strongest first (from `growth` up); a link
 * joins its two passages only when the mean link over every pair of their paragraphs from different
 * sources (one on each side; unlinked pairs count as nothing) is at least `threshold`, so a
 * paragraph joins a passage only when it relates to the passage as a whole, not to one neighbour:
 * A~B~C is not one passage when A and C have nothing in common. Paragraphs of one source are never
 * compared with each other (a source may tell in three paragraphs what another packs into one), and
 * the size caps keep a passage to one event, not a chapter.
 *
 * O(E log E) to sort the E links, then for each link a walk over the links of the smaller passage,
 * whose size the caps bound. Deterministic: links are ordered by score, then by paragraph index.
 */
export interface PassageOptions {
  /** The mean link two passages need to merge, over every pair of their paragraphs from different sources. */
  readonly threshold: number;
  /** Passages grow only along links this strong or stronger. */
  readonly growth: number;
  /** The most paragraphs one source gives a passage. */
  readonly maxPerSource: number;
  /** A passage holds at most this many paragraphs per source it draws on, plus one. */
  readonly paragraphsPerSource: number;
}

export function linkPassages(docOf: readonly number[], links: readonly LinkedPair[], options: PassageOptions): number[] {
  const n = docOf.length;
  const owner = Int32Array.from({ length: n }, (_v, i) => i);
  const members: number[][] = Array.from({ length: n }, (_v, i) => [i]);
  const adjacency: { other: number; score: number }[][] = Array.from({ length: n }, () => []);
  const usable = links.filter((link) => link.pa !== link.pb && docOf[link.pa] !== docOf[link.pb] && link.score >= options.threshold);
  for (const { pa, pb, score } of usable) {
    adjacency[pa]!.push({ other: pb, score });
    adjacency[pb]!.push({ other: pa, score });
  }
  const find = (i: number): number => {
    while (owner[i] !== i) i = owner[i] = owner[owner[i]!]!;
    return i;
  };
  const sorted = usable.filter((link) => link.score >= options.growth).sort((x, y) => y.score - x.score || Math.min(x.pa, x.pb) - Math.min(y.pa, y.pb) || Math.max(x.pa, x.pb) - Math.max(y.pa, y.pb));
  for (const { pa, pb } of sorted) {
    const [a, b] = [find(pa), find(pb)];
    if (a === b) continue;
    const docsA = new Map<number, number>();
    const docsB = new Map<number, number>();
    for (const m of members[a]!) docsA.set(docOf[m]!, (docsA.get(docOf[m]!) ?? 0) + 1);
    for (const m of members[b]!) docsB.set(docOf[m]!, (docsB.get(docOf[m]!) ?? 0) + 1);
    let tooMany = false;
    for (const [doc, count] of docsA) if (count + (docsB.get(doc) ?? 0) > options.maxPerSource) tooMany = true;
    const sources = new Set([...docsA.keys(), ...docsB.keys()]).size;
    if (tooMany || members[a]!.length + members[b]!.length > options.paragraphsPerSource * sources + 1) continue;
    // Average linkage: the mean link over every pair of paragraphs of different sources, one from
    // each side, unlinked pairs counting as nothing.
    let strength = 0;
    const linkedSources = new Set<number>();
    const smallIsA = members[a]!.length <= members[b]!.length;
    const [small, other] = smallIsA ? [a, b] : [b, a];
    for (const m of members[small]!) {
      for (const { other: o, score } of adjacency[m]!) {
        if (find(o) !== other) continue;
        strength += score;
        linkedSources.add(smallIsA ? docOf[m]! * n + docOf[o]! : docOf[o]! * n + docOf[m]!);
      }
    }
    let paragraphPairs = 0;
    for (const [doc, count] of docsA) paragraphPairs += count * (members[b]!.length - (docsB.get(doc) ?? 0));
    if (strength < options.threshold * paragraphPairs) continue;
    // A source new to a passage joins it only when it relates to most of the sources already there,
    // not to one of them (most pairs of sources, one on each side, linked). A further paragraph of a
    // source already there needs only the mean: that source tells in two paragraphs what another
    // packs into one.
    const furtherParagraphs = [...docsB.keys()].every((doc) => docsA.has(doc)) || [...docsA.keys()].every((doc) => docsB.has(doc));
    let sourcePairs = docsA.size * docsB.size;
    for (const doc of docsA.keys()) if (docsB.has(doc)) sourcePairs--;
    if (!furtherParagraphs && linkedSources.size * 2 <= sourcePairs) continue;
    const [keep, gone] = [Math.min(a, b), Math.max(a, b)];
    owner[gone] = keep;
    members[keep]!.push(...members[gone]!);
    members[gone] = [];
  }
  return Array.from({ length: n }, (_v, i) => find(i));
}
