/**
 * What a rule of the analysis is: a name, the `rule` ids and kinds of the differences it finds, and
 * a function from what it reads, prepared once by the engine (analyze.ts), to differences. Each rule
 * lives in its own file under rules/, and rules/index.ts lists them in the order they run.
 *
 * A rule reads one of three things:
 * - a change: one stretch the word diff found between two members of a passage ("said" against
 *   "claimed"); the rules run in order on each change, and the wording rules last, only on a change
 *   no rule before them explained;
 * - a passage: every member of a group at once (figures, quotations, loaded words);
 * - the comparison: what no group holds (a paragraph only one source has, and the loaded words in
 *   it), or what only the whole comparison shows (figures for one quantity in different passages).
 *
 * Pure: no Node, no DOM.
 */
import { isLoadedRole } from '../../contract/lexicon.js';
import type { AlignmentGroup, Difference, DifferenceKind, DifferenceRule, DifferenceSide, DifferenceTerm, SourceDocument, TextSpan, UniqueParagraph } from '../../contract/comparison.js';
import type { Hunk, MemberText } from '../wording.js';
import type { IndexedTerm, LexiconIndex, TermMatch } from './lexicon-index.js';
import type { Passage, PreparedMember, PreparedPair } from './passage.js';

interface RuleHead {
  /** Its name, as its file is named: "set-contrast", "loaded-language". */
  readonly name: string;
  /** The `rule` ids of the differences it finds: each id of DIFFERENCE_RULES belongs to one rule. */
  readonly produces: readonly DifferenceRule[];
  /** The kinds of the differences it finds. */
  readonly kinds: readonly DifferenceKind[];
}

/** One stretch that differs between two members of a passage, as a change rule reads it. */
export interface Change {
  readonly passage: Passage;
  readonly pair: PreparedPair;
  /**
   * Tokens [a0, a1) of `pair.a` against [b0, b1) of `pair.b`; null when the pair was too long or
   * too different to diff word by word (one change stands for the whole pair, and only the
   * too-long rule reads it).
   */
  readonly hunk: Hunk | null;
  /** The lexicon terms of each side that reach into the change. */
  readonly termsA: readonly TermMatch[];
  readonly termsB: readonly TermMatch[];
  /** Whether a rule before this one explained the change (the wording rules then leave it alone). */
  readonly explained: boolean;
}

/**
 * Whether a change lies inside one statement: both sides in sentences the alignment linked to each
 * other, not two stretches the word diff happened to line up between sentences that tell different
 * things. What a rule says of two sides ("X says “claimed” where Y says “said”", "Y states it
 * without one") holds only of two tellings of the same thing.
 */
export function inOneStatement({ passage, pair, hunk }: Pick<Change, 'passage' | 'pair' | 'hunk'>): boolean {
  if (!hunk) return false;
  const atA = pair.a.tokens[hunk.a0] ?? pair.a.tokens[hunk.a0 - 1];
  const atB = pair.b.tokens[hunk.b0] ?? pair.b.tokens[hunk.b0 - 1];
  return !atA || !atB || passage.sameStatement(atA.start, pair.a.doc, atB.start, pair.b.doc);
}

/** What a change rule found: its differences, and whether it explains the change, with or without one ("said" → "announced" is explained, and no difference). */
export interface ChangeFindings {
  readonly differences: readonly Difference[];
  readonly explained: boolean;
}

/** What a passage rule found. */
export interface PassageFindings {
  readonly differences: readonly Difference[];
  /**
   * Stretches it accounts for without marking them (a quotation only its source gives): no other
   * rule marks a change of wording or an added clause inside them either.
   */
  readonly unmarked?: readonly TextSpan[];
}

/** What a comparison rule reads: the documents, the paragraphs no group holds, the passages and the lexicon. */
export interface ComparisonContext {
  readonly documents: readonly SourceDocument[];
  readonly unique: readonly UniqueParagraph[];
  /** The passages (missing from callers that give none: a rule reading them then finds nothing). */
  readonly groups?: readonly AlignmentGroup[];
  /** What the passage rules found in them. */
  readonly found?: readonly Difference[];
  /** The lexicon, indexed (missing from callers that give none: a rule reading it then finds nothing). */
  readonly lexicon?: LexiconIndex;
}

export interface ChangeRule extends RuleHead {
  readonly scope: 'change';
  find(change: Change): ChangeFindings;
}

export interface PassageRule extends RuleHead {
  readonly scope: 'passage';
  find(passage: Passage): PassageFindings;
}

export interface ComparisonRule extends RuleHead {
  readonly scope: 'comparison';
  find(comparison: ComparisonContext): readonly Difference[];
}

export type Rule = ChangeRule | PassageRule | ComparisonRule;

/** A change rule's answer when it has nothing to say about a change. */
export const NOT_EXPLAINED: ChangeFindings = { differences: [], explained: false };

/** A source's side of a difference: it has these words. */
export const hasSide = (doc: number, terms: readonly DifferenceTerm[]): DifferenceSide => ({ doc, part: 'has', terms });
/** A source's side of a difference: it leaves the words out. */
export const lacksSide = (doc: number): DifferenceSide => ({ doc, part: 'lacks', terms: [] });

/** The text a lexicon match covers in a member. */
export function spanOfTerm(member: MemberText, match: TermMatch): TextSpan {
  return { doc: member.doc, start: member.tokens[match.from]!.start, end: member.tokens[match.to - 1]!.end };
}

/**
 * A lexicon term as a side of a difference shows it: the words as written, its set, its tone, and
 * how it is loaded, for a word loaded in itself (the other roles are the rules' business, not the
 * reader's).
 */
export function termAt(document: SourceDocument, span: { readonly start: number; readonly end: number }, term: IndexedTerm): DifferenceTerm {
  return { text: document.text.slice(span.start, span.end), set: term.setId, ...(term.tone ? { tone: term.tone } : {}), ...(isLoadedRole(term.role) ? { role: term.role } : {}) };
}

/** A lexicon term found in a member, as a side of a difference shows it. */
export const termOf = (member: PreparedMember, match: TermMatch): DifferenceTerm => termAt(member.document, spanOfTerm(member, match), match.term);

/** The set a difference is about, as its description names it. */
export const setOf = (term: IndexedTerm): { id: string; name: string } => ({ id: term.setId, name: term.setName });

/**
 * The tones a side's verbs of saying signal beyond the plain one, once each, in order: "said,
 * claimed" and "claimed" both signal "doubt". Two sides that signal the same (the one with
 * "says" besides its "promises", the other "promises" alone) tell it the same way.
 */
export const signalledTones = (matches: readonly TermMatch[]): string =>
  [...new Set(matches.map((match) => (match.term.tone ?? '').toLowerCase()).filter((tone) => tone !== 'neutral'))].sort().join(',');

