/**
 * A passage prepared once for every rule: its members' words, lexicon terms, sentences and
 * quotations, the word diff of each pair of members, its figures, and what the alignment's sentence
 * links say about it. A rule reads these and splits nothing again.
 *
 * Pure: no Node, no DOM.
 */
import type { AlignmentGroup, SourceDocument, TextSpan } from '../../contract/comparison.js';
import { paragraphSentences } from '../sentences.js';
import { hasUnspacedScript, paragraphTokens, stem, STOP_WORDS, tokenize, tokensWithin, type Token } from '../text.js';
import { diffMembers, type Hunk, type MemberText, type PlacedToken, type WordingOptions } from '../wording.js';
import { nameKey, namesIn, opensSentence, WEEKDAYS_MONTHS } from './cues.js';
import { figuresIn, type Figure } from './figures.js';
import { BEFORE_A_VERB, findTerms, termTextOf, type LexiconIndex, type TermMatch, type TermText } from './lexicon-index.js';
import { quotationsIn, quotedRanges, type Quotation } from './quotations.js';

/** One member of a passage (the paragraphs one source gives), prepared for the rules. */
export interface PreparedMember extends MemberText {
  readonly document: SourceDocument;
  /** The paragraphs its words stand in, in reading order. */
  readonly paragraphs: readonly number[];
  /** Its words as the lexicon matches them (inflection keys, folded words, which are names). */
  readonly termText: TermText;
  /**
   * The lexicon's terms among its words: not the words of a name ("Operation Safe Harbour"), of a
   * dateline ("Reporting from …"), nor a verb of saying used as a noun or in the passive.
   */
  readonly terms: readonly TermMatch[];
  /** The sentences of its paragraphs, in reading order (split once per document, as the alignment splits them). */
  readonly sentences: readonly TextSpan[];
  /** The quotations of two words or more it gives, paragraph by paragraph. */
  readonly quotations: readonly Quotation[];
  /** Every stretch of its paragraphs between quotation marks (see `quotedRanges`). */
  readonly quoted: readonly (readonly [number, number])[];
}

/** Two members compared word by word: `hunks` is null when they were too long or too different to diff. */
export interface PreparedPair {
  readonly a: PreparedMember;
  readonly b: PreparedMember;
  readonly hunks: readonly Hunk[] | null;
}

/** A group of paragraphs that report the same thing, prepared once for every rule. */
export interface Passage {
  readonly documents: readonly SourceDocument[];
  readonly group: AlignmentGroup;
  readonly lexicon: LexiconIndex;
  /** One per source, in the group's order. */
  readonly members: readonly PreparedMember[];
  /** The pairs of members compared word by word. */
  readonly pairs: readonly PreparedPair[];
  /** The figures every member gives (all of its paragraphs), in reading order. */
  readonly figures: readonly Figure[];
  /** The member of a source. */
  memberOf(doc: number): PreparedMember | undefined;
  /** Whether tokens [from, to) of a member differ from most of the members it was compared with. */
  distinctive(member: MemberText, from: number, to: number): boolean;
  /**
   * How closely the sentence holding tokens [from, to) of a member (a hedge, say) is linked to a
   * sentence of `otherDoc` that makes the same claim: linked closely enough, and telling at least
   * half of the content words of the clause around those tokens (see `claimWords`), or one of them
   * where `linedUp` says the word diff lined up the words around those tokens with the other's.
   */
  sameClaim(member: PreparedMember, from: number, to: number, otherDoc: number, linedUp?: boolean): number | undefined;
  /** Whether two offsets sit in two sentences the alignment linked to each other (true when it linked none). */
  sameStatement(offsetA: number, docA: number, offsetB: number, docB: number): boolean;
  /**
   * The sentences of `otherDoc` the alignment linked (as closely as sameStatement asks) to the
   * sentence of `doc` holding `offset`: where the other source tells that statement. Undefined when
   * the passage has no sentence links at all (identical paragraphs, grouped by their text alone).
   */
  toldIn(offset: number, doc: number, otherDoc: number): readonly TextSpan[] | undefined;
}

/** A hedge one source has is reported where its sentence is linked to the other's at least this closely. */
const SAME_CLAIM_LINK = 0.3;
/** How many words after a hedge, and before it, the claim it qualifies is read in (within its clause). */
const CLAIM_AFTER = 8;
const CLAIM_BEFORE = 4;
/** Words that open a clause of their own: the claim before them is another. */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set('and but while whereas although though because'.split(' '));

/**
 * The content words (stemmed) of the clause around tokens [from, to) of a member: up to
 * CLAIM_AFTER words after and CLAIM_BEFORE before, inside the paragraph, stopping at punctuation
 * and at a word that opens a clause. Names are left out (they say who, and a sentence linked to
 * this one shares them anyway) unless they open the sentence ("Arson is suspected").
 * "…caused $1 million in damage, and investigators say it could be the work of an arsonist":
 * around "could", investigators, work, arsonist.
 */
export function claimWords(member: Pick<PreparedMember, 'tokens' | 'document'>, from: number, to: number): Set<string> {
  const { tokens } = member;
  const text = member.document.text;
  const words = new Set<string>();
  const take = (token: PlacedToken): void => {
    if (token.isNumber || STOP_WORDS.has(token.norm) || token.norm.length < 3) return;
    if (token.isCapitalized && !opensSentence(text, token.start)) return;
    words.add(stem(token.norm));
  };
  const joined = (x: PlacedToken, y: PlacedToken): boolean => x.paragraph === y.paragraph && !/[,;:.!?()—–"“”]/.test(text.slice(x.end, y.start));
  for (let i = to; i < Math.min(tokens.length, to + CLAIM_AFTER); i++) {
    if (!joined(tokens[i - 1]!, tokens[i]!) || CLAUSE_OPENERS.has(tokens[i]!.norm)) break;
    take(tokens[i]!);
  }
  for (let i = from - 1; i >= Math.max(0, from - CLAIM_BEFORE); i--) {
    if (!joined(tokens[i]!, tokens[i + 1]!) || CLAUSE_OPENERS.has(tokens[i]!.norm)) break;
    take(tokens[i]!);
  }
  return words;
}

/** A change of wording is one inside two sentences the alignment linked at least this closely. */
const SAME_STATEMENT_LINK = 0.2;

/**
 * A word of a text as the checks below read it: a member's (PlacedToken, with its paragraph), or
 * one paragraph's own tokens, which need none (every word of them is in the same paragraph).
 */
export type TokenInText = Pick<PlacedToken, 'start' | 'end' | 'norm' | 'isCapitalized' | 'isNumber'> & { readonly paragraph?: number };

/** Words after which a verb of saying is a noun or a passive ("the claims", "to blame", "be dismissed"). */
const NOT_BEFORE_A_REPORTING_VERB: ReadonlySet<string> = new Set(
  'a an the their its his her our your my these those such any no of to be been being is are was were action class-action'.split(' '),
);

/**
 * Words right before the plain form of a verb of saying that make it a verb: those of any verb
 * (BEFORE_A_VERB: "to", an auxiliary, a negation, a pronoun), and for a verb of saying also who
 * does it in a word that takes no -s ("people", "police", "some"), a relative pronoun, a
 * conjunction and the adverbs that stand between ("they also claim").
 */
const BEFORE_A_PLAIN_VERB: ReadonlySet<string> = new Set([
  ...BEFORE_A_VERB,
  ...`which that people police some many others both all there then also often still only even just now than rather and or but
  doesn't wouldn't couldn't shouldn't t`.split(/\s+/),
]);

/** Words that open an agent after "by" ("announced by the White House", "by his aides"). */
const DETERMINERS_AFTER_BY: ReadonlySet<string> = new Set('the a an his her its their our several some two three'.split(' '));

/** Forms of "be" before a participle: the passive. */
const BE_FORMS: ReadonlySet<string> = new Set('be been being is are was were'.split(' '));

/** Words of manner or time that stand between "to" and its verb without an -ly ("to better explain", "to again deny"). */
const MANNER_WORDS: ReadonlySet<string> = new Set('better also again further not never even still first then once finally fully'.split(' '));

/** Adjectives of time, number and truth that go before a noun of saying ("recent claims", "false reports"). */
const WHICH_OR_HOW_TRUE: ReadonlySet<string> = new Set(
  'recent latest early earlier previous prior new initial original first last repeated similar conflicting false baseless unfounded unsubstantiated dubious public private official numerous multiple various many several other'.split(' '),
);

/** Prepositions whose object a noun is ("by", "of", "against"): a word right after one is not who speaks. */
const GOVERNING_PREPOSITIONS: ReadonlySet<string> = new Set(
  'of by with for against on in about over from into under among between without through despite amid'.split(' '),
);

/** Pronouns for a thing, not a speaker, before a verb of saying that tells what it is likely to be. */
const THING_PRONOUNS: ReadonlySet<string> = new Set(['it', 'this', 'that', 'which']);

/**
 * Forms of verbs of saying that are never nouns (a dictionary's class, not a list of cases): "Clerk
 * admits theft", "Mayor denies wrongdoing" are someone saying, where "state aid" and "the claims"
 * are not. Forms with a noun of the same spelling ("claims", "reports", "promises", "notes") are
 * left to the tests below.
 */
const ONLY_VERBS: ReadonlySet<string> = new Set(
  `said says say told tells tell explain explains announce announces describe describes allege alleges maintain maintains
  contend contends argue argues insist insists emphasise emphasises emphasize emphasizes warn warns declare declares
  admit admits concede concedes acknowledge acknowledges confess confesses deny denies dismiss
  dismisses refute refutes accuse accuses condemn condemns criticise criticises criticize criticizes respond responds
  assert asserts speculate speculates profess professes implore implores exclaim exclaims proclaim proclaims extol extols`.split(/\s+/),
);

/**
 * Whether the verb of saying at tokens[at] is used as a noun or in the passive, and so reports no
 * one: after a determiner, a possessive, "to" or a form of "be" ("the claims", "to blame", "could
 * be dismissed"), or, unless it is a form in -ed or -ing or a word that is only a verb, before a
 * plain word it qualifies ("state aid", "report card"; "claimed responsibility", "claiming credit"
 * and "says police" are verbs).
 */
export function sayingVerbAsNoun(tokens: readonly TokenInText[], at: number): boolean {
  const token = tokens[at];
  if (!token) return false;
  const before = tokens[at - 1];
  const twoBefore = tokens[at - 2];
  if (before && before.paragraph === token.paragraph && NOT_BEFORE_A_REPORTING_VERB.has(before.norm)) return true;
  // The passive with a word of manner or time between ("was never threatened", "has been widely
  // reported"), as "was threatened" is.
  if (before && twoBefore && before.paragraph === token.paragraph && twoBefore.paragraph === token.paragraph && token.norm.endsWith('ed') && (before.norm.endsWith('ly') || MANNER_WORDS.has(before.norm)) && BE_FORMS.has(twoBefore.norm)) return true;
  // A form in -ed after a number is an adjective of what is counted: "99 alleged Mafia members",
  // "34 declared dead" (not after a year: "Ryan in 2011 claimed").
  if (before && before.paragraph === token.paragraph && before.isNumber && !/^(?:1[6-9]|20)\d\d$/.test(before.norm) && token.norm.endsWith('ed')) return true;
  // "To" with a word of manner between ("pressed him to better explain", "called on her to
  // publicly deny"): a statement asked for or planned, as "to explain" is, not one made.
  if (before && twoBefore?.norm === 'to' && twoBefore.paragraph === token.paragraph && before.paragraph === token.paragraph && twoBefore.end + 1 === before.start && before.end + 1 === token.start && !before.isCapitalized && (before.norm.endsWith('ly') || MANNER_WORDS.has(before.norm))) return true;
  // A participle after a noun with its agent after "by" is the passive too, shortened: "the tax
  // deal announced by the president", "the version told by his aides" (not "she said by phone").
  const after1 = tokens[at + 1];
  const after2 = tokens[at + 2];
  if (
    before && after1?.norm === 'by' && after2 && before.paragraph === token.paragraph && after2.paragraph === token.paragraph &&
    before.end + 1 === token.start && token.end + 1 === after1.start && (after2.isCapitalized || DETERMINERS_AFTER_BY.has(after2.norm)) &&
    /(?:ed|told|said)$/.test(token.norm) && !before.isCapitalized && !before.isNumber && !BEFORE_A_PLAIN_VERB.has(before.norm) && !before.norm.endsWith('ly')
  ) return true;
  // A participle after "as" says what something is called or counted as, or how it was told, with
  // no one reporting in the sentence: "listed as threatened", "as claimed", "as described" ("as
  // well as contending" is a verb).
  if (before && before.paragraph === token.paragraph && before.norm === 'as' && token.norm.endsWith('ed')) return true;
  // "It promises to be a bruising campaign", "which threatens to become a crisis": what a thing
  // is likely to be, no one saying anything.
  const after = tokens[at + 1];
  const afterThat = tokens[at + 2];
  if (before && before.paragraph === token.paragraph && THING_PRONOUNS.has(before.norm) && after?.norm === 'to' && afterThat !== undefined && (afterThat.norm === 'be' || afterThat.norm === 'become')) return true;
  // A plea in court ("pleaded not guilty", "pleads guilty to", "pleaded no contest"): the answer
  // to a charge, not someone pressing a point.
  if (/^(plead|pleads|pleaded|pled|pleading)$/.test(token.norm) && after !== undefined && after.paragraph === token.paragraph) {
    const plea = after.norm === 'not' ? afterThat?.norm : after.norm;
    if (plea === 'guilty' || plea === 'innocent' || (after.norm === 'no' && afterThat?.norm === 'contest')) return true;
  }
  if (token.norm.endsWith('ed') || token.norm.endsWith('ing') || ONLY_VERBS.has(token.norm)) return false;
  // The plain form ("claim", "report", "state") is a verb only after who does it or a word that
  // goes with a verb ("they claim", "officials report", "Police allege", "will respond", "did not
  // deny"); after a possessive or a singular word it is a noun ("Nixon's claim", "the key
  // battleground state of", "an autopsy report", "a bogus claim", "in earlier appeal to").
  if (before && before.paragraph === token.paragraph && before.end + 1 === token.start && !/[^s]s$/.test(token.norm)) {
    if (/['’]s$/.test(before.norm)) return true;
    if (!before.isCapitalized && !before.isNumber && !BEFORE_A_PLAIN_VERB.has(before.norm) && !before.norm.endsWith('ly') && !/[^s]s$/.test(before.norm)) return true;
  }
  // After a determiner or a preposition and a word that says which or how true ("his recent
  // claims", "the latest reports", "their false statements", "against early reports"), a plural is
  // a noun.
  if (before && twoBefore && before.paragraph === token.paragraph && twoBefore.paragraph === token.paragraph && /[^s]s$/.test(token.norm) && (NOT_BEFORE_A_REPORTING_VERB.has(twoBefore.norm) || GOVERNING_PREPOSITIONS.has(twoBefore.norm)) && WHICH_OR_HOW_TRUE.has(before.norm)) return true;
  // A plural right after a verb in -ed is its object: "have challenged claims that …", "denied
  // reports of …".
  if (before && before.paragraph === token.paragraph && before.end + 1 === token.start && token.norm.endsWith('s') && before.norm.endsWith('ed')) return true;
  // A plural after a plain word that is itself the object of a preposition or of a verb is the
  // head of a compound noun ("by bringing discrimination claims", "of injury reports", "filed
  // fraud charges"): who does the saying is never the object of something else. Not before "that"
  // or "to", which a verb takes ("the head of security claims that").
  const following = after !== undefined && after.paragraph === token.paragraph ? after.norm : undefined;
  if (
    following !== 'that' &&
    following !== 'to' &&
    before &&
    twoBefore &&
    /[^s]s$/.test(token.norm) &&
    before.paragraph === token.paragraph &&
    twoBefore.paragraph === token.paragraph &&
    before.end + 1 === token.start &&
    twoBefore.end + 1 === before.start &&
    !before.isCapitalized &&
    !before.isNumber &&
    !BEFORE_A_PLAIN_VERB.has(before.norm) &&
    !before.norm.endsWith('ly') &&
    (GOVERNING_PREPOSITIONS.has(twoBefore.norm) || /..(ing|ed)$/.test(twoBefore.norm))
  )
    return true;
  // A plural right before "were", "are" or "have" is what they stand for, no one saying anything:
  // "her discrimination claims were folded into a class action", "the reports are wrong" (a verb
  // in -s takes no such word after it: "the company says its policies …").
  if (following !== undefined && after!.start === token.end + 1 && /[^s]s$/.test(token.norm) && (following === 'were' || following === 'are' || following === 'have')) return true;
  // …the next word right after it, one space between ("argues, though, that" is a verb).
  return after !== undefined && after.paragraph === token.paragraph && after.start === token.end + 1 && !after.isCapitalized && !after.isNumber && !STOP_WORDS.has(after.norm) && !after.norm.endsWith('ly');
}

/** Colours, and the words that say how deep or bright a colour is (English's closed class of them). */
const COLOURS: ReadonlySet<string> = new Set('red blue green white black yellow orange purple pink brown grey gray gold golden silver'.split(' '));
const SHADES: ReadonlySet<string> = new Set('stark bold bright brilliant deep dark pale dull vivid rich soft muted light lurid garish loud'.split(' '));

/**
 * Whether the word before tokens[next] says the shade of the colour at tokens[next] ("stark blue",
 * "bold white"), and judges nothing. Only a word of shade: "accosted black lawmakers" and "violent
 * white supremacists" judge.
 */
export function tellsAShade(tokens: readonly Pick<TokenInText, 'norm' | 'paragraph'>[], next: number): boolean {
  const colour = tokens[next];
  const shade = tokens[next - 1];
  return colour !== undefined && shade !== undefined && colour.paragraph === shade.paragraph && COLOURS.has(colour.norm) && SHADES.has(shade.norm);
}

/**
 * A lexicon match that is not the term: part of a name ("Operation Safe Harbour", "the Victims'
 * Families Forum": a capital inside a sentence), or a correspondent's dateline ("Reporting from
 * Harlowmere"), which credits no one for a statement.
 */
export function notATerm(document: SourceDocument, member: { readonly tokens: readonly TokenInText[] }, match: TermMatch): boolean {
  const first = member.tokens[match.from];
  if (!first) return true;
  // A term's words on both sides of a quotation mark are two people's words, not the term: "said
  // claims that tea party activists “judge people …”" holds no "activist judge".
  if (acrossQuotationMark(document.text, member.tokens, match)) return true;
  if (match.term.kind === 'attribution' && first.norm === 'reporting' && member.tokens[match.to]?.norm === 'from') return true;
  if (endsOnADate(member.tokens, match)) return true;
  // A verb of saying used as a noun or in the passive is not someone reporting: "the claims",
  // "class-action claims", "to blame", "could be dismissed".
  if (match.term.role === 'saying' && sayingVerbAsNoun(member.tokens, match.from)) return true;
  // A word that judges, set before a colour, tells a shade: "a stark blue background", "bold white
  // letters", "a deep red".
  if (match.term.role === 'evaluative' && tellsAShade(member.tokens, match.to)) return true;
  if (match.term.kind === 'label' || !first.isCapitalized || /^\p{Lu}/u.test(match.term.term)) return false;
  // A capital that does not open a sentence marks a name, unless the lexicon writes the term with
  // one; at a sentence's start, a verb of saying the document writes with a capital inside its
  // sentences is a name too ("Promises is a celebrity favourite" where it says "checked into
  // Promises Treatment Center": the clinic, not a verb of saying).
  if (!opensSentence(document.text, first.start)) return true;
  return match.term.role === 'saying' && namesIn(document).has(nameKey(first.norm));
}

/**
 * Whether a phrase that ends in "on" stands before a day or a month: a verb and a date, not the
 * phrase ("Mafia members seized on Tuesday" were arrested; no one "seized on" anything).
 */
export function endsOnADate(tokens: readonly TokenInText[], match: TermMatch): boolean {
  const last = tokens[match.to - 1];
  const next = tokens[match.to];
  return match.to - match.from > 1 && last?.norm === 'on' && next !== undefined && next.paragraph === last.paragraph && WEEKDAYS_MONTHS.has(next.norm);
}

/** Court filings, whose contents the law's own verbs tell ("the lawsuit alleges", "the indictment asserted"). */
const FILINGS: ReadonlySet<string> = new Set('lawsuit lawsuits suit suits complaint complaints indictment indictments affidavit affidavits filing filings petition petitions motion motions brief briefs'.split(' '));

/** Whether the verb of saying at tokens[at] has a court filing right before it, in its paragraph. */
export function saidByAFiling(tokens: readonly Pick<TokenInText, 'norm' | 'paragraph'>[], at: number): boolean {
  const before = tokens[at - 1];
  return before !== undefined && before.paragraph === tokens[at]!.paragraph && FILINGS.has(before.norm);
}

/**
 * The terms with a verb of saying after a court filing read as plain ("the lawsuit alleges" tells
 * what the filing says, as "the lawsuit says" does: its tone is "neutral"), for every rule and the
 * summary. Linear in the terms.
 */
export function withFilingsPlain(tokens: readonly Pick<TokenInText, 'norm' | 'paragraph'>[], matches: readonly TermMatch[]): TermMatch[] {
  return matches.map((match) =>
    match.term.role === 'saying' && match.to - match.from === 1 && (match.term.tone ?? 'neutral').toLowerCase() !== 'neutral' && saidByAFiling(tokens, match.from)
      ? { ...match, term: { ...match.term, tone: 'neutral' } }
      : match,
  );
}

/** The words (token indices) that a term of several words holds, outside the verbs of saying. Linear in the terms and their words. */
export function heldByLongerTerms(matches: readonly TermMatch[]): Set<number> {
  const held = new Set<number>();
  for (const match of matches) if (match.to - match.from > 1 && match.term.role !== 'saying') for (let k = match.from; k < match.to; k++) held.add(k);
  return held;
}

/** Whether a match is a one-word verb of saying that a longer term of another set holds (`held`: heldByLongerTerms). */
export const heldVerb = (match: TermMatch, held: ReadonlySet<number>): boolean => match.term.role === 'saying' && match.to - match.from === 1 && held.has(match.from);

/**
 * The terms without a one-word verb of saying that a longer term of another set holds: "claimed"
 * in "has claimed 12 lives" (a way of telling deaths, the set's "claimed … lives") reports no one.
 */
export function withoutHeldVerbs(matches: readonly TermMatch[]): TermMatch[] {
  const held = heldByLongerTerms(matches);
  return held.size === 0 ? [...matches] : matches.filter((match) => !heldVerb(match, held));
}

/** Whether a quotation mark stands between two words of a term of several words. */
export function acrossQuotationMark(text: string, tokens: readonly Pick<TokenInText, 'start' | 'end'>[], match: Pick<TermMatch, 'from' | 'to'>): boolean {
  for (let k = match.from + 1; k < match.to; k++) if (/["“”]/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) return true;
  return false;
}

/** A value worked out the first time it is asked for, then kept. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

function prepareMember(document: SourceDocument, member: MemberText, lexicon: LexiconIndex): PreparedMember {
  const paragraphs = [...new Set(member.tokens.map((token) => token.paragraph))];
  const termText = termTextOf(document.text, member.tokens);
  const terms = withFilingsPlain(member.tokens, withoutHeldVerbs(findTerms(lexicon, termText).filter((match) => !notATerm(document, member, match))));
  const sentences = once(() =>
    paragraphs.flatMap((index) => paragraphSentences(document, index).map((range): TextSpan => ({ doc: member.doc, start: range.start, end: range.end }))),
  );
  const quotations = once(() => paragraphs.flatMap((index) => quotationsIn(document.text, member.doc, document.paragraphs[index]!)));
  const quoted = once(() => paragraphs.flatMap((index) => quotedRanges(document.text, document.paragraphs[index]!.start, document.paragraphs[index]!.end)));
  return {
    doc: member.doc,
    tokens: member.tokens,
    document,
    paragraphs,
    termText,
    terms,
    get sentences() {
      return sentences();
    },
    get quotations() {
      return quotations();
    },
    get quoted() {
      return quoted();
    },
  };
}

/** Prepare a group for the rules: diff its members word by word and read each member once. */
export function preparePassage(documents: readonly SourceDocument[], group: AlignmentGroup, options: WordingOptions & { readonly lexicon: LexiconIndex }): Passage {
  const { members: texts, pairs: diffed } = diffMembers(documents, group, options);
  const members = texts.map((member) => prepareMember(documents[member.doc]!, member, options.lexicon));
  const byDoc = new Map(members.map((member) => [member.doc, member]));
  const pairs = diffed.map((pair): PreparedPair => ({ a: byDoc.get(pair.a.doc)!, b: byDoc.get(pair.b.doc)!, hunks: pair.hunks }));
  const figures = group.members.flatMap((member) => figuresIn(documents[member.doc]!, member.doc, member.paragraphs));

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
  const links = group.sentences ?? [];
  // The links that hold a sentence, looked up by where it is: each document's distinct linked
  // spans with the links (their indices, in order) that hold them, built on first use. A lookup
  // reads one document's spans, not every link of the passage: a passage of twelve sources has
  // hundreds of links, and the rules ask for each change (issue 13).
  let spansOf: Map<number, { readonly start: number; readonly end: number; readonly links: number[] }[]> | undefined;
  const linksAt = (doc: number, offset: number): readonly number[] => {
    if (!spansOf) {
      spansOf = new Map();
      const byKey = new Map<string, { start: number; end: number; links: number[] }>();
      links.forEach((link, index) => {
        for (const span of link.spans) {
          const key = `${span.doc}:${span.start}:${span.end}`;
          let entry = byKey.get(key);
          if (!entry) {
            entry = { start: span.start, end: span.end, links: [] };
            byKey.set(key, entry);
            const list = spansOf!.get(span.doc);
            if (list) list.push(entry);
            else spansOf!.set(span.doc, [entry]);
          }
          if (entry.links[entry.links.length - 1] !== index) entry.links.push(index);
        }
      });
    }
    const found: number[] = [];
    let entries = 0;
    for (const entry of spansOf.get(doc) ?? []) {
      if (entry.start <= offset && offset < entry.end) {
        found.push(...entry.links);
        entries++;
      }
    }
    // In the links' order, once each, as a scan of every link would meet them.
    return entries > 1 ? [...new Set(found)].sort((x, y) => x - y) : found;
  };
  return {
    documents,
    group,
    lexicon: options.lexicon,
    members,
    pairs,
    figures,
    memberOf: (doc) => byDoc.get(doc),
    distinctive(member, from, to) {
      const others = compared.get(member.doc) ?? 1;
      if (from >= to) return false;
      if (others < 2) return true;
      const counts = differsFrom.get(member.doc)!;
      let sum = 0;
      for (let i = from; i < to; i++) sum += counts[i]!;
      // Differs from most of the others it was compared with.
      return sum / (to - from) > others / 2;
    },
    sameClaim(member, from, to, otherDoc, linedUp = false) {
      const offset = member.tokens[from]!.start;
      const doc = member.doc;
      const other = byDoc.get(otherDoc);
      let claim: Set<string> | undefined;
      let best: number | undefined;
      for (const index of linksAt(doc, offset)) {
        const link = links[index]!;
        if (link.score < SAME_CLAIM_LINK) continue;
        const told = link.spans.find((span) => span.doc === otherDoc);
        if (!told) continue;
        // The other sentence tells the claim itself, not only the rest of the sentence: at least
        // half of the clause's content words (a sentence of twenty words linked on its first half
        // says nothing of the hedged clause at its end).
        claim ??= claimWords(member, from, to);
        if (claim.size > 0 && other) {
          const words = new Set(other.tokens.filter((token) => token.start >= told.start && token.end <= told.end).map((token) => stem(token.norm)));
          let shared = 0;
          for (const word of claim) if (words.has(word)) shared++;
          if (linedUp ? shared === 0 : shared * 2 < claim.size) continue;
        }
        best = Math.max(best ?? 0, link.score);
      }
      return best;
    },
    toldIn(offset, doc, otherDoc) {
      if (links.length === 0) return undefined;
      const told: TextSpan[] = [];
      for (const index of linksAt(doc, offset)) {
        const link = links[index]!;
        if (link.score < SAME_STATEMENT_LINK) continue;
        for (const span of link.spans) if (span.doc === otherDoc) told.push(span);
      }
      return told;
    },
    sameStatement(offsetA, docA, offsetB, docB) {
      return (
        links.length === 0 ||
        linksAt(docA, offsetA).some((index) => {
          const link = links[index]!;
          return link.score >= SAME_STATEMENT_LINK && link.spans.some((span) => span.doc === docB && span.start <= offsetB && offsetB < span.end);
        })
      );
    },
  };
}

/**
 * The words of a sentence (a span inside one paragraph), as the alignment reads them: the words of
 * its paragraph that lie inside it, tokenized once per document. A paragraph in a script written
 * without spaces is split by what surrounds its words, so there the sentence is read on its own.
 */
export function sentenceTokens(document: SourceDocument, span: { readonly start: number; readonly end: number }): readonly Token[] {
  const { paragraphs } = document;
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  const paragraph = paragraphs[lo];
  if (!paragraph || paragraph.start > span.start || paragraph.end < span.end || hasUnspacedScript(document.text.slice(paragraph.start, paragraph.end))) {
    return tokenize(document.text, span.start, span.end);
  }
  return tokensWithin(paragraphTokens(document, lo), span.start, span.end);
}
