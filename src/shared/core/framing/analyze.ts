import type { AlignmentGroup, Difference, DifferenceRule, DifferenceSide, DifferenceTerm, SourceDocument, TextSpan } from '../../contract/comparison.js';
import { STOP_WORDS, stem, tokenize } from '../text.js';
import { diffMembers, spansOf, textOf, type MemberPair, type MemberText, type PlacedToken, type WordingOptions } from '../wording.js';
import { figuresIn, isOutlier, type Figure } from './figures.js';
import { findTerms, stemsOf, termTextOf, type IndexedTerm, type LexiconIndex, type TermMatch } from './lexicon-index.js';
import { loadedLanguageDifferences } from './loaded.js';
import { sameName } from './names.js';

export interface AnalysisOptions extends WordingOptions {
  readonly lexicon: LexiconIndex;
}

/** What the analysis of one group found, beyond its differences: the figures, for the claims table. */
export interface GroupAnalysis {
  readonly differences: Difference[];
  readonly figures: Figure[];
}

/** The most content words on either side of a change still reported as a wording difference. */
const WORDING_MAX = 3;
/** The most content words added or dropped on one side still reported as a wording difference. */
const ONE_SIDED_MAX = 2;
/** A one-sided addition with at least this many content words is reported as an omission. */
const ADDED_MIN = 6;
/** A label stands in for a name in a change of at most this many words on each side. */
const LABEL_HUNK_MAX = 8;
/** A change of wording is one inside two sentences the alignment linked at least this closely. */
const SAME_STATEMENT_LINK = 0.2;
/** A quotation is paraphrased by a sentence the alignment linked to the quoting one at least this closely. */
const PARAPHRASE_LINK = 0.2;
/** A one-sided hedge is reported where its sentence is linked to the other's at least this closely. */
const SAME_CLAIM_LINK = 0.3;

/** "could not", "may not": a negated modal is not a hedge. */
function negated(member: MemberText, match: TermMatch): boolean {
  const next = member.tokens[match.to]?.norm;
  return next === 'not' || next === "n't" || next === 'never';
}

/** Whether a term of a member lies in the same paragraph as the tokens [from, to) of that member. */
function sameSentenceRegion(member: MemberText, match: TermMatch, [from, to]: readonly [number, number]): boolean {
  const paragraphs = new Set(member.tokens.slice(Math.max(0, from - 1), Math.max(to, from + 1)).map((t) => t.paragraph));
  return paragraphs.has(member.tokens[match.from]!.paragraph) && Math.abs(match.from - from) < 25;
}

/** A word of the source's own name ("told the Dispatch"): not an actor of the story. */
function ownName(document: SourceDocument, norm: string): boolean {
  return document.label.toLowerCase().split(/\s+/).includes(norm);
}
const WEEKDAYS_MONTHS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
);

const QUOTE = /[“"«]([^“”"«»]{3,400})[”"»]/g;

interface MemberTerms {
  readonly member: MemberText;
  readonly terms: TermMatch[];
}

function termText(document: SourceDocument, member: MemberText, match: TermMatch): string {
  return document.text.slice(member.tokens[match.from]!.start, member.tokens[match.to - 1]!.end);
}

/** A lexicon term found in a member, as a side of a difference shows it: its words, its set, its tone. */
function termOf(document: SourceDocument, member: MemberText, match: TermMatch): DifferenceTerm {
  const { setId, tone, role } = match.term;
  return { text: termText(document, member, match), set: setId, ...(tone ? { tone } : {}), ...(role ? { role } : {}) };
}

/** The set a difference is about, as its description names it. */
const setOf = (term: IndexedTerm): { id: string; name: string } => ({ id: term.setId, name: term.setName });

/** A source's side of a difference: it has these words. */
const hasSide = (doc: number, terms: readonly DifferenceTerm[]): DifferenceSide => ({ doc, part: 'has', terms });
/** A source's side of a difference: it leaves the words out. */
const lacksSide = (doc: number): DifferenceSide => ({ doc, part: 'lacks', terms: [] });

/** Whether the word at `start` of a text opens a sentence (or a paragraph, or a quotation). */
function opensSentence(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /[\s“"‘'(«]/.test(text[i]!)) {
    if (text[i] === '\n') return true;
    i--;
  }
  return i < 0 || /[.!?:;]/.test(text[i]!);
}

/** Words after which a reporting verb is a noun or a passive ("the claims", "to blame", "be dismissed"). */
const NOT_BEFORE_A_REPORTING_VERB: ReadonlySet<string> = new Set(
  'a an the their its his her our your my these those such any no of to be been being is are was were action class-action'.split(' '),
);

/**
 * A lexicon match that is not the term: part of a name ("Operation Safe Harbour", "the Victims'
 * Families Forum": a capital inside a sentence), or a correspondent's dateline ("Reporting from
 * Harlowmere"), which credits no one for a statement.
 */
function notATerm(document: SourceDocument, member: MemberText, match: TermMatch): boolean {
  const first = member.tokens[match.from];
  if (!first) return true;
  if (match.term.kind === 'attribution' && first.norm === 'reporting' && member.tokens[match.to]?.norm === 'from') return true;
  // A reporting verb used as a noun or in the passive is not someone reporting: "the claims",
  // "class-action claims", "to blame", "could be dismissed".
  if (match.term.setId === 'reporting-verbs' && match.from > 0 && NOT_BEFORE_A_REPORTING_VERB.has(member.tokens[match.from - 1]!.norm)) return true;
  if (match.term.kind === 'label' || !first.isCapitalized) return false;
  // A capital that does not open a sentence marks a name, unless the lexicon writes the term with one.
  return !opensSentence(document.text, first.start) && !/^\p{Lu}/u.test(match.term.term);
}

/**
 * A correspondent's dateline at the start of a paragraph: "WASHINGTON —", "KELLING, Wis. —",
 * "GAZA CITY (Reuters) -", "LONDON (AP) --". Where a report was filed is not how it frames the
 * story: its words are never marked.
 */
const DATELINE = /^\p{Lu}[\p{Lu}.'’ -]{1,40}?(?:,\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2})?\s*(?:\([^)\n]{1,30}\)\s*)?(?:—|–|--|-|:)\s/u;

/** The end of the dateline that opens the paragraph starting at `start`, or `start` when there is none. */
export function datelineEnd(text: string, start: number, end: number): number {
  const match = DATELINE.exec(text.slice(start, Math.min(end, start + 80)));
  return match ? start + match[0].length : start;
}

/** Whether a sentence names someone the quoting sentence names outside its quotation (true when it names no one). */
function sharesAName(documents: readonly SourceDocument[], quoting: TextSpan, quote: { start: number; end: number }, sentence: TextSpan): boolean {
  const text = documents[quoting.doc]!.text;
  const names = tokenize(text, quoting.start, quoting.end)
    .filter((token) => (token.end <= quote.start || token.start >= quote.end) && token.isCapitalized && !opensSentence(text, token.start) && !STOP_WORDS.has(token.norm) && token.norm.length > 1)
    .map((token) => token.norm);
  if (names.length === 0) return true;
  const other = new Set(tokenize(documents[sentence.doc]!.text, sentence.start, sentence.end).map((token) => token.norm));
  return names.some((name) => other.has(name));
}

/** Whether a span of a sentence holds quotation marks or lies inside a quotation of that sentence. */
function quotedWithin(document: SourceDocument, sentence: TextSpan, span: TextSpan): boolean {
  if (/[“”"«»]/.test(document.text.slice(span.start, span.end))) return true;
  const text = document.text.slice(sentence.start, sentence.end);
  return [...text.matchAll(QUOTE)].some((match) => {
    const start = sentence.start + match.index! + 1;
    return span.start >= start && span.end <= start + match[1]!.length;
  });
}

/** Whether a source prints these words (a quotation's, folded: case, quotation marks and spacing aside) anywhere. */
function printsWords(document: SourceDocument, words: string): boolean {
  const fold = (text: string): string => text.toLowerCase().replace(/[’‘]/g, "'").replace(/[^\p{L}\p{N}']+/gu, ' ').trim();
  const wanted = fold(words);
  return wanted.split(' ').length >= 3 && fold(document.text).includes(wanted);
}

/** Words that give someone a voice: a name this close to one speaks in the passage. */
const SPEECH = new Set(
  'said says say saying told tells asked asks added adds stated states wrote writes tweeted argued argues claimed claims insisted insists announced announces explained explains noted notes warned warns according spokesman spokeswoman spokesperson statement interview testified replied responded acknowledged admitted conceded denied'.split(' '),
);
/** Whether a speech word stands within SPEECH_REACH tokens of the name at tokens[from..to]. */
function speaksNear(tokens: readonly PlacedToken[], from: number, to: number): boolean {
  const paragraph = tokens[from]!.paragraph;
  for (let k = Math.max(0, from - SPEECH_REACH); k <= Math.min(tokens.length - 1, to + SPEECH_REACH); k++) {
    if (tokens[k]!.paragraph === paragraph && SPEECH.has(tokens[k]!.norm)) return true;
  }
  return false;
}
const SPEECH_REACH = 4;

/** Whether a paragraph is its source's headline (its capitals are style, not names). */
function isHeadline(document: SourceDocument, paragraph: number): boolean {
  return document.paragraphs[paragraph]?.kind === 'title';
}

const wordCounts = new WeakMap<SourceDocument, Map<string, number>>();

/** How many times a source writes a name (as a whole word). */
function mentions(document: SourceDocument, name: string): number {
  // A name of letters and digits alone is a whole run of them wherever it stands: counted from the
  // document's runs, tallied once (a scan of the text per name was quadratic on long reports).
  if (/^[\p{L}\p{N}]+$/u.test(name)) {
    let counts = wordCounts.get(document);
    if (!counts) {
      counts = new Map();
      for (const [run] of document.text.matchAll(/[\p{L}\p{N}]+/gu)) counts.set(run, (counts.get(run) ?? 0) + 1);
      wordCounts.set(document, counts);
    }
    return counts.get(name) ?? 0;
  }
  let count = 0;
  for (let at = document.text.indexOf(name); at >= 0; at = document.text.indexOf(name, at + name.length)) {
    const before = document.text[at - 1] ?? ' ';
    const after = document.text[at + name.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) count++;
  }
  return count;
}

/** Words that may join the words of one name: "Friends of the Harbour Trust", "Bank of England". */
const NAME_JOINERS = new Set(['of', 'and', 'the', 'for', 'de', 'al']);
/** Words naming a people or a country's adjective: "Israeli", "Palestinian", "British", "Chinese". */
const DEMONYM = /(?:i|ian|ean|ese|ish)$/;

/**
 * The one name among capitalised words of a changed passage, or nothing: the words must form a
 * single run (joined by one "of", "and", … at most), and not be adjectives of nationality alone. Two
 * names, or scattered capitals, cannot say which actor a label such as "the group" stands for.
 */
function oneName(member: MemberText, indices: readonly number[]): number[] {
  if (indices.length === 0) return [];
  for (let k = 1; k < indices.length; k++) {
    // One joining word at most: "Forum and the Council" are two names.
    if (indices[k]! - indices[k - 1]! > 2) return [];
    for (let i = indices[k - 1]! + 1; i < indices[k]!; i++) if (!NAME_JOINERS.has(member.tokens[i]!.norm)) return [];
  }
  if (indices.every((i) => DEMONYM.test(member.tokens[i]!.norm))) return [];
  return [...indices];
}

function spanOfTerm(member: MemberText, match: TermMatch): TextSpan {
  return { doc: member.doc, start: member.tokens[match.from]!.start, end: member.tokens[match.to - 1]!.end };
}

const inside = (match: TermMatch, from: number, to: number): boolean => match.from < to && match.to > from;

/** A word that carries meaning: not a function word, not a number (figures are compared on their own). */
const SCALE_WORDS = new Set(['thousand', 'million', 'billion', 'trillion', 'percent', 'per', 'cent']);
const isContent = (token: PlacedToken): boolean => !token.isNumber && !STOP_WORDS.has(token.norm) && !SCALE_WORDS.has(token.norm) && token.norm.length > 1;
const keyOf = (match: TermMatch): string => match.term.keys.join(' ');

/**
 * Classify the differences between two members inside each of their word-diff hunks:
 * lexicon sets (attribution verbs, loaded terms, labels) used differently, hedges on one side only,
 * a source credited on one side only, an actor named on one side and described on the other. What
 * no rule explains, and has a content word, is a plain wording difference. A hunk that differs only
 * in function words, punctuation or numbers is not reported here.
 */
function classifyPair(
  documents: readonly SourceDocument[],
  groupId: string,
  pair: MemberPair,
  a: MemberTerms,
  b: MemberTerms,
  distinctive: (member: MemberText, from: number, to: number) => boolean,
  sameClaim: (offset: number, doc: number, otherDoc: number) => number | undefined,
  sameStatement: (offsetA: number, docA: number, offsetB: number, docB: number) => boolean,
): Difference[] {
  const docA = documents[pair.a.doc]!;
  const docB = documents[pair.b.doc]!;
  const out: Difference[] = [];
  if (!pair.hunks) {
    out.push({
      group: groupId,
      kind: 'wording',
      spans: [...spansOf(pair.a.doc, pair.a.tokens, 0, pair.a.tokens.length), ...spansOf(pair.b.doc, pair.b.tokens, 0, pair.b.tokens.length)],
      rule: 'too-long',
      sides: [hasSide(pair.a.doc, []), hasSide(pair.b.doc, [])],
      tooLong: true,
    });
    return out;
  }
  for (const hunk of pair.hunks) {
    const termsA = a.terms.filter((match) => inside(match, hunk.a0, hunk.a1));
    const termsB = b.terms.filter((match) => inside(match, hunk.b0, hunk.b1));
    let classified = false;

    // Members of one set used differently: said → claimed, hostages → captives, the company → the utility.
    // Sets with a role are loaded words in themselves: the loaded-language rule (loaded.ts) reports
    // them, naming a counterpart only where it is neutral ("enormous" against "massive" is no difference).
    const setIds = new Set([...termsA, ...termsB].filter((match) => match.term.kind !== 'hedge' && !match.term.role).map((match) => match.term.setId));
    for (const setId of setIds) {
      const left = termsA.filter((match) => match.term.setId === setId);
      const right = termsB.filter((match) => match.term.setId === setId);
      if (left.length === 0 || right.length === 0) continue;
      const leftStems = new Set(left.map(keyOf));
      const rightStems = new Set(right.map(keyOf));
      if ([...leftStems].every((s) => rightStems.has(s)) && [...rightStems].every((s) => leftStems.has(s))) continue;
      const kind = left[0]!.term.kind;
      // "said" → "announced" is not a framing difference; "said" → "claimed" is.
      if (kind === 'attribution') {
        const tones = (matches: TermMatch[]): string => [...new Set(matches.map((match) => match.term.tone ?? ''))].sort().join(',');
        if (tones(left) === tones(right)) {
          classified = true;
          continue;
        }
      }
      out.push({
        group: groupId,
        kind: kind === 'label' ? 'label' : kind === 'attribution' ? 'attribution' : 'loaded-term',
        spans: [...left.map((match) => spanOfTerm(pair.a, match)), ...right.map((match) => spanOfTerm(pair.b, match))],
        rule: 'set-contrast',
        sides: [hasSide(pair.a.doc, left.map((match) => termOf(docA, pair.a, match))), hasSide(pair.b.doc, right.map((match) => termOf(docB, pair.b, match)))],
        set: setOf(left[0]!.term),
      });
      classified = true;
    }

    // A source credited on one side only ("according to …"), or a reporting verb on one side only.
    // The other side must credit no source anywhere in its paragraphs: "according to the ministry"
    // in a part the diff did not mark is still a credit.
    for (const [mine, theirs, member, document, other] of [
      [termsA, b.terms, pair.a, docA, pair.b],
      [termsB, a.terms, pair.b, docB, pair.a],
    ] as const) {
      for (const match of mine) {
        if (match.term.kind !== 'attribution' || match.term.setId !== 'sourcing') continue;
        if (theirs.some((t) => t.term.setId === 'sourcing')) continue;
        out.push({
          group: groupId,
          kind: 'attribution',
          spans: [spanOfTerm(member, match)],
          rule: 'credit-one-side',
          sides: [hasSide(member.doc, [termOf(document, member, match)]), lacksSide(other.doc)],
        });
        classified = true;
      }
    }

    // Hedges: on one side only ("may have weakened" against "weakened"), or different hedges.
    const hedgesA = termsA.filter((t) => t.term.kind === 'hedge' && !negated(pair.a, t));
    const hedgesB = termsB.filter((t) => t.term.kind === 'hedge' && !negated(pair.b, t));
    if (hedgesA.length > 0 && hedgesB.length > 0) {
      const keysA = new Set(hedgesA.map(keyOf));
      const keysB = new Set(hedgesB.map(keyOf));
      if ([...keysA].some((k) => !keysB.has(k)) || [...keysB].some((k) => !keysA.has(k))) {
        out.push({
          group: groupId,
          kind: 'hedge',
          spans: [...hedgesA.map((m) => spanOfTerm(pair.a, m)), ...hedgesB.map((m) => spanOfTerm(pair.b, m))],
          rule: 'hedge-contrast',
          sides: [hasSide(pair.a.doc, hedgesA.map((m) => termOf(docA, pair.a, m))), hasSide(pair.b.doc, hedgesB.map((m) => termOf(docB, pair.b, m)))],
        });
      }
      classified = true;
    } else {
      for (const [mine, member, document, otherTerms] of [
        [hedgesA, pair.a, docA, b],
        [hedgesB, pair.b, docB, a],
      ] as const) {
        // Plainly stated only if the other source has no hedge in the sentences the diff lines up.
        const otherHedged = otherTerms.terms.some((t) => t.term.kind === 'hedge' && sameSentenceRegion(otherTerms.member, t, mine.length > 0 ? (member === pair.a ? [hunk.b0, hunk.b1] : [hunk.a0, hunk.a1]) : [0, 0]));
        for (const match of mine) {
          // …and only where the alignment linked the hedged sentence closely to one of the other's:
          // the same claim told with and without the hedge, not a hedge in a sentence the other
          // source does not tell.
          const link = otherHedged ? undefined : sameClaim(member.tokens[match.from]!.start, member.doc, otherTerms.member.doc);
          if (link === undefined) continue;
          out.push({
            group: groupId,
            kind: 'hedge',
            spans: [spanOfTerm(member, match)],
            rule: 'hedge-one-side',
            sides: [hasSide(member.doc, [termOf(document, member, match)]), lacksSide(otherTerms.member.doc)],
            evidence: { link },
          });
          classified = true;
        }
      }
    }

    // An actor named on one side and described with a label on the other: "Hamas" → "the group".
    const names = (member: MemberText, from: number, to: number): number[] => {
      const found: number[] = [];
      for (let i = from; i < to; i++) {
        const token = member.tokens[i]!;
        // A headline's capitals are its style, not names ("Wins Endorsement").
        if (!token.isCapitalized || STOP_WORDS.has(token.norm) || isHeadline(documents[member.doc]!, token.paragraph)) continue;
        // A capital at the start of a sentence (or a quotation) is a name only when the next word
        // has one too ("Harnley Rail").
        const next = member.tokens[i + 1];
        if ((i === 0 || opensSentence(documents[member.doc]!.text, token.start)) && !(next?.isCapitalized && i + 1 < to)) continue;
        if (ownName(documents[member.doc]!, token.norm)) continue;
        found.push(i);
      }
      return found;
    };
    const labelA = termsA.filter((match) => match.term.kind === 'label');
    const labelB = termsB.filter((match) => match.term.kind === 'label');
    // …where one stands in for the other: a short change ("Hamas said" → "the group claimed"), not a
    // label somewhere in a stretch the two sources tell differently.
    const shortChange = hunk.a1 - hunk.a0 <= LABEL_HUNK_MAX && hunk.b1 - hunk.b0 <= LABEL_HUNK_MAX;
    if (shortChange && (!setIds.size || (labelA.length > 0) !== (labelB.length > 0))) {
      const [labels, member, document, otherMember, otherDocument, from, to] =
        labelA.length > 0 && labelB.length === 0 ? [labelA, pair.a, docA, pair.b, docB, hunk.b0, hunk.b1] : [labelB, pair.b, docB, pair.a, docA, hunk.a0, hunk.a1];
      const named = labels.length > 0 ? oneName(otherMember, names(otherMember, from, to)) : [];
      if (labels.length > 0 && named.length > 0) {
        const name = named.map((i) => otherDocument.text.slice(otherMember.tokens[i]!.start, otherMember.tokens[i]!.end)).join(' ');
        out.push({
          group: groupId,
          kind: 'label',
          spans: [...labels.map((match) => spanOfTerm(member, match)), ...named.map((i) => ({ doc: otherMember.doc, start: otherMember.tokens[i]!.start, end: otherMember.tokens[i]!.end }))],
          rule: 'label-for-name',
          sides: [{ doc: otherMember.doc, part: 'names', terms: [{ text: name }] }, hasSide(member.doc, labels.map((match) => termOf(document, member, match)))],
        });
        classified = true;
      }
    }

    if (classified) continue;
    // A changed word or short phrase is worth pointing at ("critical", "devastating", "dispatched"
    // for "sent"); a rewritten clause is paraphrase, which the group itself already shows.
    const contentA = pair.a.tokens.slice(hunk.a0, hunk.a1).filter(isContent).length;
    const contentB = pair.b.tokens.slice(hunk.b0, hunk.b1).filter(isContent).length;
    if (contentA === 0 && contentB === 0) continue;
    const numbersA = pair.a.tokens.slice(hunk.a0, hunk.a1).some((t) => t.isNumber);
    const numbersB = pair.b.tokens.slice(hunk.b0, hunk.b1).some((t) => t.isNumber);
    if (numbersA && numbersB) continue;
    // A sentence or clause one source adds to a shared paragraph is something the other leaves out.
    if ((contentA === 0 || contentB === 0) && contentA + contentB >= ADDED_MIN) {
      const [member, document, other, from, to] = contentA > 0 ? [pair.a, docA, pair.b, hunk.a0, hunk.a1] : [pair.b, docB, pair.a, hunk.b0, hunk.b1];
      // Only where it is added to a paragraph the other tells too: within one paragraph, beside
      // words both share. A whole paragraph of a passage that the other does not tell is shown by
      // the passage itself, not marked.
      const paragraph = member.tokens[from]!.paragraph;
      const inOneParagraph = member.tokens[to - 1]!.paragraph === paragraph;
      const besideShared = member.tokens[from - 1]?.paragraph === paragraph || member.tokens[to]?.paragraph === paragraph;
      // A headline is written to its own length: words one adds to it are its style ("… | Israel's
      // war in Gaza News"), not something the others leave out; the headlines stand side by side.
      if (!inOneParagraph || !besideShared || isHeadline(document, paragraph)) continue;
      out.push({
        group: groupId,
        kind: 'omission',
        spans: spansOf(member.doc, member.tokens, from, to),
        rule: 'clause-one-side',
        sides: [hasSide(member.doc, [{ text: textOf(document, member.tokens, from, to, 90) }]), lacksSide(other.doc)],
      });
      continue;
    }
    if (contentA > WORDING_MAX || contentB > WORDING_MAX) continue;
    // Words added or dropped on one side only: a single word or two ("critical", "devastating").
    if ((contentA === 0 || contentB === 0) && contentA + contentB > ONE_SIDED_MAX) continue;
    // …and not words the other source writes elsewhere in the passage: "Dunmere council" against
    // "the council in Dunmere" moves a word, it adds none.
    const bare = (token: PlacedToken): string => token.norm.replace(/['’]s$/, '');
    if (contentA === 0 || contentB === 0) {
      const [side, from, to, other] = contentA > 0 ? [pair.a, hunk.a0, hunk.a1, pair.b] : [pair.b, hunk.b0, hunk.b1, pair.a];
      const theirs = new Set(other.tokens.map(bare));
      if (side.tokens.slice(from, to).filter(isContent).every((token) => theirs.has(bare(token)))) continue;
    } else {
      // The same words on both sides, in another order ("in Dunmere … the" / "Dunmere's"): moved, not changed.
      const wordsA = new Set(pair.a.tokens.slice(hunk.a0, hunk.a1).filter(isContent).map(bare));
      const wordsB = new Set(pair.b.tokens.slice(hunk.b0, hunk.b1).filter(isContent).map(bare));
      if (wordsA.size === wordsB.size && [...wordsA].every((word) => wordsB.has(word))) continue;
    }
    // Mark only the side whose words set it apart from most of the group, not every source that
    // differs from one other source somewhere.
    const markA = distinctive(pair.a, hunk.a0, hunk.a1);
    const markB = distinctive(pair.b, hunk.b0, hunk.b1);
    if (!markA && !markB) continue;
    // A change of wording is a change inside one statement: both sides in sentences the alignment
    // linked to each other, not two stretches the diff happened to line up between paragraphs.
    const atA = pair.a.tokens[hunk.a0] ?? pair.a.tokens[hunk.a0 - 1];
    const atB = pair.b.tokens[hunk.b0] ?? pair.b.tokens[hunk.b0 - 1];
    if (atA && atB && !sameStatement(atA.start, pair.a.doc, atB.start, pair.b.doc)) continue;
    // Headlines are each written to their own length and style: a word diff of two of them ("Enters
    // The Race" / "To Run") is noise. What sets a headline apart is shown by the loaded-language and
    // label rules, and side by side in the passage.
    if ((atA && isHeadline(docA, atA.paragraph)) || (atB && isHeadline(docB, atB.paragraph))) continue;
    // Two ways of writing one name ("Wis." / "Wisconsin", "President Trump" / "Trump") are not wording.
    const wordsOf = (member: MemberText, from: number, to: number): string[] => member.tokens.slice(from, to).map((token) => (member === pair.a ? docA : docB).text.slice(token.start, token.end));
    if (sameName(wordsOf(pair.a, hunk.a0, hunk.a1), wordsOf(pair.b, hunk.b0, hunk.b1))) continue;
    // Nor are case, hyphens and punctuation ("double-dip" / "double dip").
    const letters = (words: readonly string[]): string => words.join('').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    if (letters(wordsOf(pair.a, hunk.a0, hunk.a1)) === letters(wordsOf(pair.b, hunk.b0, hunk.b1))) continue;
    const before = textOf(docA, pair.a.tokens, hunk.a0, hunk.a1);
    const after = textOf(docB, pair.b.tokens, hunk.b0, hunk.b1);
    // A side of only function words ("for") is not marked: the other side's words are the change.
    // Nor is a stretch of it that holds only function words ("The" before a changed word in another paragraph).
    const hasContent = (document: SourceDocument, span: TextSpan): boolean =>
      (document.text.slice(span.start, span.end).toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).some((word) => !STOP_WORDS.has(word));
    const marked = [
      ...(markA && contentA > 0 ? spansOf(pair.a.doc, pair.a.tokens, hunk.a0, hunk.a1).filter((span) => hasContent(docA, span)) : []),
      ...(markB && contentB > 0 ? spansOf(pair.b.doc, pair.b.tokens, hunk.b0, hunk.b1).filter((span) => hasContent(docB, span)) : []),
    ];
    if (marked.length === 0) continue;
    out.push({
      group: groupId,
      kind: 'wording',
      spans: marked,
      rule: 'wording',
      sides: [before ? hasSide(pair.a.doc, [{ text: before }]) : lacksSide(pair.a.doc), after ? hasSide(pair.b.doc, [{ text: after }]) : lacksSide(pair.b.doc)],
    });
  }
  return out;
}

/**
 * Where a sentence paraphrases a quotation: the words between those it shares with the quoting
 * sentence just before the quote and just after it. For "The mayor … promised “a reckoning” if the
 * dam was not repaired" against "… the mayor warned of consequences if the dam is not repaired",
 * that is "warned of consequences". The whole sentence when nothing is left.
 */
function paraphraseSpan(documents: readonly SourceDocument[], sentence: TextSpan, quoting: TextSpan, quote: { start: number; end: number }): TextSpan {
  const quotingTokens = tokenize(documents[quoting.doc]!.text, quoting.start, quoting.end);
  const content = (token: { norm: string; isNumber: boolean }): boolean => !STOP_WORDS.has(token.norm) && token.norm.length > 1;
  const beforeQuote = new Set(stemsOf(quotingTokens.filter((token) => token.end <= quote.start && content(token))));
  const afterQuote = new Set(stemsOf(quotingTokens.filter((token) => token.start >= quote.end && content(token)).slice(0, 3)));
  const document = documents[sentence.doc]!;
  const tokens = tokenize(document.text, sentence.start, sentence.end);
  const stems = stemsOf(tokens);
  const trimmed = (from: number, to: number): [number, number] | null => {
    while (from < to && !content(tokens[from]!)) from++;
    while (to > from && !content(tokens[to - 1]!)) to--;
    return to > from ? [from, to] : null;
  };
  // Between the words before the quote and the words after it…
  let end = tokens.findIndex((token, i) => content(token) && afterQuote.has(stems[i]!));
  if (end < 0) end = tokens.length;
  let start = 0;
  for (let i = end - 1; i >= 0; i--) {
    if (content(tokens[i]!) && beforeQuote.has(stems[i]!)) {
      start = i + 1;
      break;
    }
  }
  // …or, when the paraphrase moves the "she told …" clause to the front, after all of them.
  let range = trimmed(start, end);
  if (!range) {
    let last = -1;
    tokens.forEach((token, i) => {
      if (content(token) && (beforeQuote.has(stems[i]!) || afterQuote.has(stems[i]!))) last = i;
    });
    range = trimmed(last + 1, tokens.length);
  }
  if (!range) return sentence;
  return { doc: sentence.doc, start: tokens[range[0]]!.start, end: tokens[range[1] - 1]!.end };
}

/** Quotations: what one member quotes and another paraphrases or leaves out. */
/**
 * Quotations set against paraphrases, and the spans of the quotations only their source gives (not
 * differences themselves, but no other rule marks their words either: a clause one source adds that
 * is such a quotation, or a changed word inside it).
 */
function quoteDifferences(documents: readonly SourceDocument[], group: AlignmentGroup, members: readonly MemberText[]): { differences: Difference[]; unshared: TextSpan[] } {
  interface Quote {
    readonly doc: number;
    readonly start: number;
    readonly end: number;
    readonly text: string;
    readonly pairs: Set<string>;
  }
  const bigrams = (text: string): Set<string> => {
    const words = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
    const set = new Set<string>();
    for (let i = 0; i + 1 < words.length; i++) set.add(`${words[i]} ${words[i + 1]}`);
    return set;
  };
  const quotesOf = (member: MemberText): Quote[] => {
    const document = documents[member.doc]!;
    const quotes: Quote[] = [];
    for (const index of new Set(member.tokens.map((token) => token.paragraph))) {
      const paragraph = document.paragraphs[index]!;
      const text = document.text.slice(paragraph.start, paragraph.end);
      for (const match of text.matchAll(QUOTE)) {
        const words = match[1]!.trim().split(/\s+/);
        if (words.length < 2) continue;
        const start = paragraph.start + match.index! + 1;
        quotes.push({ doc: member.doc, start, end: start + match[1]!.length, text: match[1]!.trim(), pairs: bigrams(match[1]!) });
      }
    }
    return quotes;
  };
  const all = members.map(quotesOf);
  const paragraphAround = (doc: number, offset: number): { start: number; end: number } | undefined =>
    documents[doc]!.paragraphs.find((paragraph) => paragraph.start <= offset && offset < paragraph.end);
  const tellsParagraphOf = (quote: { doc: number; start: number }, otherDoc: number): boolean => {
    const paragraph = paragraphAround(quote.doc, quote.start);
    return (
      paragraph !== undefined &&
      (group.sentences ?? []).some((l) => l.spans.some((s) => s.doc === quote.doc && s.start >= paragraph.start && s.end <= paragraph.end) && l.spans.some((s) => s.doc === otherDoc))
    );
  };
  const documentQuotes = new Map<SourceDocument, { pairs: Set<string>; text: string }[]>();
  const quotesOfDocument = (document: SourceDocument): { pairs: Set<string>; text: string }[] => {
    let quotes = documentQuotes.get(document);
    if (!quotes) {
      quotes = [...document.text.matchAll(QUOTE)].filter((match) => match[1]!.trim().split(/\s+/).length >= 2).map((match) => ({ text: match[1]!.trim(), pairs: bigrams(match[1]!) }));
      documentQuotes.set(document, quotes);
    }
    return quotes;
  };
  const out: Difference[] = [];
  const unshared: TextSpan[] = [];
  const reported = new Set<string>();
  all.forEach((quotes, m) => {
    for (const quote of quotes) {
      const key = [...quote.pairs].sort().join('|');
      if (reported.has(key)) continue;
      const alsoQuoting: number[] = [];
      const paraphrasing: { doc: number; span: TextSpan }[] = [];
      const leaving: number[] = [];
      members.forEach((other, o) => {
        if (o === m) return;
        // A quotation the other source also gives, in this passage or anywhere in its report, is
        // shared, not a difference.
        const shared =
          printsWords(documents[other.doc]!, quote.text) ||
          [...(all[o] ?? []), ...quotesOfDocument(documents[other.doc]!)].some((q) => {
            let common = 0;
            for (const pair of quote.pairs) if (q.pairs.has(pair)) common++;
            return quote.pairs.size > 0 ? common / quote.pairs.size >= 0.5 : q.text.toLowerCase() === quote.text.toLowerCase();
          });
        if (shared) {
          alsoQuoting.push(other.doc);
          return;
        }
        // The sentence of the other member the alignment linked closely to the quoting sentence,
        // if any: the same statement, told in the outlet's words.
        const link = (group.sentences ?? []).find(
          (l) => l.score >= PARAPHRASE_LINK && l.spans.some((s) => s.doc === quote.doc && s.start <= quote.start && s.end >= quote.end) && l.spans.some((s) => s.doc === other.doc),
        );
        // A paraphrase is claimed only there: a sentence of the passage that merely looks closest,
        // or shares a few words, is not evidence.
        const sentence = link?.spans.find((s) => s.doc === other.doc);
        const own = link?.spans.find((s) => s.doc === quote.doc);
        const paraphrase = sentence && own ? paraphraseSpan(documents, sentence, own, quote) : undefined;
        // Where the words that stand for the quotation are themselves quoted (other words, or the
        // same ones cut differently), it is not a paraphrase: both sources let the speaker speak.
        if (sentence && paraphrase && quotedWithin(documents[other.doc]!, sentence, paraphrase)) return;
        // …and a paraphrase is the same speaker's: a name the quoting sentence gives outside the
        // quotation (its speaker, or whom it is about) is in the other's sentence too.
        if (sentence && own && !sharesAName(documents, own, quote, sentence)) {
          if (tellsParagraphOf(quote, other.doc)) leaving.push(other.doc);
          return;
        }
        if (paraphrase) paraphrasing.push({ doc: other.doc, span: paraphrase });
        // Left out only where the other tells the paragraph the quotation is in (some sentence of it
        // is linked to the other's): a quotation in a paragraph the other does not tell is part of
        // what the passage shows one source reporting, not a quotation the other left out.
        else if (tellsParagraphOf(quote, other.doc)) leaving.push(other.doc);
      });
      // Marked only where another source tells the same statement in its own words: quotation
      // against paraphrase is the difference a reader can weigh. A quotation the others simply do
      // not give is what its source chose to add, and filling every such quotation in the text
      // buried the marks that matter (BASIL: 450 of 569 quote marks, 7 points of the text's 17%
      // marked, no better than marking at random).
      if (paraphrasing.length === 0) {
        if (leaving.length > 0) unshared.push({ doc: quote.doc, start: quote.start, end: quote.end });
        continue;
      }
      reported.add(key);
      out.push({
        group: group.id,
        kind: 'quote',
        spans: [{ doc: quote.doc, start: quote.start, end: quote.end }, ...paraphrasing.map((p) => p.span)],
        rule: 'quote',
        sides: [
          ...[quote.doc, ...alsoQuoting].map((doc): DifferenceSide => ({ doc, part: 'quotes', terms: [] })),
          ...paraphrasing.map((p): DifferenceSide => ({ doc: p.doc, part: 'paraphrases', terms: [] })),
          ...leaving.map(lacksSide),
        ],
        evidence: { quote: quote.text },
      });
    }
  });
  return { differences: out, unshared };
}

/** Figures: what each member gives for the same quantity, across all members, with outliers flagged. */
function figureDifferences(documents: readonly SourceDocument[], group: AlignmentGroup): { differences: Difference[]; figures: Figure[] } {
  const figures = group.members.flatMap((member) => figuresIn(documents[member.doc]!, member.doc, member.paragraphs));
  const byQuantity = new Map<string, Figure[]>();
  for (const figure of figures) {
    const list = byQuantity.get(figure.quantity) ?? [];
    // The first figure each member gives for a quantity.
    if (!list.some((f) => f.doc === figure.doc)) list.push(figure);
    byQuantity.set(figure.quantity, list);
  }
  const differences: Difference[] = [];
  for (const [quantity, list] of byQuantity) {
    if (list.length < 2 || new Set(list.map((f) => f.value)).size < 2) continue;
    const outliers = new Set(list.filter((f) => isOutlier(f.value, list.filter((o) => o !== f).map((o) => o.value))));
    differences.push({
      group: group.id,
      kind: 'figure',
      spans: list.map((f) => ({ doc: f.doc, start: f.start, end: f.end })),
      rule: 'figures',
      sides: list.map((f) => hasSide(f.doc, [{ text: f.text }])),
      evidence: {
        quantity,
        counted: list[0]!.counted,
        figures: list.map((f) => ({ doc: f.doc, value: f.value, text: f.text, ...(f.attribution ? { attribution: f.attribution } : {}), outlier: outliers.has(f) })),
      },
    });
  }
  return { differences, figures };
}

const bare = (norm: string): string => stem(norm.replace(/'s$/, ''));
/** The stems of every word of a document (computed once per document). */
const stemCache = new WeakMap<SourceDocument, ReadonlySet<string>>();
function documentStems(document: SourceDocument): ReadonlySet<string> {
  let words = stemCache.get(document);
  if (!words) {
    words = new Set((document.text.match(/[\p{L}\p{N}'’.-]+/gu) ?? []).map((w) => bare(w.toLowerCase().replace(/’/g, "'").replace(/\./g, '').replace(/['-]+$/, ''))));
    stemCache.set(document, words);
  }
  return words;
}

/** Facts one member gives that no other member of the group has: figures and names. */
function omissionDifferences(documents: readonly SourceDocument[], group: AlignmentGroup, members: readonly MemberText[], figures: readonly Figure[]): Difference[] {
  const out: Difference[] = [];
  const quantities = new Map<number, Set<string>>();
  for (const figure of figures) {
    const set = quantities.get(figure.doc) ?? new Set<string>();
    set.add(figure.quantity);
    quantities.set(figure.doc, set);
  }
  const wordsOf = (doc: number): ReadonlySet<string> => documentStems(documents[doc]!);
  for (const member of members) {
    const others = members.filter((m) => m !== member);
    const document = documents[member.doc]!;
    const found: { span: TextSpan; text: string; rule: 'figure-one-side' | 'name-one-side' }[] = [];
    const otherValues = new Set(figures.filter((f) => f.doc !== member.doc).map((f) => f.value));
    for (const figure of figures) {
      if (figure.doc !== member.doc || otherValues.has(figure.value)) continue;
      if (others.some((m) => quantities.get(m.doc)?.has(figure.quantity))) continue;
      if (others.some((m) => wordsOf(m.doc).has(figure.text.split(/\s/)[0]!.toLowerCase()))) continue;
      found.push({ span: { doc: figure.doc, start: figure.start, end: figure.end }, text: figure.text, rule: 'figure-one-side' });
    }
    // Names: runs of capitalised words inside a sentence ("the United Nations") with a word that no
    // other source uses anywhere.
    const absent = (token: PlacedToken): boolean =>
      token.norm.length > 1 && !STOP_WORDS.has(token.norm) && !WEEKDAYS_MONTHS.has(token.norm) && others.every((m) => !wordsOf(m.doc).has(bare(token.norm.replace(/\./g, ''))));
    for (let i = 0; i < member.tokens.length; i++) {
      const token = member.tokens[i]!;
      // "I", "I've", "I'm" are the speaker, not a name.
      if (!token.isCapitalized || token.norm === 'i' || token.norm.startsWith("i'") || isHeadline(document, token.paragraph)) continue;
      // Across a paragraph break, a new sentence; within a paragraph, the few characters between two
      // words say so. (The paragraph is checked first: the text between the last word of one
      // paragraph and the first of a later one can be most of the article, and a regular expression
      // anchored at its end would read all of it for every capital: quadratic on long reports.)
      const startsSentence =
        i === 0 || member.tokens[i - 1]!.paragraph !== token.paragraph || /[.!?:]\s*$|^\s*[“"‘]/.test(document.text.slice(member.tokens[i - 1]!.end, token.start));
      // At the start of a sentence a capital means a name only when the next word has one too.
      if (startsSentence && !(member.tokens[i + 1]?.isCapitalized && member.tokens[i + 1]!.paragraph === token.paragraph && !STOP_WORDS.has(token.norm))) continue;
      // …nor when the sources write the same word in lower case elsewhere ("Asked about …", "asked").
      if (startsSentence && documents.some((d) => mentions(d, document.text.slice(token.start, token.end).toLowerCase()) > 0)) continue;
      if (ownName(document, token.norm)) continue;
      let j = i;
      while (j + 1 < member.tokens.length) {
        const next = member.tokens[j + 1]!;
        const gap = document.text.slice(member.tokens[j]!.end, next.start);
        // Words of one name are separated by a space, or by a full stop after an initial ("U.S.").
        const initial = member.tokens[j]!.end - member.tokens[j]!.start === 1 && /^\.\s*$/.test(gap);
        if (!next.isCapitalized || next.paragraph !== token.paragraph || !(/^\s+$/.test(gap) || initial)) break;
        j++;
      }
      // A day or a month closing the run is not part of the name ("CNN Friday").
      let last = j;
      while (last > i && WEEKDAYS_MONTHS.has(member.tokens[last]!.norm)) last--;
      const run = member.tokens.slice(i, last + 1);
      const text = document.text.slice(token.start, member.tokens[last]!.end);
      // A nationality before a plain noun describes it ("American voters"): not a name.
      const following = member.tokens[last + 1];
      if (run.length === 1 && /(?:an|ian|ean|ese|ish|i)$/.test(token.norm) && following && following.paragraph === token.paragraph && !following.isCapitalized && isContent(following) && !SPEECH.has(following.norm)) {
        i = j;
        continue;
      }
      // Most of the name must be new: "Gaza Strip" and "United Nations", not "Outgoing President Biden".
      // A name of one word the source gives once ("Bentonville", "Ark.") is a detail, not someone or
      // something the others leave out of the story: a one-word name must recur in its source.
      // …and only someone who speaks in the passage ("…, Joseph Sellers said", "according to the
      // Census Bureau"): who gets a voice is the difference; a place or a thing named in passing is not.
      if (!speaksNear(member.tokens, i, j)) {
        i = j;
        continue;
      }
      if ((run.length >= 2 || mentions(document, text) >= 2) && run.filter(absent).length * 2 >= run.length && !found.some((f) => f.text === text)) found.push({ span: { doc: member.doc, start: token.start, end: member.tokens[last]!.end }, text, rule: 'name-one-side' });
      i = j;
    }
    for (const item of found.slice(0, 3)) {
      out.push({
        group: group.id,
        kind: 'omission',
        spans: [item.span],
        rule: item.rule,
        sides: [hasSide(member.doc, [{ text: item.text }]), ...others.map((m) => lacksSide(m.doc))],
      });
    }
  }
  return out;
}

/**
 * Reporting verbs compared sentence by sentence, for sentences the alignment matched: a quote in
 * one source and a paraphrase in another put the verb in different places, where a word diff does
 * not line them up ("…full,” the mayor insisted" against "the mayor said the town…").
 */
function attributionBySentence(documents: readonly SourceDocument[], group: AlignmentGroup, termsByDoc: ReadonlyMap<number, MemberTerms>): Difference[] {
  const out: Difference[] = [];
  const verbsIn = (doc: number, span: TextSpan): TermMatch[] => {
    const member = termsByDoc.get(doc);
    if (!member) return [];
    return member.terms.filter((match) => {
      if (match.term.setId !== 'reporting-verbs') return false;
      const token = member.member.tokens[match.from]!;
      return token.start >= span.start && token.end <= span.end;
    });
  };
  for (const link of group.sentences ?? []) {
    const [x, y] = link.spans;
    const left = verbsIn(x.doc, x);
    const right = verbsIn(y.doc, y);
    if (left.length === 0 || right.length === 0) continue;
    const tones = (matches: TermMatch[]): string => [...new Set(matches.map((m) => m.term.tone ?? ''))].sort().join(',');
    if (tones(left) === tones(right)) continue;
    const mx = termsByDoc.get(x.doc)!.member;
    const my = termsByDoc.get(y.doc)!.member;
    const docX = documents[x.doc]!;
    const docY = documents[y.doc]!;
    out.push({
      group: group.id,
      kind: 'attribution',
      spans: [...left.map((m) => spanOfTerm(mx, m)), ...right.map((m) => spanOfTerm(my, m))],
      rule: 'verb-contrast',
      sides: [hasSide(x.doc, left.map((m) => termOf(docX, mx, m))), hasSide(y.doc, right.map((m) => termOf(docY, my, m)))],
      set: setOf(left[0]!.term),
      evidence: { link: link.score },
    });
  }
  return out;
}

const overlaps = (x: TextSpan, y: TextSpan): boolean => x.doc === y.doc && x.start < y.end && y.start < x.end;

/**
 * Every classified difference inside one group: wording and framing between members (attribution,
 * loaded terms, labels, hedges), quotations, figures across all members, and facts only one member
 * gives. Wording differences that fall inside a quotation already reported are dropped.
 */
export function analyzeGroup(documents: readonly SourceDocument[], group: AlignmentGroup, options: AnalysisOptions): GroupAnalysis {
  const { members, pairs } = diffMembers(documents, group, options);
  const termsByDoc = new Map<number, MemberTerms>();
  for (const member of members) {
    const document = documents[member.doc]!;
    const terms = findTerms(options.lexicon, termTextOf(document.text, member.tokens)).filter((match) => !notATerm(document, member, match));
    termsByDoc.set(member.doc, { member, terms });
  }
  // For each word of each member: how many other members it differs from.
  const differsFrom = new Map<number, Uint16Array>(members.map((member) => [member.doc, new Uint16Array(member.tokens.length)]));
  const compared = new Map<number, number>();
  for (const pair of pairs) {
    compared.set(pair.a.doc, (compared.get(pair.a.doc) ?? 0) + 1);
    compared.set(pair.b.doc, (compared.get(pair.b.doc) ?? 0) + 1);
    for (const hunk of pair.hunks ?? []) {
      const countsA = differsFrom.get(pair.a.doc)!;
      const countsB = differsFrom.get(pair.b.doc)!;
      for (let i = hunk.a0; i < hunk.a1; i++) countsA[i]!++;
      for (let i = hunk.b0; i < hunk.b1; i++) countsB[i]!++;
    }
  }
  const distinctive = (member: MemberText, from: number, to: number): boolean => {
    const others = compared.get(member.doc) ?? 1;
    if (from >= to) return false;
    if (others < 2) return true;
    const counts = differsFrom.get(member.doc)!;
    let sum = 0;
    for (let i = from; i < to; i++) sum += counts[i]!;
    // Differs from most of the others it was compared with.
    return sum / (to - from) > others / 2;
  };
  // How closely the sentence at `offset` of `doc` is linked to a sentence of `otherDoc`, when closely enough to be the same claim.
  const sameClaim = (offset: number, doc: number, otherDoc: number): number | undefined => {
    let best: number | undefined;
    for (const link of group.sentences ?? []) {
      if (link.score >= SAME_CLAIM_LINK && link.spans.some((span) => span.doc === doc && span.start <= offset && offset < span.end) && link.spans.some((span) => span.doc === otherDoc)) {
        best = Math.max(best ?? 0, link.score);
      }
    }
    return best;
  };
  // Whether two offsets sit in two sentences the alignment linked to each other.
  const sameStatement = (offsetA: number, docA: number, offsetB: number, docB: number): boolean =>
    (group.sentences ?? []).length === 0 ||
    (group.sentences ?? []).some(
      (link) =>
        link.score >= SAME_STATEMENT_LINK &&
        link.spans.some((span) => span.doc === docA && span.start <= offsetA && offsetA < span.end) &&
        link.spans.some((span) => span.doc === docB && span.start <= offsetB && offsetB < span.end),
    );
  const pairDifferences = pairs.flatMap((pair) => classifyPair(documents, group.id, pair, termsByDoc.get(pair.a.doc)!, termsByDoc.get(pair.b.doc)!, distinctive, sameClaim, sameStatement));
  const { differences: quotes, unshared } = quoteDifferences(documents, group, members);
  const verbs = attributionBySentence(documents, group, termsByDoc);
  const loaded = loadedLanguageDifferences(documents, group, members, options.lexicon);
  const { differences: figureDiffs, figures } = figureDifferences(documents, group);
  const omissions = omissionDifferences(documents, group, members, figures);
  const quoteSpans = [...quotes.flatMap((difference) => difference.spans), ...unshared];
  const figureSpans = figureDiffs.flatMap((difference) => difference.spans);
  const kept = pairDifferences.filter(
    (difference) =>
      difference.kind !== 'wording' ||
      !difference.spans.every((span) => quoteSpans.some((q) => overlaps(q, span)) || figureSpans.some((f) => span.start >= f.start && span.end <= f.end && f.doc === span.doc)),
  );
  // The same difference found in two overlapping members (a paragraph merged into two) is one.
  const seen = new Set<string>();
  const labelSpans = kept.filter((difference) => difference.kind === 'label').flatMap((difference) => difference.spans);
  const freshOmissions = omissions.filter((difference) => !difference.spans.every((span) => labelSpans.some((l) => overlaps(l, span))));
  // A sentence one source adds that is a quotation already reported as a quote is not also an omission.
  const quoted = kept.filter((difference) => difference.kind === 'omission').filter((difference) => difference.spans.every((span) => quoteSpans.some((q) => overlaps(q, span))));
  const unique = [...kept.filter((difference) => !quoted.includes(difference)), ...verbs, ...loaded, ...quotes, ...figureDiffs, ...freshOmissions].filter((difference) => {
    const key = `${difference.kind}|${difference.spans.map((span) => `${span.doc}:${span.start}-${span.end}`).sort().join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Datelines are never marks.
  const datelines = group.members.flatMap((member) =>
    member.paragraphs.map((p) => {
      const paragraph = documents[member.doc]!.paragraphs[p]!;
      return { doc: member.doc, start: paragraph.start, end: datelineEnd(documents[member.doc]!.text, paragraph.start, paragraph.end) };
    }),
  ).filter((span) => span.end > span.start);
  const outsideDatelines = unique.filter((difference) => !difference.spans.every((span) => datelines.some((d) => d.doc === span.doc && span.start >= d.start && span.end <= d.end)));
  return { differences: mergeRepeated(outsideDatelines), figures };
}

/**
 * Rules whose difference is the same words whichever sources use them ("said (neutral) → claimed
 * (doubt) · Reporting verbs"): found between two other sources, or by the other of the two rules
 * (in a word diff, or sentence by sentence), it is the same difference.
 */
const SAME_WHOEVER: ReadonlySet<DifferenceRule> = new Set<DifferenceRule>(['set-contrast', 'verb-contrast']);

/**
 * What a classified difference says, whatever its spans: its kind, rule, set, sides and evidence
 * (the strength of a sentence link aside, which differs between two copies of one sentence).
 */
function contentKey(difference: Difference): string {
  const { kind, rule, set, evidence } = difference;
  if (rule && SAME_WHOEVER.has(rule)) return JSON.stringify([kind, 'contrast', set?.id, difference.sides?.map((side) => side.terms)]);
  return JSON.stringify([kind, rule, set?.id, difference.sides, evidence && { ...evidence, link: undefined }]);
}

/**
 * A source that repeats itself (a paragraph printed twice) would list the same classified
 * difference twice, saying the same thing: shown once, with the spans of every occurrence (and the
 * sides of every source, where the same words set other sources apart too). Wording changes are
 * left as they are.
 */
function mergeRepeated(differences: readonly Difference[]): Difference[] {
  const merged: Difference[] = [];
  const byContent = new Map<string, number>();
  for (const difference of differences) {
    if (difference.kind === 'wording' || !difference.rule) {
      merged.push(difference);
      continue;
    }
    const key = contentKey(difference);
    const at = byContent.get(key);
    if (at === undefined) {
      byContent.set(key, merged.length);
      merged.push(difference);
      continue;
    }
    const first = merged[at]!;
    const spans = [...first.spans];
    for (const span of difference.spans) {
      if (!spans.some((s) => s.doc === span.doc && s.start === span.start && s.end === span.end)) spans.push(span);
    }
    spans.sort((x, y) => x.doc - y.doc || x.start - y.start);
    const sides = [...(first.sides ?? [])];
    for (const side of difference.sides ?? []) if (!sides.some((s) => s.doc === side.doc)) sides.push(side);
    merged[at] = { ...first, spans, sides };
  }
  return merged;
}
