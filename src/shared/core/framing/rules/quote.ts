/**
 * Quotations: a quotation one source gives that another tells in its own words, in the sentence
 * the alignment linked to the quoting one ("a reckoning" against "warned of consequences"). A
 * quotation the other source also gives, here or anywhere in its report, is shared. One that the
 * others simply do not give is what its source chose to add: not marked (filling every such
 * quotation buried the marks that matter: BASIL, 450 of 569 quote marks, 7 points of the text's 17%
 * marked, no better than marking at random), but no change of wording or added clause is marked
 * inside it either.
 */
import type { Difference, DifferenceSide, SourceDocument, TextSpan } from '../../../contract/comparison.js';
import { paragraphAt } from '../../paragraph-at.js';
import { STOP_WORDS } from '../../text.js';
import { stemsOf } from '../lexicon-index.js';
import { isHeadline, opensSentence } from '../cues.js';
import { sentenceTokens, type Passage, type PreparedMember } from '../passage.js';
import { quotationMatches, type Quotation } from '../quotations.js';
import { lacksSide, type PassageRule } from '../rule.js';

/** A quotation is paraphrased by a sentence the alignment linked to the quoting one at least this closely. */
const PARAPHRASE_LINK = 0.2;

/** The pairs of words in a row of a text ("a reckoning"), lower case. */
function bigrams(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  const set = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) set.add(`${words[i]} ${words[i + 1]}`);
  return set;
}

/** Every quotation of two words or more anywhere in a document, with its pairs of words (found once per document). */
const documentQuotations = new WeakMap<SourceDocument, readonly { readonly pairs: Set<string>; readonly text: string }[]>();
function quotationsOfDocument(document: SourceDocument): readonly { readonly pairs: Set<string>; readonly text: string }[] {
  let quotes = documentQuotations.get(document);
  if (!quotes) {
    quotes = quotationMatches(document.text).filter((match) => match[1]!.trim().split(/\s+/).length >= 2).map((match) => ({ text: match[1]!.trim(), pairs: bigrams(match[1]!) }));
    documentQuotations.set(document, quotes);
  }
  return quotes;
}

/** Text folded for finding words in it: case, curly apostrophes, quotation marks and spacing aside. */
const fold = (text: string): string => text.toLowerCase().replace(/[’‘]/g, "'").replace(/[^\p{L}\p{N}']+/gu, ' ').trim();
const foldedDocuments = new WeakMap<SourceDocument, string>();

/** Whether a source prints these words (a quotation's, folded) anywhere. */
function printsWords(document: SourceDocument, words: string): boolean {
  const wanted = fold(words);
  if (wanted.split(' ').length < 3) return false;
  let folded = foldedDocuments.get(document);
  if (folded === undefined) {
    folded = fold(document.text);
    foldedDocuments.set(document, folded);
  }
  return folded.includes(wanted);
}

/**
 * Whether a span holds quotation marks or lies inside one of its member's quotations (`quoted`,
 * which pairs the marks across a paragraph: a quotation may open in a sentence before the span's).
 */
function quotedWithin(member: PreparedMember, span: TextSpan): boolean {
  if (/[“”"«»]/.test(member.document.text.slice(span.start, span.end))) return true;
  return member.quoted.some(([start, end]) => start <= span.start && span.end <= end);
}

/** Whether a sentence names someone the quoting sentence names outside its quotation (true when it names no one). */
function sharesAName(documents: readonly SourceDocument[], quoting: TextSpan, quote: Quotation, sentence: TextSpan): boolean {
  const text = documents[quoting.doc]!.text;
  const names = sentenceTokens(documents[quoting.doc]!, quoting)
    .filter((token) => (token.end <= quote.start || token.start >= quote.end) && token.isCapitalized && !opensSentence(text, token.start) && !STOP_WORDS.has(token.norm) && token.norm.length > 1)
    .map((token) => token.norm);
  if (names.length === 0) return true;
  const other = new Set(sentenceTokens(documents[sentence.doc]!, sentence).map((token) => token.norm));
  return names.some((name) => other.has(name));
}

/** A quotation of fewer content words than this may be told in none of its words. */
const SHORT_QUOTE_WORDS = 4;

/**
 * Verbs of speaking: shared with a quotation ("Tell me who you are" / "doesn't tell you this is a
 * hatchet job"), they say that someone spoke, not that the words tell what was said. Listed here
 * in every form, as the lexicon's verbs of saying match by inflection and miss "tell" for "told".
 */
const SPEAKING = new Set(stemsOf(['say', 'says', 'said', 'tell', 'tells', 'told', 'ask', 'asks', 'asked', 'speak', 'speaks', 'spoke', 'talk', 'talks', 'talked', 'call', 'calls', 'called'].map((norm) => ({ norm }))));

/**
 * Whether the words that stand for a quotation in another source can be telling it: they share a
 * word of meaning with it ("fully accepts the responsibility" for “fully accept my responsibility”),
 * or, for a short quotation, they are a short phrase of common words with a verb of saying, as an
 * idiom is told in other words ("warned of severe consequences" for “hell to pay”). Words linked
 * to the quoting sentence only by what surrounds the quotation (who spoke, when) are not a
 * paraphrase: a name ("Grimm's lawyer"), a single word ("statement"), a whole clause about
 * something else.
 */
function carriesQuotation(document: SourceDocument, span: TextSpan, quotation: Quotation, quoting: SourceDocument, member: PreparedMember | undefined): boolean {
  const content = (token: { norm: string }): boolean => !STOP_WORDS.has(token.norm) && token.norm.length > 2;
  const quotedTokens = sentenceTokens(quoting, { start: quotation.start, end: quotation.end });
  const quoted = stemsOf(quotedTokens.filter(content));
  const words = sentenceTokens(document, span).filter(content);
  const set = new Set(quoted);
  // A word of meaning, not a name or a number both give ("pondering Senate Bill 1062" does not tell
  // “Senate Bill 1062 does not address a concern”); a headline's capitals are its style, not names
  // ("Marking Biggest Legislative Effort In A Generation").
  const headline = isHeadline(document, paragraphAt(document.paragraphs, span.start));
  // Nor a word that only qualifies what is said: a hedge, a booster or an intensifier ("There's
  // definitely a lot of damage" does not tell “is definitely suspicious”), or a negation ("don't").
  const qualifiers = new Set<number>();
  for (const match of member?.terms ?? []) {
    if (match.term.kind !== 'hedge' && match.term.tone !== 'stance' && match.term.tone !== 'intensifier') continue;
    for (let k = match.from; k < match.to; k++) qualifiers.add(member!.tokens[k]!.start);
  }
  const meaning = words.filter((token) => (headline || !token.isCapitalized) && !/^\p{N}/u.test(token.norm) && !qualifiers.has(token.start) && !/n['’]t$/.test(token.norm));
  const shared = new Set(stemsOf(meaning).filter((stem) => set.has(stem) && !SPEAKING.has(stem)));
  // One word of a longer quotation in a stretch more than twice its length ("a member of Congress"
  // in a clause about an interview, for “His conduct is unbecoming of a member of Congress”) is a
  // sentence that mentions the same thing, not one that tells the quotation.
  if (shared.size === 1 && set.size > 3 && meaning.length > 2 * quoted.length) return false;
  if (shared.size > 0) return true;
  // An idiom names no one: a short quotation with a name in it ("continue to stand with Ferguson")
  // is told in other words only with a word of it.
  const names = quotedTokens.slice(1).some((token) => token.isCapitalized);
  if (names || quoted.length >= SHORT_QUOTE_WORDS || words.length < 2 || words.length > SHORT_QUOTE_WORDS || words.some((token) => token.isCapitalized)) return false;
  // …and words that tell it otherwise say that it was said ("warned of severe consequences"): a
  // phrase of other words with no verb of saying ("future recipients", "stopped by to greet the
  // attorney general") is what the sentence tells beside the quotation, not the quotation.
  const tokens = member?.tokens ?? [];
  return (member?.terms ?? []).some((match) => match.term.role === 'saying' && tokens[match.from]!.start >= span.start && tokens[match.to - 1]!.end <= span.end);
}

/**
 * Where a sentence paraphrases a quotation: the words between those it shares with the quoting
 * sentence just before the quote and just after it. For "The mayor … promised “a reckoning” if the
 * dam was not repaired" against "… the mayor warned of consequences if the dam is not repaired",
 * that is "warned of consequences". None when nothing is left: the sentence tells who spoke and
 * when, not what.
 */
function paraphraseSpan(documents: readonly SourceDocument[], sentence: TextSpan, quoting: TextSpan, quote: Quotation): TextSpan | undefined {
  const quotingTokens = sentenceTokens(documents[quoting.doc]!, quoting);
  const content = (token: { norm: string }): boolean => !STOP_WORDS.has(token.norm) && token.norm.length > 1;
  const beforeQuote = new Set(stemsOf(quotingTokens.filter((token) => token.end <= quote.start && content(token))));
  const afterQuote = new Set(stemsOf(quotingTokens.filter((token) => token.start >= quote.end && content(token)).slice(0, 3)));
  const tokens = sentenceTokens(documents[sentence.doc]!, sentence);
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
  if (!range) return undefined;
  return { doc: sentence.doc, start: tokens[range[0]]!.start, end: tokens[range[1] - 1]!.end };
}

/** The most words of meaning a quoted title may have ("Fox News Sunday", "National Same-Sex Kiss Day"). */
const TITLE_MAX_WORDS = 6;

/**
 * Whether a quotation is a title: two to six words of meaning, each with a capital, outside a headline
 * (where every word has one). The name of a programme, a book or a day is quoted as a name, not as
 * what someone said, and no other source "paraphrases" it.
 */
function isTitleQuoted(document: SourceDocument, quotation: Quotation): boolean {
  if (isHeadline(document, paragraphAt(document.paragraphs, quotation.start))) return false;
  const words = sentenceTokens(document, { start: quotation.start, end: quotation.end }).filter((token) => !STOP_WORDS.has(token.norm) && !/^\p{N}/u.test(token.norm));
  return words.length >= 2 && words.length <= TITLE_MAX_WORDS && words.every((token) => token.isCapitalized);
}

export const quote: PassageRule = {
  name: 'quote',
  scope: 'passage',
  produces: ['quote'],
  kinds: ['quote'],
  find(passage: Passage) {
    const { documents, group, members } = passage;
    const links = group.sentences ?? [];
    const all = members.map((member) => member.quotations.map((quotation) => ({ ...quotation, pairs: bigrams(quotation.text) })));
    const paragraphAround = (doc: number, offset: number): { start: number; end: number } | undefined =>
      documents[doc]!.paragraphs.find((paragraph) => paragraph.start <= offset && offset < paragraph.end);
    const tellsParagraphOf = (quotation: Quotation, otherDoc: number): boolean => {
      const paragraph = paragraphAround(quotation.doc, quotation.start);
      return (
        paragraph !== undefined &&
        links.some((l) => l.spans.some((s) => s.doc === quotation.doc && s.start >= paragraph.start && s.end <= paragraph.end) && l.spans.some((s) => s.doc === otherDoc))
      );
    };
    const differences: Difference[] = [];
    const unmarked: TextSpan[] = [];
    const reported = new Set<string>();
    all.forEach((quotations, m) => {
      for (const quotation of quotations) {
        const key = [...quotation.pairs].sort().join('|');
        if (reported.has(key)) continue;
        if (isTitleQuoted(documents[quotation.doc]!, quotation)) continue;
        const alsoQuoting: number[] = [];
        const paraphrasing: { doc: number; span: TextSpan }[] = [];
        const leaving: number[] = [];
        members.forEach((other, o) => {
          if (o === m) return;
          // A quotation the other source also gives, in this passage or anywhere in its report, is
          // shared, not a difference.
          const shared =
            printsWords(documents[other.doc]!, quotation.text) ||
            [...(all[o] ?? []), ...quotationsOfDocument(documents[other.doc]!)].some((q) => {
              let common = 0;
              for (const pair of quotation.pairs) if (q.pairs.has(pair)) common++;
              return quotation.pairs.size > 0 ? common / quotation.pairs.size >= 0.5 : q.text.toLowerCase() === quotation.text.toLowerCase();
            });
          if (shared) {
            alsoQuoting.push(other.doc);
            return;
          }
          // The sentence of the other member the alignment linked closely to the quoting sentence,
          // if any: the same statement, told in the outlet's words.
          const link = links.find(
            (l) => l.score >= PARAPHRASE_LINK && l.spans.some((s) => s.doc === quotation.doc && s.start <= quotation.start && s.end >= quotation.end) && l.spans.some((s) => s.doc === other.doc),
          );
          // A paraphrase is claimed only there: a sentence of the passage that merely looks closest,
          // or shares a few words, is not evidence.
          const sentence = link?.spans.find((s) => s.doc === other.doc);
          const own = link?.spans.find((s) => s.doc === quotation.doc);
          // The same words, without quotation marks, in the sentence that tells it ("said the lawsuit was
          // without merit" for “without merit”): no paraphrase, and no quotation left out.
          if (sentence && fold(documents[other.doc]!.text.slice(sentence.start, sentence.end)).includes(fold(quotation.text))) return;
          const paraphrase = sentence && own ? paraphraseSpan(documents, sentence, own, quotation) : undefined;
          // Where the words that stand for the quotation are themselves quoted (other words, or the
          // same ones cut differently), it is not a paraphrase: both sources let the speaker speak.
          // (A quotation that opens in an earlier sentence counts: "“I'm being myself. We've got a
          // big challenge,” Boehner said" quotes, whatever sentence the alignment split off.)
          if (paraphrase && quotedWithin(other, paraphrase)) return;
          // …and a paraphrase is the same speaker's: a name the quoting sentence gives outside the
          // quotation (its speaker, or whom it is about) is in the other's sentence too.
          if (sentence && own && !sharesAName(documents, own, quotation, sentence)) {
            if (tellsParagraphOf(quotation, other.doc)) leaving.push(other.doc);
            return;
          }
          if (sentence && paraphrase && !carriesQuotation(documents[other.doc]!, paraphrase, quotation, documents[quotation.doc]!, passage.memberOf(other.doc))) {
            if (tellsParagraphOf(quotation, other.doc)) leaving.push(other.doc);
            return;
          }
          if (paraphrase) paraphrasing.push({ doc: other.doc, span: paraphrase });
          // Left out only where the other tells the paragraph the quotation is in (some sentence of it
          // is linked to the other's): a quotation in a paragraph the other does not tell is part of
          // what the passage shows one source reporting, not a quotation the other left out.
          else if (tellsParagraphOf(quotation, other.doc)) leaving.push(other.doc);
        });
        // Marked only where another source tells the same statement in its own words: quotation
        // against paraphrase is the difference a reader can weigh.
        if (paraphrasing.length === 0) {
          if (leaving.length > 0) unmarked.push({ doc: quotation.doc, start: quotation.start, end: quotation.end });
          continue;
        }
        reported.add(key);
        differences.push({
          group: group.id,
          kind: 'quote',
          spans: [{ doc: quotation.doc, start: quotation.start, end: quotation.end }, ...paraphrasing.map((p) => p.span)],
          rule: 'quote',
          sides: [
            ...[quotation.doc, ...alsoQuoting].map((doc): DifferenceSide => ({ doc, part: 'quotes', terms: [] })),
            ...paraphrasing.map((p): DifferenceSide => ({ doc: p.doc, part: 'paraphrases', terms: [] })),
            ...leaving.map(lacksSide),
          ],
          evidence: { quote: quotation.text },
        });
      }
    });
    return { differences, unmarked };
  },
};
