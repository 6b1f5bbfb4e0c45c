import type { Comparison, Difference, DifferenceFigure, DifferencePart, DifferenceSide, DifferenceTerm, SourceDocument } from '../contract/comparison.js';

/**
 * Differences in words: the one place that turns what a difference is (its rule, its sides, its
 * evidence) into the sentence a person reads, for the command line, the app, the HTML report and
 * the exports alike. The caller says how to name a source: by its label, or by a neutral one
 * ("Source A") in blind mode. A source's name enters the sentence only through `nameOf`; the words
 * quoted from the articles are theirs, as written.
 *
 * Pure: no Node, no DOM.
 */

/** How the caller names the source at an index of `Comparison.documents`. */
export type SourceNamer = (doc: number) => string;

/** The namer that calls each source by its label, as the command line and the report do. */
export function labelNamer(documents: readonly Pick<SourceDocument, 'label'>[]): SourceNamer {
  return (doc) => documents[doc]?.label ?? '';
}

/** The sentence for a pair too long or too different to diff word by word. */
export const TOO_LONG_DESCRIPTION = 'Too different to compare word by word within the limit; shown as one difference.';

/** The longest quotation a description gives whole. */
const QUOTE_SHOWN = 70;
/** Said of a loaded word in someone's reported speech (`evidence.reported`): whose word it is, the text cannot tell. */
const REPORTED = " in reported speech (the speaker's word or the outlet's)";

const sidesOf = (difference: Difference, ...parts: DifferencePart[]): DifferenceSide[] => (difference.sides ?? []).filter((side) => parts.includes(side.part));
// Read from JSON, a side may lack its terms: it is described as having none.
const termsOf = (side: DifferenceSide | undefined): readonly DifferenceTerm[] => side?.terms ?? [];
const textsOf = (side: DifferenceSide | undefined): string => termsOf(side).map((term) => term.text).join(', ');
const firstText = (side: DifferenceSide | undefined): string => termsOf(side)[0]?.text ?? '';

/**
 * The most sources a description names in one list; past it, the first few and how many more
 * ("A, B, C, D, E and 16 others"): a comparison of twenty sources must still read as a line.
 * Every source stays in the difference's sides.
 */
const NAMED_MOST = 6;

/** Names of sources in a list: "A", "A and B", "A, B and C", "A, B, C, D, E and 16 others". */
export function listOf(names: readonly string[]): string {
  if (names.length > NAMED_MOST) return `${names.slice(0, NAMED_MOST - 1).join(', ')} and ${names.length - NAMED_MOST + 1} others`;
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Names of sources joined by commas ("A, B, C"), cut as listOf cuts them ("A, B, C, D, E and 16 others"). */
function commaList(names: readonly string[]): string {
  return names.length > NAMED_MOST ? listOf(names) : names.join(', ');
}

/** A plain word of a set of one meaning: its tone is not worth saying. */
const isNeutral = (term: DifferenceTerm): boolean => term.role === 'charged' && term.tone?.toLowerCase() === 'neutral';

/** What choosing a loaded word signals: its tone, else what its set is. */
function glossOf(term: DifferenceTerm | undefined): string {
  if (term?.tone && term.tone.toLowerCase() !== 'neutral') return term.tone;
  return term?.role === 'evaluative' ? 'a word that judges' : 'charged';
}

/**
 * Several words, each with what it is: "“nastiness”, “divisiveness” and “ugliness” (words that
 * judge)" when they are of one kind, else "“lie” (a word that judges) and “slammed” (charged)".
 */
function speakersWords(terms: readonly DifferenceTerm[]): string {
  const glosses = terms.map(glossOf);
  const and = (items: readonly string[]): string => `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  if (glosses.every((gloss) => gloss === glosses[0])) return `${and(terms.map((term) => `“${term.text}”`))} (${glosses[0] === 'a word that judges' ? 'words that judge' : glosses[0]})`;
  return and(terms.map((term, i) => `“${term.text}” (${glosses[i]})`));
}

/** " · the set" for words of one set, nothing for words of several (each term names its own). */
const oneSet = (terms: readonly DifferenceTerm[], setName: string): string => (terms.every((term) => term.set === terms[0]?.set) && setName !== '' ? ` · ${setName}` : '');

/** The tones of a side's words, once each, in brackets: " (neutral, doubt)"; nothing without any. */
function tonesOf(side: DifferenceSide | undefined): string {
  const tones = [...new Set(termsOf(side).map((term) => term.tone).filter(Boolean))];
  return tones.length > 0 ? ` (${tones.join(', ')})` : '';
}

/** Each word with its own tone: "vowed (emphasis), said (neutral)". */
const withTones = (side: DifferenceSide | undefined): string => termsOf(side).map((term) => `${term.text}${term.tone ? ` (${term.tone})` : ''}`).join(', ');

const shortQuote = (text: string): string => (text.length > QUOTE_SHOWN ? text.slice(0, QUOTE_SHOWN - 3).trimEnd() + '…' : text);

/**
 * A difference in words, naming each source through `nameOf`: "Quillon Dispatch hedges with
 * “may”; Amberline Wire states it plainly", or with a blind namer "Source C hedges with “may”;
 * Source A states it plainly". A difference saved before rules were recorded gives its legacy note.
 */
export function describeDifference(difference: Difference, nameOf: SourceNamer): string {
  const sides = difference.sides ?? [];
  const name = (side: DifferenceSide | undefined): string => (side ? nameOf(side.doc) : '');
  const names = (list: readonly DifferenceSide[]): string[] => list.map((side) => nameOf(side.doc));
  const [first, second] = sides;
  const has = sidesOf(difference, 'has');
  const lacks = sidesOf(difference, 'lacks');
  const setName = difference.set?.name ?? '';
  switch (difference.rule) {
    case 'too-long':
      return TOO_LONG_DESCRIPTION;
    case 'set-contrast':
      return `${textsOf(first)}${tonesOf(first)} → ${textsOf(second)}${tonesOf(second)} · ${setName}`;
    case 'verb-contrast':
      return `${withTones(first)} → ${withTones(second)} · ${setName}`;
    case 'credit-one-side':
      return `${name(has[0])} credits a source (“${firstText(has[0])} …”); ${name(lacks[0])} states it without one`;
    case 'hedge-contrast':
      return `${name(first)} hedges with “${textsOf(first)}”; ${name(second)} with “${textsOf(second)}”`;
    case 'hedge-one-side':
      return `${name(has[0])} hedges with “${firstText(has[0])}”; ${name(lacks[0])} states it plainly`;
    case 'label-for-name': {
      const named = sidesOf(difference, 'names')[0];
      return `${name(named)} names “${firstText(named)}”; ${name(has[0])} calls it “${textsOf(has[0])}”`;
    }
    case 'clause-one-side':
      // Where other sources tell it too (sides that have it, with no words of their own): "Fox and
      // Hpo say “…” (in Fox's words); Nyt leaves it out".
      if (has.length > 1) return `${listOf(names(has))} say “${firstText(has[0])}” (in ${name(has[0])}'s words); ${name(lacks[0])} leaves it out`;
      return `Only ${name(has[0])} says “${firstText(has[0])}”; ${name(lacks[0])} leaves it out`;
    case 'wording': {
      const before = firstText(first);
      const after = firstText(second);
      if (!before) return `${name(second)} adds “${after}”`;
      if (!after) return `${name(first)} has “${before}”; ${name(second)} leaves it out`;
      return `${before} → ${after}`;
    }
    case 'quote': {
      const parts = [`Quoted by ${commaList(names(sidesOf(difference, 'quotes')))}: “${shortQuote(difference.evidence?.quote ?? '')}”`];
      const paraphrasing = names(sidesOf(difference, 'paraphrases'));
      if (paraphrasing.length > 0) parts.push(`paraphrased by ${commaList(paraphrasing)}`);
      if (lacks.length > 0) parts.push(`not in ${commaList(names(lacks))}`);
      return parts.join('; ');
    }
    case 'figures': {
      const evidence = difference.evidence ?? {};
      const figures = evidence.figures ?? [];
      // A figure written in another unit says what it is in the difference's: "300 feet (91 metres)".
      const converted = (figure: DifferenceFigure): string => (figure.unit && evidence.counted ? ` (${figure.value.toLocaleString('en-US')} ${evidence.counted}s)` : '');
      const values = figures.map((figure) => `${nameOf(figure.doc)}: ${figure.text}${converted(figure)}${figure.attribution ? ` (${figure.attribution})` : ''}`).join(' · ');
      const outliers = figures.filter((figure) => figure.outlier);
      const flag = outliers.length > 0 ? ` — ${outliers.map((figure) => `${nameOf(figure.doc)}'s ${figure.text.split(/\s/)[0]} is far out of line with the others`).join('; ')}` : '';
      return `${evidence.quantity === 'killed' ? 'Deaths' : `Figures for “${evidence.counted ?? ''}”`}: ${values}${flag}`;
    }
    case 'figures-across': {
      // "fox gives 5,200 troops; nyt gives 4,800 troops (in another passage)".
      const figures = difference.evidence?.figures ?? [];
      const where = (figure: DifferenceFigure | undefined): string =>
        figure?.group === undefined || figure.group === difference.group ? '' : figure.group === '' ? ` (in a paragraph only ${nameOf(figure.doc)} has)` : ' (in another passage)';
      const gives = (side: DifferenceSide | undefined): string => {
        const figure = figures.find((f) => f.doc === side?.doc);
        return `${name(side)} gives ${firstText(side)}${figure?.attribution ? ` (${figure.attribution})` : ''}${where(figure)}`;
      };
      return `${gives(first)}; ${gives(second)}`;
    }
    case 'figure-one-side':
    case 'name-one-side':
      // A name is reported only as someone who speaks (facts-one-side.ts): the source cites them.
      return `Only ${name(has[0])} ${difference.rule === 'figure-one-side' ? 'gives' : 'cites'} “${firstText(has[0])}”; ${commaList(names(lacks))} ${lacks.length === 1 ? 'does' : 'do'} not`;
    case 'paragraph-one-side':
      return `Only ${name(has[0])} reports this; ${commaList(names(lacks))} ${lacks.length === 1 ? 'leaves' : 'leave'} it out`;
    case 'scare-quotes': {
      const plain = names(sidesOf(difference, 'plain'));
      const absent = names(lacks);
      // No other source tells it: the quotation marks may be the outlet's distance or someone's word for it.
      if (sides.length === 1) return `${name(first)} puts “${firstText(first)}” in quotation marks (scare quotes, or someone's word for it); no other source tells this sentence`;
      // One source, or several against the same others (`evidence.writers`).
      const writers = sides.slice(0, Math.max(1, difference.evidence?.writers ?? 1));
      // Several sources quoting the same short phrase are more likely quoting someone than each
      // holding it at a distance, and so is one source quoting what no other source writes (a
      // term of someone's, "“married filing separately”"): said as either. Scare quotes alone
      // only where another source writes the same words plainly.
      let text =
        writers.length > 1 || plain.length === 0
          ? `${listOf(names(writers))} ${writers.length > 1 ? 'put' : 'puts'} “${firstText(first)}” in quotation marks (scare quotes, or someone's word for it)`
          : `${name(first)} puts “${firstText(first)}” in scare quotes, holding the word at a distance`;
      if (plain.length > 0) text += `; ${listOf(plain)} ${plain.length === 1 ? 'writes' : 'write'} it without quotation marks`;
      if (absent.length > 0) text += `; the matching sentence in ${listOf(absent)} does not use it`;
      return text;
    }
    case 'loaded-word':
    case 'loaded-word-quoted': {
      const quoted = difference.rule === 'loaded-word-quoted';
      const term = termsOf(first)[0];
      // The sources that use the word (one, or several against the same others: `evidence.writers`),
      // each form once ("devastated" or "devastating").
      const writers = sides.slice(0, Math.max(1, difference.evidence?.writers ?? 1));
      const forms: string[] = [];
      for (const side of writers) {
        const text = termsOf(side)[0]?.text;
        if (text !== undefined && !forms.some((form) => form.toLowerCase() === text.toLowerCase())) forms.push(text);
      }
      const words = forms.length > 0 ? forms.map((form) => `“${form}”`).join(' or ') : `“${term?.text ?? ''}”`;
      const who = listOf(names(writers));
      // The other sources: those whose matching sentence uses another word of the set, and those whose does not use it.
      const others = sides.slice(writers.length);
      const named = others.filter((side) => side.part === 'has' && termsOf(side).length > 0);
      const unnamed = names(others.filter((side) => side.part === 'lacks'));
      const says = (side: DifferenceSide): string => {
        const counterpart = termsOf(side)[0]!;
        const tone = counterpart.tone && !isNeutral(counterpart) ? ` (${counterpart.tone})` : '';
        return `${name(side)} says “${counterpart.text}”${tone}`;
      };
      const several = writers.length > 1;
      // The speaker's loaded words of one quotation no other source tells, as one.
      if (quoted && sides.length === 1 && termsOf(first).length > 1) return `${speakersWords(termsOf(first))} are in a quotation in ${who}, the speaker's words and not the outlet's; no other source tells this sentence${oneSet(termsOf(first), setName)}`;
      // …and those the matching sentences of the other sources do not use.
      if (quoted && termsOf(first).length > 1 && named.length === 0) return `${speakersWords(termsOf(first))} are in a quotation in ${who}, the speaker's words and not the outlet's; the matching sentence in ${listOf(unnamed)} does not use them${oneSet(termsOf(first), setName)}`;
      let text = quoted
        ? `${words} (${glossOf(term)}) is in a quotation in ${who}, the speaker's word and not the outlet's`
        : `${who} ${several ? 'write' : 'writes'} ${words} (${glossOf(term)})${difference.evidence?.reported ? REPORTED : ''}`;
      if (named.length > 0) text += quoted ? `; ${named.map(says).join(' and ')}` : ` where ${named.map(says).join(' and ')}`;
      if (unnamed.length > 0) text += `; the matching sentence in ${listOf(unnamed)} does not use it`;
      if (sides.length === 1) text += '; no other source tells this sentence';
      return `${text} · ${setName}`;
    }
    case 'scare-quotes-alone':
      return `${name(first)} puts “${firstText(first)}” in quotation marks (scare quotes, or someone's word for it), in a paragraph only ${name(first)} has`;
    case 'loaded-word-alone': {
      // "Fox writes “slammed” (charged), in a paragraph only Fox has · Criticism".
      const term = termsOf(first)[0];
      if (difference.evidence?.quoted && termsOf(first).length > 1) return `${speakersWords(termsOf(first))} are in a quotation in ${name(first)}, the speaker's words, in a paragraph only ${name(first)} has${oneSet(termsOf(first), setName)}`;
      if (difference.evidence?.quoted) return `“${term?.text ?? ''}” (${glossOf(term)}) is in a quotation in ${name(first)}, the speaker's word, in a paragraph only ${name(first)} has · ${setName}`;
      return `${name(first)} writes “${term?.text ?? ''}” (${glossOf(term)})${difference.evidence?.reported ? REPORTED : ''}, in a paragraph only ${name(first)} has · ${setName}`;
    }
    case 'loaded-word-shared': {
      // "Fox, NYT and HPO all write “slammed” (charged) · Criticism"; where a source has it inside a
      // quotation, "Fox writes “witch hunt” (charged); NYT quotes it". (Every source quoting it is
      // not marked by the rule; read from elsewhere, it is said as "Fox and NYT both quote “phony”
      // (a word that judges), the speaker's word".)
      const quoting = sidesOf(difference, 'quotes');
      const writers = has.length > 0 ? has : quoting;
      const term = termsOf(writers[0])[0];
      // The word as each source writes it, once each ("slams" in a headline, "slammed" below).
      const forms = [...new Map(writers.flatMap((side) => termsOf(side).slice(0, 1)).map((t) => [t.text.toLowerCase(), t.text])).values()];
      const words = forms.map((form) => `“${form}”`).join(' or ');
      const together = (count: number, one: string, many: string): string => (count === 1 ? one : `${count === 2 ? 'both' : 'all'} ${many}`);
      if (has.length === 0) return `${listOf(names(quoting))} ${together(quoting.length, 'quotes', 'quote')} ${words} (${glossOf(term)}), the speaker's word · ${setName}`;
      let text = `${listOf(names(has))} ${together(has.length, 'writes', 'write')} ${words} (${glossOf(term)})`;
      if (quoting.length > 0) text += `; ${listOf(names(quoting))} ${quoting.length === 1 ? 'quotes' : 'quote'} it`;
      return `${text} · ${setName}`;
    }
    default:
      // Saved before rules were recorded (or by a later version with a rule this one does not know).
      return difference.note ?? '';
  }
}

/**
 * The comparison as `parallax compare --json` prints it: each difference with its `description`,
 * naming the sources by their labels, so that readers of the JSON get the words too.
 */
export function withDescriptions(comparison: Comparison): Comparison {
  const nameOf = labelNamer(comparison.documents);
  return {
    ...comparison,
    differences: comparison.differences.map((difference) => {
      const description = describeDifference(difference, nameOf);
      // `note` is the same words under the field's old name, for readers of earlier versions'
      // JSON: the contract adds fields but never takes one away.
      return { ...difference, description, note: description };
    }),
  };
}
