import type { SourceDocument } from '../../contract/comparison.js';
import { paragraphTokens, STOP_WORDS, stem, type Token } from '../text.js';

/** A number a source gives, what it counts, and whom the source credits for it. */
export interface Figure {
  readonly doc: number;
  readonly paragraph: number;
  readonly value: number;
  /** What is counted, as a key for matching: "killed", or the stem of the counted word. */
  readonly quantity: string;
  /** What is counted, for people: "killed", "hostages", "people". */
  readonly counted: string;
  /** The number with the word it counts, as written: "46,500 people". */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** "according to figures from the health ministry", when the sentence credits someone. */
  readonly attribution?: string;
  /**
   * How the source bounds the number, when it does: `at-least` ("more than 5,000", "at least",
   * "over"), `at-most` ("fewer than", "up to", "nearly", "almost"), `about` ("about", "some",
   * "roughly"). Missing for a number given as exact.
   */
  readonly bound?: FigureBound;
  /** The words that bound it, as written: "more than". */
  readonly boundText?: string;
  /**
   * The unit the source wrote, when it is not the one its value is given in: "foot" for "200
   * feet", whose value is in metres (see MEASURES).
   */
  readonly unit?: string;
}

export type FigureBound = 'at-least' | 'at-most' | 'about';

const MONTHS = new Set('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
/** Words of dying: a count of people beside one of them is a death toll ("killed"). */
export const DEATH_WORDS: ReadonlySet<string> = new Set(['killed', 'kill', 'died', 'dead', 'death', 'deaths', 'lives', 'fatalities', 'toll', 'perished', 'slain']);
/** Words for people in general, one count whichever a source writes ("3,200 residents", "3,200 people"). */
const PEOPLE_IN_GENERAL: Readonly<Record<string, string>> = Object.fromEntries(
  ['people', 'persons', 'individuals', 'residents', 'inhabitants', 'locals', 'villagers', 'townspeople'].map((word) => [word, 'people']),
);
const PEOPLE = new Set(['people', 'person', 'persons', 'palestinians', 'israelis', 'civilians', 'lives', 'residents', 'children', 'women', 'men', 'soldiers', 'victims']);
/** Units, folded to one name each ("cubic metre", two words, see COMPOUND_UNITS); measures of one kind are then given in one unit (MEASURES). */
const UNITS: Record<string, string> = {
  percent: 'percent',
  '%': 'percent',
  dollars: 'dollar',
  dollar: 'dollar',
  usd: 'dollar',
  euros: 'euro',
  euro: 'euro',
  pounds: 'pound',
  litres: 'litre',
  liters: 'litre',
  litre: 'litre',
  liter: 'litre',
  gallons: 'gallon',
  metres: 'metre',
  meters: 'metre',
  metre: 'metre',
  meter: 'metre',
  kilometres: 'kilometre',
  kilometers: 'kilometre',
  km: 'kilometre',
  miles: 'mile',
  feet: 'foot',
  foot: 'foot',
  acres: 'acre',
  hectares: 'hectare',
  tonnes: 'tonne',
  tons: 'ton',
  kilograms: 'kilogram',
  kg: 'kilogram',
};
/**
 * Measures of one kind in one unit: each unit as a multiple of its kind's unit, so that "200 feet"
 * and "60 metres", or "2.4 billion litres" and "2.4 million cubic metres", are set side by side as
 * the figures they are. A ton is the US short ton; a gallon the US gallon.
 */
const MEASURES: Readonly<Record<string, readonly [string, number]>> = {
  metre: ['metre', 1],
  kilometre: ['metre', 1000],
  foot: ['metre', 0.3048],
  mile: ['metre', 1609.344],
  'cubic metre': ['cubic metre', 1],
  'cubic foot': ['cubic metre', 0.028316846592],
  litre: ['cubic metre', 0.001],
  gallon: ['cubic metre', 0.003785411784],
  'square metre': ['square metre', 1],
  'square kilometre': ['square metre', 1e6],
  'square foot': ['square metre', 0.09290304],
  'square mile': ['square metre', 2589988.110336],
  acre: ['square metre', 4046.8564224],
  hectare: ['square metre', 1e4],
  kilogram: ['kilogram', 1],
  tonne: ['kilogram', 1000],
  ton: ['kilogram', 907.18474],
};

/** Plurals without an -s: a count of them already names what it counts ("5 children"). */
const IRREGULAR_PLURALS = new Set('children men women people cattle feet teeth mice geese'.split(' '));

/** Words after a time of day on the 24-hour clock: its zone, or "hours". */
const TIME_ZONES = new Set('gmt utc bst cet cest est edt cst cdt mst mdt pst pdt ist jst aest aedt hrs hours local'.split(' '));

/** What a rate is given per: "miles an hour", "tonnes per day". */
const RATE_TIMES = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year']);

/** The significant digits of a number as written ("200": 1, "2.4": 2, "2,412": 4), at least one. */
function significantDigits(written: string): number {
  const digits = written.replace(/[^\d.]/g, '');
  const [whole = '', fraction = ''] = digits.split('.');
  const all = (whole + fraction).replace(/^0+/, '');
  return Math.max(1, fraction ? all.length : all.replace(/0+$/, '').length);
}

/** A claims row's figure as its source wrote it, with the words that bound it: "nearly 200 feet". */
export function asWritten(row: { readonly text: string; readonly boundText?: string }): string {
  return row.boundText ? `${row.boundText.toLowerCase()} ${row.text}` : row.text;
}

/**
 * Whether two figures of a quantity give the same value: equal, or, where one was written in
 * another unit, equal but for the rounding of the conversion ("nearly 200 feet" is 61 metres,
 * "60 metres" 60): within a twentieth of each other.
 */
export function sameValue(a: Pick<Figure, 'value' | 'unit'>, b: Pick<Figure, 'value' | 'unit'>): boolean {
  if (a.value === b.value) return true;
  if (a.unit === b.unit) return false;
  return Math.abs(a.value - b.value) <= 0.05 * Math.max(Math.abs(a.value), Math.abs(b.value));
}

/**
 * A table's own entry for a word, never one an object inherits: "5 constructors" counts
 * constructors, not Object's constructor.
 */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** "cubic metres", "square miles": a word before a unit that makes another unit of it (never what is counted). */
const COMPOUND_UNITS = new Set(['cubic', 'square']);
/**
 * Quantities that name a unit and not what is counted: money and shares. "$750,000" and "$43,000"
 * in one passage are as likely a total and one thing bought as two tellings of one amount.
 */
export const BARE_UNITS: ReadonlySet<string> = new Set(['dollar', 'euro', 'pound', 'percent']);
/** The sign before a number that makes it money: "$43,000". */
const CURRENCY_SIGNS: Record<string, string> = { $: 'dollar', '£': 'pound', '€': 'euro' };
/**
 * Nouns that a number after them labels rather than counts: parts of a text and numbered places
 * ("section 3", "chapter 11", "district 5", "flight 93"). Not words after which a count may follow
 * with no comma ("in the past week 40 people", "waited in line 3 hours", "in the room 50 guests").
 */
const NUMBERED_LABELS = new Set(
  'section sections subsection subsections article articles chapter chapters clause clauses paragraph paragraphs page pages verse verses item items exhibit exhibits rule title volume episode episodes amendment flight flights route highway interstate gate platform terminal district districts ward wards precinct precincts'.split(
    ' ',
  ),
);

/** Words before "by" that make the figure after it a margin ("led by 18 points", "won by 312 votes"). */
const MARGIN_WORDS = new Set('lead leads led leading win wins won winning beat beats beaten trail trails trailed trailing ahead behind lose loses lost losing margin'.split(' '));

/**
 * Words that make an amount one added to another: before it ("another 50 officers", "an
 * additional $2 million") or after it ("5,000 extra troops", "50 more officers", "$6.5 trillion in
 * additional money").
 */
const INCREMENT_BEFORE = new Set(['another', 'additional', 'extra']);
const INCREMENT_AFTER = new Set(['additional', 'extra', 'more']);

/** Ordinal endings written apart from their number ("14 th", from "14<sup>th</sup>"). */
const ORDINAL_ENDINGS = new Set(['st', 'nd', 'rd', 'th']);
/** Words before a number that bound it, longest first, with how: "more than 5,000". */
const BOUNDS: readonly (readonly [readonly string[], FigureBound])[] = [
  [['as', 'many', 'as'], 'at-most'],
  [['more', 'than'], 'at-least'],
  [['at', 'least'], 'at-least'],
  [['upwards', 'of'], 'at-least'],
  [['fewer', 'than'], 'at-most'],
  [['less', 'than'], 'at-most'],
  [['up', 'to'], 'at-most'],
  [['over'], 'at-least'],
  [['nearly'], 'at-most'],
  [['almost'], 'at-most'],
  [['under'], 'at-most'],
  [['about'], 'about'],
  [['around'], 'about'],
  [['roughly'], 'about'],
  [['approximately'], 'about'],
  [['some'], 'about'],
  [['estimated'], 'about'],
];

function parseNumber(text: string): number | null {
  const clean = text.replace(/,/g, '');
  const value = Number(clean);
  return Number.isFinite(value) ? value : null;
}

/** The attribution of a sentence: "according to …" up to the next comma or full stop. */
function attributionIn(sentence: string): string | undefined {
  const match = /\b(according to|citing|figures from|data from)\s+([^,.;]{3,120})/i.exec(sentence);
  if (!match) return undefined;
  let source = match[2]!.replace(/\s+/g, ' ').trim();
  // Long credits are cut at a word, never inside one.
  if (source.length > 80) source = source.slice(0, 80).replace(/\s+\S*$/, '') + '…';
  return `${match[1]} ${source}`;
}

/** How far back `endsSentence` looks: enough for the two characters its pattern reads, in code points. */
const SENTENCE_END_REACH = 8;

/**
 * Whether the text of a paragraph from `start` up to `at`, without the space at its end, is empty
 * or ends a sentence ("…said." , "…2023.", "…:" or an opening quotation mark). Only its last
 * characters are read.
 */
function endsSentence(text: string, start: number, at: number): boolean {
  let end = at;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end === start) return true;
  return /[\p{Ll}\p{N})][.!?]$|[:"“]$/u.test(text.slice(Math.max(start, end - SENTENCE_END_REACH), end));
}

/** The words just before the number at tokens[i] that bound it ("more than 5,000"), if any. */
function boundBefore(tokens: readonly Token[], i: number, text: string): { bound: FigureBound; text: string } | undefined {
  for (const [words, bound] of BOUNDS) {
    const from = i - words.length;
    if (from < 0 || !words.every((word, k) => tokens[from + k]!.norm === word)) continue;
    // Only spaces (or a currency sign) between the words and the number: "over, 5,000" is no bound.
    if (!/^\s+[$£€]?$/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) continue;
    return { bound, text: text.slice(tokens[from]!.start, tokens[i - 1]!.end) };
  }
  return undefined;
}

/** Written beside a number, what makes it an amount of money or a measure: a scale, a unit, a currency, a percent. */
const AMOUNT_WORDS = new Set(['dollars', 'euros', 'pounds', 'percent', 'm', 'bn', 'k']);

/**
 * Whether the figure at tokens[i] (its text beginning at `start`, a currency sign included, and
 * `writtenUnit` its sign or the word for its unit) opens a bracket right after an amount in another
 * currency or unit: a number, or a scale, unit or currency written after one ("$US1 million (",
 * "300 feet (", "£2m ("), with nothing but the bracket between. "£2 million (£1.5 million in
 * cash)" is a part of the amount, in its own currency; "(up from $3 million)" and "the fund ($2
 * billion)" are not restatements.
 */
function restatesAmountBefore(tokens: readonly Token[], i: number, start: number, text: string, writtenUnit: string): boolean {
  const previous = tokens[i - 1];
  if (!previous || !/^\s*\(\s*$/.test(text.slice(previous.end, start))) return false;
  const hasDigit = (token: Token): boolean => token.isNumber || /\d/.test(token.norm);
  let number: Token;
  if (hasDigit(previous)) number = previous;
  else {
    const beforeWord = tokens[i - 2];
    const word = previous.norm;
    if (!beforeWord || !hasDigit(beforeWord) || !/^\s*$/.test(text.slice(beforeWord.end, previous.start))) return false;
    if (own(SCALE, word) === undefined && own(UNITS, word) === undefined && !AMOUNT_WORDS.has(word) && own(MEASURES, word) === undefined) return false;
    // The same unit again is a part of the amount, not the amount in another unit.
    if (word === writtenUnit) return false;
    number = beforeWord;
  }
  // Money: in another currency when its sign differs, or either is written with a country's code
  // ("$US1", "US$1", "A$1"); "£2 million (£1.5 million …)" is in one currency.
  if (!/^\p{L}/u.test(writtenUnit)) {
    const sign = text[number.start - 1] ?? '';
    const coded = !number.isNumber || /\p{L}$/u.test(text.slice(Math.max(0, number.start - 3), number.start - 1)) || /\p{L}$/u.test(text.slice(Math.max(0, start - 3), start));
    return coded || sign !== writtenUnit;
  }
  return true;
}

/**
 * The figures of some paragraphs of a document: numbers with what they count. Dates, years, times,
 * ordinals ("14th", "14 th"), numbers joined by a slash ("9/11") and ages are not figures; a number followed by "million" or "billion"
 * is scaled. Money ("$43,000") counts its currency, a share ("52%") percent, and a measure its kind's
 * unit ("2.4 billion litres" is 2.4 million cubic metres, "200 feet" 61 metres; `unit` says which
 * the source wrote).
 */
export function figuresIn(document: SourceDocument, doc: number, paragraphs: readonly number[]): Figure[] {
  const figures: Figure[] = [];
  for (const index of paragraphs) {
    const paragraph = document.paragraphs[index];
    if (!paragraph) continue;
    const tokens = paragraphTokens(document, index);
    const sentenceText = document.text.slice(paragraph.start, paragraph.end);
    // What is the same for every number of the paragraph is worked out once, when first needed
    // (once per number was quadratic in a long paragraph).
    let hasDeath: boolean | undefined;
    let paragraphAttribution: { readonly value: string | undefined } | undefined;
    tokens.forEach((token, i) => {
      if (!token.isNumber) return;
      const before = tokens[i - 1]?.norm;
      const after = tokens[i + 1]?.norm;
      // Dates ("October 7", "7 October 2023", "2023") and times are not figures.
      if ((before && MONTHS.has(before)) || (after && MONTHS.has(after))) return;
      if (/^\d{4}$/.test(token.norm) && Number(token.norm) >= 1800 && Number(token.norm) <= 2100) return;
      if (document.text[token.end] === ':' || document.text[token.start - 1] === ':') return;
      // A year cut short ("’08", "'08") is a date.
      if (/['’]$/.test(document.text.slice(Math.max(0, token.start - 1), token.start)) && /^\d{2}$/.test(token.norm)) return;
      // Numbers joined by a slash are dates or names ("9/11", "24/7", "3/4 of"), not counts.
      if (/^\/\d/.test(document.text.slice(token.end, token.end + 2)) || /\d\/$/.test(document.text.slice(Math.max(0, token.start - 2), token.start))) return;
      // A fraction written from its point (".535", a winning percentage) counts nothing; a calibre
      // (".45-caliber") is a size, and sources that give two are worth setting side by side.
      if (document.text[token.start - 1] === '.' && !/\d/.test(document.text[token.start - 2] ?? '') && !/^[-\s]calib(?:er|re)/i.test(document.text.slice(token.end, token.end + 8))) return;
      // …and so are numbers joined by a times sign: a kind or a size ("a 4×4 car", "a 2x4 plank").
      if (/^[×xX]\d/.test(document.text.slice(token.end, token.end + 2)) || /\d[×xX]$/.test(document.text.slice(Math.max(0, token.start - 2), token.start))) return;
      if (/^\s?[ap]\.?m\b/i.test(document.text.slice(token.end, token.end + 5))) return;
      // …nor a time of day on the 24-hour clock with its zone or "hours" ("1630 GMT", "0900 hrs").
      if (/^([01]\d|2[0-3])[0-5]\d$/.test(token.norm) && after && TIME_ZONES.has(after)) return;
      // Ordinals and numbers fused to a word ("14th", "3rd", "1990s", "F-16") are not counts.
      if (/\p{L}/u.test(document.text[token.end] ?? '') || /[\p{L}-]/u.test(document.text[token.start - 1] ?? '')) return;
      // …nor an ordinal whose ending stands apart ("14 th", from "14<sup>th</sup>").
      if (after && ORDINAL_ENDINGS.has(after) && /^\s?$/.test(document.text.slice(token.end, tokens[i + 1]!.start))) return;
      // Numbers that name something ("Flight 93", "H.R. 1062", "No. 10", "Route 66") are not counts,
      // written small too: a numbered part of a text or a numbered place ("section 3 of the act",
      // "article 5", "pages 4 and 5", "gate 12"), the second of two as well.
      if (before && NUMBERED_LABELS.has(before)) return;
      if ((before === 'and' || before === 'to' || before === 'or') && tokens[i - 2]?.isNumber && NUMBERED_LABELS.has(tokens[i - 3]?.norm ?? '')) return;
      const previous = tokens[i - 1];
      // A capital opening a sentence is no name ("About 800 people"); "H.R." ends no sentence.
      const opensSentence = previous ? endsSentence(document.text, paragraph.start, previous.start) : true;
      if (previous?.isCapitalized && !opensSentence && /^[\s.]+$/.test(document.text.slice(previous.end, token.start))) return;
      // Ages: "Aldo Kessler, 52, was jailed", "aged 85", "85 years old", "an 85-year-old", "48-years-old".
      if (before === 'aged' || before === 'age' || before === 'ages') return;
      // …and the second age of a range ("from age 16 to 19", "aged 18 and 25", "ages 6 to 12").
      if ((before === 'to' || before === 'and') && tokens[i - 2]?.isNumber && ['aged', 'age', 'ages'].includes(tokens[i - 3]?.norm ?? '')) return;
      if (/^\s*,\s*$/.test(document.text.slice(tokens[i - 1]?.end ?? token.start, token.start)) && tokens[i - 1]?.isCapitalized && /^,/.test(document.text.slice(token.end, token.end + 1))) return;
      if ((after === 'year' || after === 'years') && (tokens[i + 2]?.norm === 'old' || (tokens[i + 2]?.norm === 'of' && tokens[i + 3]?.norm === 'age'))) return;
      if (before === 'of' && tokens[i - 2]?.norm === 'age') return;
      if (/^[-‐]years?[-‐]old/.test(document.text.slice(token.end, token.end + 10))) return;
      // …and the first of two ages ("68- and 48-years-old", "68 and 48 years old").
      if (/^[-‐]?\s+(?:and|or|to)\s+\d+(?:[-‐]|\s+)years?(?:[-‐]|\s+)old/.test(document.text.slice(token.end, token.end + 24))) return;
      // Odds ("a 2 in 3 chance", "1 in 5 Americans") are a proportion, neither number a count.
      if ((after === 'in' && tokens[i + 2]?.isNumber) || (before === 'in' && tokens[i - 2]?.isNumber) || /^[-‐]in[-‐]\d/.test(document.text.slice(token.end, token.end + 5))) return;
      let value = parseNumber(token.norm);
      if (value === null) return;
      let end = token.end;
      let next = i + 1;
      const scale = tokens[next] ? own(SCALE, tokens[next]!.norm) : undefined;
      if (scale) {
        value *= scale;
        end = tokens[next]!.end;
        next++;
      }
      // Money ("$43,000") and shares ("52%") are counted by their sign.
      const currency = CURRENCY_SIGNS[document.text[token.start - 1] ?? ''];
      const percent = document.text[token.end] === '%';
      const start = currency ? token.start - 1 : token.start;
      let quantity: string;
      let countedWord: string;
      let textEnd: number;
      /** The word the source wrote for what is counted, or the currency sign. */
      let writtenUnit = currency ? document.text[token.start - 1]! : '%';
      if (currency || percent) {
        quantity = countedWord = currency ?? 'percent';
        textEnd = percent ? token.end + 1 : end;
      } else {
        const at = tokens.slice(next, next + 3).findIndex((t) => !t.isNumber && !STOP_WORDS.has(t.norm));
        let counted: Token | undefined = at < 0 ? undefined : tokens[next + at];
        if (!counted) return;
        // What is counted follows the number in its clause: across a comma, a semicolon, a bracket
        // or a quotation mark the next word is another matter ("he was 75, the Biloxi paper
        // reported", "Wilson, 47; LaTonya Brown", "the Colts (12-3) head to"): no figure, unless the
        // number follows a word for deaths ("killed 12, including three children", read as before).
        if (/[,;:()"“”]/.test(document.text.slice(end, counted.start).replace(/\d[\d,.]*\d/g, '')) && !(before !== undefined && DEATH_WORDS.has(before))) return;
        // …nor across the end of a sentence ("adults over 21. The complaint says").
        if (/[.!?]\s/.test(document.text.slice(end, counted.start).replace(/\d[\d,.]*\d/g, ''))) return;
        let countedAt = next + at;
        // An initialism written with points ("40 F.B.I. agents", "12 U.N. monitors") is one word
        // that describes what is counted, not a unit ("F"): what is counted is the word after it.
        while (
          counted.norm.length === 1 &&
          document.text[counted.end] === '.' &&
          tokens[countedAt + 1] !== undefined &&
          tokens[countedAt + 1]!.norm.length === 1 &&
          tokens[countedAt + 1]!.start === counted.end + 1
        ) {
          countedAt++;
          counted = tokens[countedAt]!;
          const following = tokens[countedAt + 1];
          if (counted.norm.length === 1 && document.text[counted.end] === '.' && following && following.norm.length > 1 && !following.isNumber && !STOP_WORDS.has(following.norm)) {
            countedAt++;
            counted = following;
            break;
          }
        }
        // "cubic metres": the unit is both words, and a cubic metre is not a metre.
        const unitAfter = tokens[next + at + 1];
        if (COMPOUND_UNITS.has(counted.norm) && unitAfter && own(UNITS, unitAfter.norm)) {
          quantity = countedWord = `${counted.norm} ${own(UNITS, unitAfter.norm)}`;
          counted = unitAfter;
          countedAt++;
        } else {
          // A word that describes what is counted, before the plural that names it: "1,000 fellow
          // parishioners", "40 volunteer firefighters", "3 new cases". (Two or more of something
          // take no verb in -s, so a plural word right after is the noun.)
          const head = tokens[countedAt + 1];
          if (
            value >= 2 &&
            !counted.norm.endsWith('s') &&
            !IRREGULAR_PLURALS.has(counted.norm) &&
            own(UNITS, counted.norm) === undefined &&
            own(PEOPLE_IN_GENERAL, counted.norm) === undefined &&
            !DEATH_WORDS.has(counted.norm) &&
            head !== undefined &&
            document.text.slice(counted.end, head.start) === ' ' &&
            !head.isCapitalized &&
            !head.isNumber &&
            !STOP_WORDS.has(head.norm) &&
            head.norm.length > 3 &&
            /[^s]s$/.test(head.norm)
          ) {
            counted = head;
            countedAt++;
          }
          quantity = own(UNITS, counted.norm) ?? stem(own(PEOPLE_IN_GENERAL, counted.norm) ?? counted.norm);
          countedWord = own(UNITS, counted.norm) ?? own(PEOPLE_IN_GENERAL, counted.norm) ?? counted.norm;
          const sentenceHasDeath = (hasDeath ??= tokens.some((t) => DEATH_WORDS.has(t.norm)));
          if (sentenceHasDeath && (PEOPLE.has(counted.norm) || DEATH_WORDS.has(counted.norm))) quantity = countedWord = 'killed';
        }
        // A rate ("60 miles an hour", "3 tonnes per day") is a unit of its own, not a measure.
        const per = tokens[countedAt + 1]?.norm;
        const time = tokens[countedAt + 2];
        if (own(MEASURES, quantity) && (per === 'per' || per === 'an' || per === 'a') && time && RATE_TIMES.has(time.norm)) {
          quantity = countedWord = `${quantity} per ${time.norm}`;
          counted = time;
        }
        textEnd = counted.end;
        writtenUnit = counted.norm;
      }
      // A measure is given in its kind's unit, to the precision it was written with ("200 feet":
      // 61 metres), and keeps the unit written.
      const measure = own(MEASURES, quantity);
      let unit: string | undefined;
      if (measure && measure[0] !== quantity) {
        unit = quantity;
        value = Number((value * measure[1]).toPrecision(Math.max(2, significantDigits(token.norm))));
        quantity = countedWord = measure[0];
      }
      // An amount in brackets right after another ("$US1 million ($1.52 million)", "300 feet (91
      // metres)", "£2m ($3.1m)") is the same amount told again in another currency or unit, for the
      // reader: no claim of its own (a rate of exchange would make it look like another figure).
      if ((currency || measure) && restatesAmountBefore(tokens, i, start, document.text, writtenUnit)) return;
      // A margin ("led by 18 points", "won by 312 votes", "ahead by 3 points") counts the gap, not
      // the points or votes: it is compared only with other margins.
      if (before === 'by' && MARGIN_WORDS.has(tokens[i - 2]?.norm ?? '')) quantity = `${quantity} margin`;
      // …and so does an amount added to another ("another 50 officers", "an additional $2 million",
      // "5,000 extra troops", "50 more officers", "$6.5 trillion in additional money"): it is set
      // beside other amounts added, not beside the whole ("the $2.6 trillion trust fund"). "More"
      // only after the number: "more than 5,000" bounds it (BOUNDS).
      else if (isIncrement(tokens, i, next, document.text)) quantity = `${quantity} more`;
      const attribution = (paragraphAttribution ??= { value: attributionIn(sentenceText) }).value;
      const bound = boundBefore(tokens, i, document.text);
      figures.push({
        doc,
        paragraph: index,
        value,
        quantity,
        counted: countedWord,
        text: document.text.slice(start, textEnd),
        start,
        end: Math.max(end, token.end, percent ? token.end + 1 : 0),
        ...(attribution ? { attribution } : {}),
        ...(bound ? { bound: bound.bound, boundText: bound.text } : {}),
        ...(unit ? { unit } : {}),
      });
    });
  }
  return figures;
}

/**
 * Whether the number at tokens[i] (its scale word, if any, before tokens[next]) is an amount added
 * to another: "another", "additional" or "extra" right before it (after "an"), or "more",
 * "additional" or "extra" right after it or its scale ("50 more officers", "$2 million more",
 * "5,000 additional troops"), or "in additional/extra/more" after an amount of money ("$6.5 trillion
 * in additional money"). The words must touch the number in its clause: nothing but spaces and the
 * currency sign between.
 */
function isIncrement(tokens: readonly Token[], i: number, next: number, text: string): boolean {
  const previous = tokens[i - 1];
  if (previous && INCREMENT_BEFORE.has(previous.norm) && /^\s*[$£€]?$/.test(text.slice(previous.end, tokens[i]!.start))) return true;
  const following = tokens[next];
  if (!following || !/^\s+$/.test(text.slice(tokens[next - 1]!.end, following.start))) return false;
  if (INCREMENT_AFTER.has(following.norm)) return true;
  const after = tokens[next + 1];
  return following.norm === 'in' && after !== undefined && INCREMENT_AFTER.has(after.norm) && /^\s+$/.test(text.slice(following.end, after.start));
}

/** The median of some values (none: 0). */
function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 === 1 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * How far from the others' median a count may be and still be of the same thing: a report off by
 * a factor of ten is far out of line ("230 killed" against 23), but twenty times or more is a count
 * of something else ("2,290 points" in a career against "20 points" in a game, "1,098 yards" in a
 * season against "25 yards" in a run, a whole war's wounded against one strike's).
 */
const OTHER_THING_RATIO = 20;

/** Whether a value is OTHER_THING_RATIO times the median of the others or more, or that much below it (two others at least). */
export function ofSomethingElse(value: number, others: readonly number[]): boolean {
  if (others.length < 2 || value <= 0) return false;
  const middle = median(others);
  return middle > 0 && (value / middle >= OTHER_THING_RATIO || middle / value >= OTHER_THING_RATIO);
}

/**
 * Whether a value is far out of line with the others: five times the median of all the values or
 * more, or a fifth or less, and not so far as to be a count of something else (ofSomethingElse).
 * With 140, 14 and 14 the median is 14, so 140 is out of line and the two 14s are not.
 */
export function isOutlier(value: number, others: readonly number[]): boolean {
  if (others.length < 2 || ofSomethingElse(value, others)) return false;
  const middle = median([value, ...others]);
  if (middle <= 0 || value <= 0) return false;
  const ratio = value / middle;
  return ratio >= 5 || ratio <= 0.2;
}
