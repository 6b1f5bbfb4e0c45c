import type { AlignmentGroup, Comparison, SentenceLink, TextSpan } from '../../../shared/contract/comparison';
import { relatedEnds as coreRelatedEnds } from '../../../shared/core/related';
import { percentOf, trimSentence } from './groupReasons';

/**
 * Where else a passage's event is mentioned. A paragraph belongs to one passage only, but it may tell
 * two events; so a source with no paragraph in a passage may still mention its event, in a sentence
 * of a paragraph that went to another passage (or of a paragraph only it has). The alignment records
 * these as the passage's `related` links (see `AlignmentGroup.related`; core/related.ts reads their
 * ends); this numbers and words them for the views, beside "Not reported": the same event, not
 * necessarily the same facts. Pure: no React.
 */

/** A passage as the views number it: its id and its 1-based place in `comparison.groups`. */
export interface PassageRef {
  readonly id: string;
  readonly number: number;
}

/** The passage a paragraph is in, if any. */
export type PassageOf = (doc: number, paragraph: number) => PassageRef | undefined;

/**
 * Which passage each paragraph is in, numbered as the event view numbers its rows (`indexComparison`:
 * the group's place in `comparison.groups`, from 1; a paragraph listed twice goes to the first).
 */
export function passageLookup(comparison: Comparison): PassageOf {
  const byParagraph = new Map<string, PassageRef>();
  comparison.groups.forEach((group, i) => {
    const ref: PassageRef = { id: group.id, number: i + 1 };
    for (const member of group.members) {
      for (const paragraph of member.paragraphs) {
        const key = `${member.doc}:${paragraph}`;
        if (!byParagraph.has(key)) byParagraph.set(key, ref);
      }
    }
  });
  return (doc, paragraph) => byParagraph.get(`${doc}:${paragraph}`);
}

/** A related link with its two ends told apart: the one in the passage, and the one outside it. */
export interface RelatedEnds {
  readonly link: SentenceLink;
  readonly inside: TextSpan;
  readonly outside: TextSpan;
  /** The paragraph of `outside.doc` that holds the outside end. */
  readonly paragraph: number;
  /** The passage that paragraph is in; absent when only its source has it. */
  readonly passage?: PassageRef;
}

/** Words tidied and each kept once (the first spelling of words that differ only in case), in order. */
function uniqueTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of terms) {
    const term = raw.replace(/\s+/g, ' ').trim();
    const key = term.toLowerCase();
    if (term.length === 0 || seen.has(key)) continue;
    seen.add(key);
    kept.push(term);
  }
  return kept;
}

/**
 * The group's related links, each with its end inside the group and its end outside (with that
 * end's paragraph and passage, numbered as the view numbers them), in the order the group lists
 * them: the core's relatedEnds (core/related.ts), with the passages numbered.
 */
export function relatedEnds(comparison: Comparison, group: AlignmentGroup, passageOf: PassageOf = passageLookup(comparison)): RelatedEnds[] {
  return coreRelatedEnds(comparison, group).map(({ link, inside, outside, paragraph }) => {
    const found = passageOf(outside.doc, paragraph);
    // Only the id and number, whatever else the lookup's answer carries (a view's GroupBadge).
    return { link, inside, outside, paragraph, ...(found ? { passage: { id: found.id, number: found.number } } : {}) };
  });
}

/** Strongest first (stable), so that merged words keep the weightiest link's first. */
const strongestFirst = (a: RelatedEnds, b: RelatedEnds): number => (Number.isFinite(b.link.score) ? b.link.score : 0) - (Number.isFinite(a.link.score) ? a.link.score : 0);

/** One place where a source tells the passage outside it: one sentence of one of its paragraphs. */
export interface ToldPlace {
  readonly doc: number;
  /** Index into the document's `paragraphs`. */
  readonly paragraph: number;
  /** The passage that paragraph belongs to; absent when it is a paragraph only its source has. */
  readonly passage?: PassageRef;
  /** The sentence's range of `documents[doc].text`. */
  readonly start: number;
  readonly end: number;
  /** The sentence, whitespace tidied, cut at a word with an ellipsis when long. */
  readonly sentence: string;
  /** Whether `sentence` was cut. */
  readonly cut: boolean;
  /** The strongest link to this sentence, from 0 to 1. */
  readonly score: number;
  /** The words the links to it share, weightiest first, each once. */
  readonly terms: readonly string[];
}

/** The places one source, absent from the passage, mentions its event elsewhere, in reading order. */
export interface ToldElsewhere {
  readonly doc: number;
  readonly places: readonly ToldPlace[];
}

export interface ToldElsewhereOptions {
  /** Which passage a paragraph is in (default: worked out from `comparison.groups`). */
  readonly passageOf?: PassageOf;
  /** The longest a sentence is shown, in characters (with the ellipsis). Default 140. */
  readonly maxChars?: number;
}

/**
 * For each source with no paragraph in `group`, the places it tells the passage elsewhere: the
 * outside ends of the group's related links in that source, one place per sentence, ordered by
 * paragraph then by where the sentence starts. Sources are in document order; a source with no
 * related link (or one in the passage) is not listed.
 */
export function toldElsewhere(comparison: Comparison, group: AlignmentGroup, options: ToldElsewhereOptions = {}): ToldElsewhere[] {
  if (!group.related || group.related.length === 0) return [];
  const maxChars = Math.max(8, options.maxChars ?? 140);
  const present = new Set(group.members.filter((member) => member.paragraphs.length > 0).map((member) => member.doc));
  const places = new Map<string, { place: Omit<ToldPlace, 'terms'>; terms: string[] }>();
  for (const end of relatedEnds(comparison, group, options.passageOf ?? passageLookup(comparison)).sort(strongestFirst)) {
    const { outside } = end;
    if (present.has(outside.doc)) continue;
    const key = `${outside.doc}:${outside.start}-${outside.end}`;
    const terms = end.link.terms ?? [];
    const score = Number.isFinite(end.link.score) ? end.link.score : 0;
    const known = places.get(key);
    if (known) {
      if (score > known.place.score) known.place = { ...known.place, score };
      known.terms.push(...terms);
      continue;
    }
    const text = comparison.documents[outside.doc]!.text.slice(Math.max(0, outside.start), Math.max(outside.start, outside.end));
    const { text: sentence, cut } = trimSentence(text, maxChars);
    places.set(key, {
      place: { doc: outside.doc, paragraph: end.paragraph, ...(end.passage ? { passage: end.passage } : {}), start: outside.start, end: outside.end, sentence, cut, score },
      terms: [...terms],
    });
  }
  const byDoc = new Map<number, ToldPlace[]>();
  for (const { place, terms } of places.values()) {
    const list = byDoc.get(place.doc) ?? [];
    list.push({ ...place, terms: uniqueTerms(terms) });
    byDoc.set(place.doc, list);
  }
  return [...byDoc]
    .sort((a, b) => a[0] - b[0])
    .map(([doc, list]) => ({ doc, places: list.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start || a.end - b.end) }));
}

/** The places of `told` grouped by paragraph, in order: what a cell shows under one "Mentions the event in …" each. */
export function placesByParagraph(places: readonly ToldPlace[]): { readonly paragraph: number; readonly passage?: PassageRef; readonly places: readonly ToldPlace[] }[] {
  const groups: { paragraph: number; passage?: PassageRef; places: ToldPlace[] }[] = [];
  for (const place of places) {
    const last = groups.at(-1);
    if (last && last.paragraph === place.paragraph) last.places.push(place);
    else groups.push({ paragraph: place.paragraph, ...(place.passage ? { passage: place.passage } : {}), places: [place] });
  }
  return groups;
}

/** "3", "3 and 5", "2, 3 and 5". */
function listNumbers(numbers: readonly number[]): string {
  if (numbers.length <= 1) return numbers.join('');
  return `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

/**
 * Where a source tells a passage, in words after "mentions the event": "in passage 3",
 * "in passages 3 and 5", "in a paragraph only it has", "in passage 3 and in a paragraph only it
 * has". Empty when there are no places.
 */
export function whereTold(places: readonly ToldPlace[]): string {
  const numbers = [...new Set(places.flatMap((place) => (place.passage ? [place.passage.number] : [])))].sort((a, b) => a - b);
  const own = new Set(places.filter((place) => !place.passage).map((place) => place.paragraph)).size;
  const parts: string[] = [];
  if (numbers.length === 1) parts.push(`in passage ${numbers[0]}`);
  else if (numbers.length > 1) parts.push(`in passages ${listNumbers(numbers)}`);
  if (own === 1) parts.push('in a paragraph only it has');
  else if (own > 1) parts.push('in paragraphs only it has');
  return parts.join(' and ');
}

/** One line of "Also mentioned elsewhere" under "Why together?": a source, where it tells it, and the words in common. */
export interface ElsewhereRow {
  /** Stable within one group. */
  readonly key: string;
  /** The source of the outside end. */
  readonly doc: number;
  /** Its name as the page shows it (neutral in blind mode). */
  readonly label: string;
  /** The paragraph of that source, and its passage (absent: a paragraph only that source has). */
  readonly paragraph: number;
  readonly passage?: PassageRef;
  /** "passage 3", or "only in this source". */
  readonly where: string;
  /** The words the links share, weightiest first, each once (at most `maxTerms`). */
  readonly terms: readonly string[];
  /** The strongest of its links, as a whole percentage. */
  readonly percent: number;
}

export interface ElsewhereReasons {
  /** At most `limit` lines, by source then by paragraph. */
  readonly rows: readonly ElsewhereRow[];
  /** How many lines there are beyond `rows`. */
  readonly more: number;
  readonly total: number;
}

export interface ElsewhereOptions {
  readonly passageOf?: PassageOf;
  /** The most lines listed; the rest are counted. Default 6. */
  readonly limit?: number;
  /** The most shared words per line. Default 5. */
  readonly maxTerms?: number;
}

/**
 * The group's related links as "Why together?" lists them under "Also mentioned elsewhere": one line per
 * paragraph outside the passage that a link reaches (links to the same paragraph are one line, their
 * words merged), naming its source with `label` (pass the blind-aware labeller's), its passage or
 * "only in this source", and the words in common. Nothing when the group has no related links.
 */
export function elsewhereReasons(group: AlignmentGroup, comparison: Comparison, label: (doc: number) => string, options: ElsewhereOptions = {}): ElsewhereReasons {
  const limit = Math.max(0, options.limit ?? 6);
  const maxTerms = Math.max(0, options.maxTerms ?? 5);
  const lines = new Map<string, { doc: number; paragraph: number; passage?: PassageRef; terms: string[]; score: number }>();
  for (const end of relatedEnds(comparison, group, options.passageOf ?? passageLookup(comparison)).sort(strongestFirst)) {
    const key = `${end.outside.doc}:${end.paragraph}`;
    const terms = end.link.terms ?? [];
    const score = Number.isFinite(end.link.score) ? end.link.score : 0;
    const line = lines.get(key);
    if (line) {
      line.terms.push(...terms);
      line.score = Math.max(line.score, score);
    } else lines.set(key, { doc: end.outside.doc, paragraph: end.paragraph, ...(end.passage ? { passage: end.passage } : {}), terms: [...terms], score });
  }
  const sorted = [...lines.values()].sort((a, b) => a.doc - b.doc || a.paragraph - b.paragraph);
  const rows = sorted.slice(0, limit).map(
    (line): ElsewhereRow => ({
      key: `${line.doc}:${line.paragraph}`,
      doc: line.doc,
      label: label(line.doc),
      paragraph: line.paragraph,
      ...(line.passage ? { passage: line.passage } : {}),
      where: line.passage ? `passage ${line.passage.number}` : 'only in this source',
      terms: uniqueTerms(line.terms).slice(0, maxTerms),
      percent: percentOf(line.score),
    }),
  );
  return { rows, more: sorted.length - rows.length, total: sorted.length };
}
