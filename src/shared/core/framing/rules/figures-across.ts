/**
 * Figures across the comparison: two sources that give different figures for the same quantity
 * where the passage rule (figures.ts) does not set them side by side: in different passages
 * ("5,200 troops" in one, "4,800 troops" in another), or in one passage where it paired other
 * figures ("$43,350" for a watch against "$43,000", beside "$750,000" in all). Conservative, as a
 * comparison of figures the alignment did not link must be; a pair is reported only when:
 *
 * - both count the same thing: the same quantity as figuresIn folds it (the same noun's stem, or
 *   the same kind of measure, in one unit: litres and cubic metres alike), and not a duration or a share ("6 years", "52%":
 *   a span of time and a share of something unnamed are too often different things);
 * - they are close enough to be the same thing: within a factor of 2, and either within a tenth of
 *   each other (at 100 or more, and not money) or sharing a word near the figure that is neither a
 *   name nor a function word ("deployed", "watch"): money must say what it paid for;
 * - they disagree: their ranges do not meet ("more than 5,000" is 5,000 and up, "about 5,000" a
 *   tenth either way, "nearly 5,000" 5,000 and under), so "more than 5,000" against 5,200 is
 *   consistent and not reported;
 * - neither figure agrees with some other figure the other source gives for the same thing (then
 *   the two are likely about different things; "up to $250,000" for a fine agrees with no price), and the passage rule has not already set the two
 *   sources' figures for it side by side in a passage holding both;
 * - at least one of them is in a passage: the difference belongs to that passage (`group`), and
 *   the other may stand in another passage or in a paragraph only its source has. Each figure
 *   says where it stands (`evidence.figures[].group`).
 *
 * At most one difference for each pair of sources and quantity: the closest pair of values.
 */
import type { AlignmentGroup, Difference, DifferenceFigure, SourceDocument } from '../../../contract/comparison.js';
import { ALIGNED_KINDS } from '../../align.js';
import { paragraphSentences } from '../../sentences.js';
import { paragraphTokens, STOP_WORDS, stem } from '../../text.js';
import { BARE_UNITS, DEATH_WORDS, figuresIn, sameValue, type Figure } from '../figures.js';
import { casingOf, CLAUSE_EDGE, nameOf, WEEKDAYS_MONTHS } from '../cues.js';
import { hasSide, type ComparisonRule } from '../rule.js';

/** Quantities never matched across passages: spans of time, and shares of something unnamed. */
const NOT_ACROSS = new Set(['percent', ...'seconds minutes hours days weeks months years decades centuries times'.split(' ').map(stem)]);

/** How far from a figure (in words, inside its paragraph) its context words are read. */
const CONTEXT_REACH = 8;
/** The most two figures of the same thing may differ: a factor of 2. */
const MOST_APART = 2;
/** Figures this close (a tenth), from 100 up, are the same thing without a shared context word. */
const CLOSE = 1.1;
const CLOSE_FROM = 100;

/** Where a paragraph stands: its passages' ids. */
type Places = ReadonlyMap<string, readonly string[]>;


/**
 * The content words near a figure, stemmed: what it is said about ("deployed", "raised"). With
 * `clause`, only its own clause's ("a market town of about 4,000 people, was flooded" is about a
 * town, not the flood).
 */
export function contextOf(figure: Figure, documents: readonly SourceDocument[], clause = false): ReadonlySet<string> {
  const document = documents[figure.doc]!;
  const tokens = paragraphTokens(document, figure.paragraph);
  const at = tokens.findIndex((token) => token.start >= figure.start);
  let first = Math.max(0, at - CONTEXT_REACH);
  let last = Math.min(tokens.length - 1, at + CONTEXT_REACH);
  if (clause && at >= 0) {
    const gapBefore = (k: number): string => document.text.slice(tokens[k - 1]!.end, tokens[k]!.start);
    let k = at;
    while (k > first && !CLAUSE_EDGE.test(gapBefore(k))) k--;
    first = k;
    k = at;
    while (k < last && !CLAUSE_EDGE.test(gapBefore(k + 1))) k++;
    last = k;
  }
  // "worth" says a sum is a price, not of what ("$9,587.64 worth of furniture", "$10,977.74 worth of televisions").
  const own = new Set([figure.quantity, stem(figure.counted), stem('worth'), ...(figure.quantity === 'killed' ? [...DEATH_WORDS].map(stem) : [])]);
  const words = new Set<string>();
  for (let k = first; k <= last; k++) {
    const token = tokens[k]!;
    // Names are left out: "Jackson" near two sums says whose, not what for.
    if (token.isNumber || token.isCapitalized || STOP_WORDS.has(token.norm) || token.norm.length < 3) continue;
    const word = stem(token.norm);
    if (!own.has(word)) words.add(word);
  }
  return words;
}

/** Words after which a name is who reports a figure, not whom it is about ("Reuters reported 14"). */
const REPORTING = new Set('said says say told tells reported reports according added adds stated states wrote writes announced announces estimated estimates put puts'.split(' '));

/**
 * Whom a figure is about, as far as names say: the names in its clause before it ("Louisville's
 * Earl Clark finished with 25 points", "Hansbrough now has 2,301 career points"), but not one who
 * reports it ("Reuters reported 14") nor a capital on a word the document writes small elsewhere
 * ("Police", "The"). Empty when no name stands there. Only the clause: a sentence names more
 * than whom its figures are of ("Jackson, who resigned from Congress in November, used campaign
 * money to buy … a $43,350 … watch").
 */
export function ownersOf(figure: Figure, documents: readonly SourceDocument[]): ReadonlySet<string> {
  const document = documents[figure.doc]!;
  const tokens = paragraphTokens(document, figure.paragraph);
  const at = tokens.findIndex((token) => token.start >= figure.start);
  const owners = new Set<string>();
  if (at <= 0) return owners;
  const { small, named } = casingOf(document);
  const sentence = paragraphSentences(document, figure.paragraph).find((range) => range.start <= figure.start && figure.start < range.end);
  const gapAfter = (k: number): string => document.text.slice(tokens[k]!.end, tokens[k + 1]!.start);
  /** The name tokens[k] is, if it is one that says whom the figure is of. */
  const nameAt = (k: number): string | undefined => {
    const token = tokens[k]!;
    if (!token.isCapitalized || token.isNumber) return undefined;
    const name = nameOf(token.norm);
    if (STOP_WORDS.has(name) || WEEKDAYS_MONTHS.has(name) || small.has(name) || name.length < 2) return undefined;
    // A capital that opens the sentence is a name only with another after it or where the document
    // capitalises the word inside a sentence too ("Late on Wednesday" is no one; "Dan Price" and
    // "Kessmoor gunmen", after "the Kessmoor militia", are).
    const opens = !sentence || /^[\s“"‘']*$/.test(document.text.slice(sentence.start, token.start));
    if (opens && !tokens[k + 1]?.isCapitalized && !named.has(name)) return undefined;
    // A name right before a word of reporting (or one word away: "Reuters has reported") reports.
    if ([tokens[k + 1], tokens[k + 2]].some((next) => next && next.start < figure.start && REPORTING.has(next.norm))) return undefined;
    return name;
  };
  for (let k = at - 1; k >= 0 && at - k <= CONTEXT_REACH; k--) {
    if (sentence && tokens[k]!.start < sentence.start) break;
    if (CLAUSE_EDGE.test(gapAfter(k))) {
      // "Hansbrough, who now has 2,302 points": a figure someone has, in a clause that opens with
      // "who" (or "whose"), is the figure of the name right before its comma. Not any clause of
      // theirs: "Colonel Lindqvist, who leads the 4,800 troops" does not make the troops hers.
      const possessed = tokens[k + 1]!.norm === 'whose' || (tokens[k + 1]!.norm === 'who' && tokens.slice(k + 2, at).some((t) => t.norm === 'has' || t.norm === 'had' || t.norm === 'have'));
      if (/^\s*,\s*$/.test(gapAfter(k)) && possessed) {
        for (let j = k; j >= 0 && tokens[j]!.isCapitalized && (j === k || !CLAUSE_EDGE.test(gapAfter(j))); j--) {
          if (sentence && tokens[j]!.start < sentence.start) break;
          const name = nameAt(j);
          if (name) owners.add(name);
        }
      }
      break;
    }
    const name = nameAt(k);
    if (name) owners.add(name);
  }
  return owners;
}

/**
 * Whether two figures name whom they are of alike: `strict`, both name someone in common or neither
 * names anyone; otherwise only that they do not each name someone else (one may name no one: "the
 * man fell around 2,000 ft (609 metres)" and "Robert Buckley fell about 600 metres").
 */
export function sameOwners(a: Figure, b: Figure, documents: readonly SourceDocument[], strict: boolean): boolean {
  const mine = ownersOf(a, documents);
  const theirs = ownersOf(b, documents);
  if (mine.size === 0 || theirs.size === 0) return strict ? mine.size === theirs.size : true;
  return [...mine].some((name) => theirs.has(name));
}

/** The values a figure allows, as a range: exact, "more than", "fewer than" or "about". */
function rangeOf(figure: Figure): readonly [number, number] {
  switch (figure.bound) {
    case 'at-least':
      return [figure.value, Infinity];
    case 'at-most':
      return [0, figure.value];
    case 'about':
      return [figure.value / CLOSE, figure.value * CLOSE];
    default:
      return [figure.value, figure.value];
  }
}

/** Whether two figures can both be true of one thing. */
function consistent(a: Figure, b: Figure): boolean {
  if (sameValue(a, b)) return true;
  const [a0, a1] = rangeOf(a);
  const [b0, b1] = rangeOf(b);
  return a0 <= b1 && b0 <= a1;
}

const ratioOf = (a: Figure, b: Figure): number => Math.max(a.value, b.value) / Math.min(a.value, b.value);

/** The figure as a reader should see it: with the words that bound it ("more than 5,000 troops"). */
const shown = (figure: Figure): string => (figure.boundText ? `${figure.boundText} ${figure.text}` : figure.text);

export const figuresAcross: ComparisonRule = {
  name: 'figures-across',
  scope: 'comparison',
  produces: ['figures-across'],
  kinds: ['figure'],
  find({ documents, groups = [], found = [] }) {
    const differences: Difference[] = [];
    if (documents.length < 2 || groups.length === 0) return differences;
    const places = placesOf(groups);
    const placeOf = (figure: Figure): readonly string[] => places.get(`${figure.doc}:${figure.paragraph}`) ?? [];
    // Every source's figures, by quantity, in reading order.
    const byDoc = documents.map((document, doc) => {
      const paragraphs = document.paragraphs.flatMap((paragraph, index) => (ALIGNED_KINDS.has(paragraph.kind) ? [index] : []));
      const byQuantity = new Map<string, Figure[]>();
      for (const figure of figuresIn(document, doc, paragraphs)) {
        if (NOT_ACROSS.has(figure.quantity) || figure.value <= 0) continue;
        byQuantity.set(figure.quantity, [...(byQuantity.get(figure.quantity) ?? []), figure]);
      }
      return byQuantity;
    });
    const contexts = new Map<Figure, ReadonlySet<string>>();
    const context = (figure: Figure): ReadonlySet<string> => {
      let words = contexts.get(figure);
      if (!words) contexts.set(figure, (words = contextOf(figure, documents)));
      return words;
    };
    // A passage that holds both and whose own figures the passage rule set side by side for both sources.
    const inPassages = found.filter((d) => d.rule === 'figures');
    const reported = (x: Figure, y: Figure): boolean =>
      inPassages.some((d) => d.evidence?.quantity === x.quantity && placeOf(x).includes(d.group) && placeOf(y).includes(d.group) && [x.doc, y.doc].every((doc) => d.spans.some((span) => span.doc === doc)));
    const sameThing = (a: Figure, b: Figure): boolean => {
      const ratio = ratioOf(a, b);
      if (ratio > MOST_APART) return false;
      // Figures in different passages are of one thing only if they name whom they are of alike:
      // "Hansbrough now has 2,301 career points" is not "Ford finished his career with 2,290 points",
      // nor "Earl Clark finished with 25 points" a count with no name.
      if (!sameOwners(a, b, documents, true)) return false;
      // Money names no thing counted: what it paid for must be said by both ("a $43,000 Rolex watch").
      if (ratio <= CLOSE && Math.min(a.value, b.value) >= CLOSE_FROM && !BARE_UNITS.has(a.quantity)) return true;
      const other = context(b);
      return [...context(a)].some((word) => other.has(word));
    };
    for (let a = 0; a < documents.length; a++) {
      for (let b = a + 1; b < documents.length; b++) {
        for (const [quantity, mine] of byDoc[a]!) {
          const theirs = byDoc[b]!.get(quantity);
          if (!theirs) continue;
          let best: { x: Figure; y: Figure; ratio: number } | undefined;
          for (const x of mine) {
            if (theirs.some((y) => consistent(x, y) && sameThing(x, y))) continue;
            for (const y of theirs) {
              if (mine.some((other) => consistent(other, y) && sameThing(other, y))) continue;
              if (placeOf(x).length === 0 && placeOf(y).length === 0) continue;
              if (reported(x, y)) continue;
              if (!sameThing(x, y)) continue;
              const ratio = ratioOf(x, y);
              if (!best || ratio < best.ratio) best = { x, y, ratio };
            }
          }
          if (!best) continue;
          // The figure in a passage comes first: the difference is that passage's.
          const [first, second] = placeOf(best.x).length > 0 ? [best.x, best.y] : [best.y, best.x];
          const group = placeOf(first).find((id) => placeOf(second).includes(id)) ?? placeOf(first)[0]!;
          const figure = (f: Figure): DifferenceFigure => ({
            doc: f.doc,
            value: f.value,
            text: shown(f),
            ...(f.attribution ? { attribution: f.attribution } : {}),
            outlier: false,
            ...(f.unit ? { unit: f.unit } : {}),
            group: placeOf(f).includes(group) ? group : (placeOf(f)[0] ?? ''),
          });
          differences.push({
            group,
            kind: 'figure',
            spans: [first, second].map((f) => ({ doc: f.doc, start: f.start, end: f.end })),
            rule: 'figures-across',
            sides: [hasSide(first.doc, [{ text: shown(first) }]), hasSide(second.doc, [{ text: shown(second) }])],
            evidence: { quantity, counted: first.counted, figures: [figure(first), figure(second)] },
          });
        }
      }
    }
    return differences;
  },
};

/** Each grouped paragraph ("doc:paragraph") with the ids of the passages that hold it. */
function placesOf(groups: readonly AlignmentGroup[]): Places {
  const places = new Map<string, string[]>();
  for (const group of groups) {
    for (const member of group.members) {
      for (const paragraph of member.paragraphs) {
        const key = `${member.doc}:${paragraph}`;
        places.set(key, [...(places.get(key) ?? []), group.id]);
      }
    }
  }
  return places;
}
