/**
 * The comparison contract: what `parallax compare --json` prints and what the app's views consume.
 *
 * Field names are part of the contract. Later versions add kinds and fields; they never rename or
 * remove these. All offsets are UTF-16 code units into `SourceDocument.text`, end exclusive.
 */

import type { LoadedRole } from './lexicon.js';

/** The schema tag carried by every comparison. */
export const COMPARISON_SCHEMA = 'parallax.comparison/1' as const;

/** What a block of a source is, for a reader of news. */
export const PARAGRAPH_KINDS = ['title', 'heading', 'body', 'caption', 'boilerplate'] as const;
export type ParagraphKind = (typeof PARAGRAPH_KINDS)[number];

/** One block of a source: a range of its text and what kind of block it is. */
export interface Paragraph {
  readonly start: number;
  readonly end: number;
  readonly kind: ParagraphKind;
}

/** The formats Parallax reads. */
export const SOURCE_FORMATS = ['text', 'markdown', 'html', 'docx', 'pdf'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** Where text could not be decoded: how many characters, and where the first one stands. */
export interface UndecodableText {
  readonly count: number;
  /** Offset into `SourceDocument.text` of the first replacement character. */
  readonly firstOffset: number;
  /** 1-based line and column of the first one, for people. */
  readonly firstLine: number;
  readonly firstColumn: number;
}

/** What is known about a source beyond its text. Every field but `format` may be missing. */
export interface SourceMetadata {
  readonly format: SourceFormat;
  /** How the bytes were decoded (text formats only), e.g. "utf-8", "windows-1252". */
  readonly encoding?: string;
  /** The outlet, from the page's metadata. */
  readonly siteName?: string;
  readonly byline?: string;
  /** Publication date as the page gives it. */
  readonly published?: string;
  readonly language?: string;
  readonly undecodable?: UndecodableText;
  /** Things the person should know about how this source was read, in plain sentences. */
  readonly warnings?: readonly string[];
}

/** One source as analysed: its decoded text exactly as shown, and its blocks. */
export interface SourceDocument {
  /** Where it came from: a file path, or a name for text that came from elsewhere. */
  readonly path: string;
  /** The outlet or short name shown above its column. */
  readonly label: string;
  readonly title: string;
  /** The decoded text, exactly as analysed and shown. */
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  /** A hash of `text`, so that notes can tell when a source changed. */
  readonly hash: string;
  /** How the source was read; missing for sources made from bare text. */
  readonly metadata?: SourceMetadata;
}

/** The paragraphs of one document that belong to a group. */
export interface GroupMember {
  /** Index into `Comparison.documents`. */
  readonly doc: number;
  /** Indices into that document's `paragraphs`, ascending. */
  readonly paragraphs: readonly number[];
}

/**
 * Why two sentences were linked: `headlines` when both are their sources' headlines (a comparison's
 * headlines are always set side by side), `leads` when both lead their stories (headline or lede)
 * and share words, `words` when they share enough words and figures.
 */
export const LINK_BASES = ['headlines', 'leads', 'words'] as const;
export type LinkBasis = (typeof LINK_BASES)[number];

/** Two sentences, in two documents, that report the same thing. */
export interface SentenceLink {
  /** The two sentences, in document order. */
  readonly spans: readonly [TextSpan, TextSpan];
  /** How alike they are, from 0 to 1. */
  readonly score: number;
  /** The words they share that weighed most in the link, as the first sentence writes them, weightiest first. */
  readonly terms?: readonly string[];
  /** What linked them. */
  readonly basis?: LinkBasis;
}

/** Paragraphs of two or more documents that report the same thing. */
export interface AlignmentGroup {
  readonly id: string;
  readonly members: readonly GroupMember[];
  /** How alike the members are, from 0 to 1. */
  readonly score: number;
  /** Which sentences of the members matched which (absent for identical paragraphs matched whole). */
  readonly sentences?: readonly SentenceLink[];
  /**
   * Sentences of this passage's members linked as closely as a passage's own (RELATED_LINK) to a
   * sentence outside it: in another passage, or in a paragraph only its source has. Each paragraph
   * belongs to one passage, but a paragraph may tell two events, and a source may mention a
   * passage's event in a paragraph that went to another: these say where else the passage's event
   * is mentioned (the same event, as ECB+ links sentences; not necessarily the same facts, so a
   * source without a paragraph here still leaves the passage's report out). One end of each link is
   * inside the passage, the other outside it; spans in document order. Absent when there are none.
   */
  readonly related?: readonly SentenceLink[];
}

/** The kinds of difference Parallax reports. Only `wording` is produced so far. */
export const DIFFERENCE_KINDS = [
  'wording',
  'attribution',
  'loaded-term',
  'figure',
  'quote',
  'hedge',
  'label',
  'omission',
] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

/** Each kind's name for people, as the app, the command line's exports and the report show it. */
export const DIFFERENCE_KIND_NAMES: Readonly<Record<DifferenceKind, string>> = {
  wording: 'Wording',
  attribution: 'Attribution',
  'loaded-term': 'Loaded term',
  figure: 'Figure',
  quote: 'Quotation',
  hedge: 'Hedge',
  label: 'Label',
  omission: 'Left out',
};

/** A range of one document's text. */
export interface TextSpan {
  readonly doc: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The rule that found a difference. A difference carries what it is (these fields), not a sentence
 * about it; `describeDifference` (shared/core/describe.ts) puts it into words, naming the sources as
 * its caller wants (their labels, or "Source A" in blind mode).
 *
 * - `too-long`: a pair too long or too different to diff word by word, shown as one wording difference.
 * - `set-contrast`: two words of one lexicon set, one on each side ("said (neutral) → claimed (doubt)").
 * - `verb-contrast`: reporting verbs of two linked sentences that signal differently, each with its tone.
 * - `credit-one-side`: a source credited on one side only ("according to …").
 * - `hedge-contrast`: different hedges on each side.
 * - `hedge-one-side`: a hedge on one side of the same claim, stated plainly on the other.
 * - `label-for-name`: an actor named on one side and described with a label on the other.
 * - `clause-one-side`: a clause one source adds to a passage both tell (an `omission` by the other);
 *   further `has` sides, with no words, are other sources of the passage that tell it too.
 * - `wording`: words changed, added or dropped; the side with no terms has none there.
 * - `quote`: a quotation some sources give, others paraphrase or leave out.
 * - `figures`: the figures each source gives for one quantity.
 * - `figures-across`: two sources' figures for one quantity that disagree where `figures` does not
 *   set them side by side, mostly in two passages (or one in a paragraph only its source has); its
 *   `group` is the passage of the first.
 * - `figure-one-side`, `name-one-side`: a figure, or someone who speaks, that only one source gives.
 * - `loaded-word`, `loaded-word-quoted`: a loaded word one source uses (in its own words, or inside
 *   a quotation) where the matching sentence of another does not.
 * - `scare-quotes`: a word one source holds at a distance in quotation marks, where another writes
 *   it plainly or does without it; or, with that source's side alone, in a sentence no other source
 *   tells.
 * - `scare-quotes-alone`: the same in a paragraph only one source has; its `group` is '' and its
 *   span lies inside that paragraph.
 * - `paragraph-one-side`: a whole paragraph only one source has (a property of the paragraph, not a
 *   mark in the text; see `countDifferences`).
 * - `loaded-word-alone`: a loaded word in a paragraph only one source has (the outlet's choice of
 *   words all the same); its `group` is '' and its span lies inside that paragraph.
 * - `loaded-word-shared`: a loaded word that every source whose matching sentence tells the same
 *   thing uses ("All three call the protest “violent”"): no contrast, but loaded language all the
 *   same. One difference for all of them, with a span and a side in each source: `has` where the
 *   source writes it in its own words, `quotes` where it stands inside a quotation (the
 *   speaker's word, which that outlet prints).
 */
export const DIFFERENCE_RULES = [
  'too-long',
  'set-contrast',
  'verb-contrast',
  'credit-one-side',
  'hedge-contrast',
  'hedge-one-side',
  'label-for-name',
  'clause-one-side',
  'wording',
  'quote',
  'figures',
  'figure-one-side',
  'name-one-side',
  'loaded-word',
  'loaded-word-quoted',
  'scare-quotes',
  'paragraph-one-side',
  'figures-across',
  'loaded-word-alone',
  'loaded-word-shared',
  'scare-quotes-alone',
] as const;
export type DifferenceRule = (typeof DIFFERENCE_RULES)[number];

/**
 * The part a source plays in a difference: it `has` the words (or the figure, the quotation's
 * paraphrase…), `lacks` them (leaves them out, states it plainly, credits no one), `names` the actor
 * the other labels, `quotes` or `paraphrases` a quotation, or writes the words `plain`, without the
 * scare quotes the other puts round them.
 */
export const DIFFERENCE_PARTS = ['has', 'lacks', 'names', 'quotes', 'paraphrases', 'plain'] as const;
export type DifferencePart = (typeof DIFFERENCE_PARTS)[number];

/** A word or phrase on one side of a difference, as the source writes it (shortened when long). */
export interface DifferenceTerm {
  readonly text: string;
  /** The id of the lexicon's word set it belongs to, when it comes from the lexicon. */
  readonly set?: string;
  /** What choosing it signals, as the lexicon says: "doubt", "neutral". */
  readonly tone?: string;
  /** For a word of a loaded-term set with a role: how it is loaded (see LOADED_ROLES). */
  readonly role?: LoadedRole;
}

/** One source's side of a difference. */
export interface DifferenceSide {
  /** Index into `Comparison.documents`. */
  readonly doc: number;
  readonly part: DifferencePart;
  /** Its words that make the difference, in order; none for a side that leaves them out. */
  readonly terms: readonly DifferenceTerm[];
}

/** One source's figure in a `figures` difference. */
export interface DifferenceFigure {
  readonly doc: number;
  readonly value: number;
  /** As written, with what it counts: "46,500 people". */
  readonly text: string;
  /** Whom the source credits for it. */
  readonly attribution?: string;
  /** Far out of line with the other sources' figures. */
  readonly outlier: boolean;
  /** The unit the source wrote, when `value` is in another (the difference's `counted`): "foot". */
  readonly unit?: string;
  /**
   * The passage it stands in, when that need not be the difference's (`figures-across`):
   * a group's `id`, or '' for a paragraph only its source has.
   */
  readonly group?: string;
}

/** What a difference rests on, beyond its sides. Each rule fills only what it has. */
export interface DifferenceEvidence {
  /** How closely the alignment linked the sentences the rule compared, from 0 to 1. */
  readonly link?: number;
  /** The quotation's words (`quote`). */
  readonly quote?: string;
  /** A loaded word inside a quotation (`loaded-word-alone`): the speaker's word, which the outlet quotes. */
  readonly quoted?: boolean;
  /**
   * A loaded word in someone's reported speech, outside quotation marks (`loaded-word`,
   * `loaded-word-alone`: "the bishop said that the president was so intolerant …"): the speaker's
   * word, or the outlet's for what was said.
   */
  readonly reported?: boolean;
  /**
   * How many of the first sides use the loaded word (`loaded-word`, `loaded-word-quoted`): several
   * sources that write it, or quote it, against the same others are one difference. One when absent.
   */
  readonly writers?: number;
  /** What the figures count (`figures`): as a key ("killed", a stem) and for people ("hostages"). */
  readonly quantity?: string;
  readonly counted?: string;
  readonly figures?: readonly DifferenceFigure[];
}

/** One difference between members of a group, with the exact ranges it involves in each document. */
export interface Difference {
  /**
   * The `id` of the group it belongs to; '' for an `omission` of a whole paragraph that only one
   * source has (its span is that paragraph), and for a `loaded-word-alone` (its span lies inside
   * such a paragraph). A `figures-across` difference belongs to the
   * passage of its first figure; its other span may lie in another passage or in a paragraph only
   * its source has (`evidence.figures[].group` says where each is).
   */
  readonly group: string;
  readonly kind: DifferenceKind;
  readonly spans: readonly TextSpan[];
  /** The rule that found it. Missing only in comparisons saved before rules were recorded. */
  readonly rule?: DifferenceRule;
  /**
   * Each source involved, once, with its words, in the order the description takes them. A
   * `set-contrast` or `verb-contrast` found between several pairs of sources (the same words) is one
   * difference: its first two sides are the pair it describes, then the other sources it marks.
   */
  readonly sides?: readonly DifferenceSide[];
  /** The lexicon set the difference is about, when the description names one. */
  readonly set?: { readonly id: string; readonly name: string };
  readonly evidence?: DifferenceEvidence;
  /** A pair too long or too different to compare word by word in time, shown as one difference. */
  readonly tooLong?: true;
  /**
   * Legacy: the sentence older versions wrote instead of the fields above, with the sources' labels
   * in it. Read only when `rule` is missing; never written now.
   */
  readonly note?: string;
  /**
   * Only in the output of `parallax compare --json`: the difference in words, naming the sources by
   * their labels (what `describeDifference` says). Nothing reads it back.
   */
  readonly description?: string;
}

/** A paragraph of article text that no other source reports: what the others leave out. */
export interface UniqueParagraph {
  readonly doc: number;
  readonly paragraph: number;
}

/** How one source compares with the others. */
export interface SourceSummary {
  readonly doc: number;
  /** How many differences of each kind involve this source. */
  readonly counts: Readonly<Partial<Record<DifferenceKind, number>>>;
  /**
   * Loaded terms it uses, from the lexicon, most used first; `quoted` (when any) is how many of
   * `count` stand inside quotation marks: the speakers' words, which the source prints.
   */
  readonly loadedTerms: readonly { readonly set: string; readonly term: string; readonly count: number; readonly quoted?: number }[];
  /** Reporting verbs and sourcing phrases it uses, with what each signals. */
  readonly attribution: readonly { readonly term: string; readonly tone?: string; readonly count: number }[];
  readonly hedges: readonly { readonly term: string; readonly count: number }[];
  /** Its paragraphs that no other source reports. */
  readonly unique: readonly number[];
  /** Groups that two or more other sources report and this one leaves out. */
  readonly omits: readonly string[];
  /** The share of its article text (title, headings, body) that differences mark, from 0 to 1. */
  readonly highlightedShare: number;
}

/** One source's figure in a claims table. */
export interface ClaimRow {
  readonly doc: number;
  readonly paragraph: number;
  readonly value: number;
  /** As written, with what it counts: "46,500 people". */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Whom the source credits: "according to figures from the health ministry". */
  readonly attribution?: string;
  /** Far out of line with the other sources' figures. */
  readonly outlier: boolean;
  /** The words before the figure that bound it, as written: "nearly", "more than", "about". */
  readonly boundText?: string;
  /**
   * The unit the source wrote, when its value is given in another ("foot" for "200 feet", whose
   * value is in metres, the table's quantity): equal values but for the conversion's rounding.
   */
  readonly unit?: string;
}

/** Who gives which number for one quantity of one group. */
export interface ClaimsTable {
  readonly group: string;
  /** What is counted, folded: "killed", "hostage", "people". */
  readonly quantity: string;
  readonly rows: readonly ClaimRow[];
}

export interface ComparisonSummary {
  readonly sources: readonly SourceSummary[];
  readonly claims: readonly ClaimsTable[];
}

/** The whole result of comparing several sources. */
export interface Comparison {
  readonly schema: typeof COMPARISON_SCHEMA;
  readonly documents: readonly SourceDocument[];
  readonly groups: readonly AlignmentGroup[];
  readonly differences: readonly Difference[];
  /** Title, heading and body paragraphs in no group, in document order. */
  readonly unique?: readonly UniqueParagraph[];
  /** The alignment strictness used, from 0 (loose) to 1 (strict). */
  readonly threshold?: number;
  /** Things a reader of the output should know (a pair too large to diff word by word, …). */
  readonly notices?: readonly string[];
  /** Per source and per figure: the analysis in numbers. */
  readonly summary?: ComparisonSummary;
}
