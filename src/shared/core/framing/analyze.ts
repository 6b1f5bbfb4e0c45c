/**
 * The engine of the analysis: it prepares a passage once (passage.ts), runs the rules of
 * rules/index.ts on it in order (rule.ts says what a rule is), and gathers what they find: a
 * change of wording inside a quotation or a figure another rule reports is not marked again, the
 * same difference found twice (a paragraph merged into two members) is one, a source's dateline is
 * never marked, and a difference a source repeats is said once with every span.
 *
 * Pure: no Node, no DOM.
 */
import type { AlignmentGroup, Difference, DifferenceRule, SourceDocument, TextSpan, UniqueParagraph } from '../../contract/comparison.js';
import type { WordingOptions } from '../wording.js';
import type { Figure } from './figures.js';
import type { LexiconIndex } from './lexicon-index.js';
import { preparePassage, type Passage, type PreparedPair } from './passage.js';
import type { Change, ChangeRule, ComparisonRule, PassageRule, Rule } from './rule.js';
import { RULES } from './rules/index.js';

export interface AnalysisOptions extends WordingOptions {
  readonly lexicon: LexiconIndex;
  /** The rules to run, in order: those of rules/index.ts unless told (tests run one alone). */
  readonly rules?: readonly Rule[];
}

/** What the analysis of one group found, beyond its differences: the figures, for the claims table. */
export interface GroupAnalysis {
  readonly differences: Difference[];
  readonly figures: readonly Figure[];
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

const overlaps = (x: TextSpan, y: TextSpan): boolean => x.doc === y.doc && x.start < y.end && y.start < x.end;

const changeRules = (rules: readonly Rule[]): ChangeRule[] => rules.filter((rule): rule is ChangeRule => rule.scope === 'change');
const passageRules = (rules: readonly Rule[]): PassageRule[] => rules.filter((rule): rule is PassageRule => rule.scope === 'passage');

/**
 * The change rules on every change of every pair, pair by pair and change by change, each change
 * told whether a rule before explained it. A pair too long to diff is one change with no hunk.
 */
function changeDifferences(passage: Passage, pair: PreparedPair, rules: readonly ChangeRule[]): Difference[] {
  const out: Difference[] = [];
  const run = (change: Omit<Change, 'explained'>): void => {
    let explained = false;
    for (const rule of rules) {
      // A literal of one shape, not a spread: V8 copies a spread object on a slow path, and this
      // runs for every rule on every change (about a tenth of a long comparison's analysis, issue 13).
      const found = rule.find({ passage: change.passage, pair: change.pair, hunk: change.hunk, termsA: change.termsA, termsB: change.termsB, explained });
      out.push(...found.differences);
      explained ||= found.explained;
    }
  };
  if (!pair.hunks) {
    run({ passage, pair, hunk: null, termsA: [], termsB: [] });
    return out;
  }
  const inside = (match: { from: number; to: number }, from: number, to: number): boolean => match.from < to && match.to > from;
  for (const hunk of pair.hunks) {
    run({
      passage,
      pair,
      hunk,
      termsA: pair.a.terms.filter((match) => inside(match, hunk.a0, hunk.a1)),
      termsB: pair.b.terms.filter((match) => inside(match, hunk.b0, hunk.b1)),
    });
  }
  return out;
}

/**
 * Every classified difference inside one group: the rules of the registry (or those given) on its
 * changes and on the passage, gathered. Wording differences that fall inside a quotation or a
 * figure already reported are dropped, and so is an added clause that is such a quotation, or a
 * fact left out that a label stands for.
 */
export function analyzeGroup(documents: readonly SourceDocument[], group: AlignmentGroup, options: AnalysisOptions): GroupAnalysis {
  const rules = options.rules ?? RULES;
  const passage = preparePassage(documents, group, options);
  const onChanges = changeRules(rules);
  const changes = passage.pairs.flatMap((pair) => changeDifferences(passage, pair, onChanges));
  const found = passageRules(rules).map((rule) => rule.find(passage));
  const whole = found.flatMap((findings) => findings.differences);
  // Quotations (those set against a paraphrase, and those only their source gives) and figures:
  // no change of wording is marked inside them.
  const quoteSpans = [...whole.filter((difference) => difference.kind === 'quote').flatMap((difference) => difference.spans), ...found.flatMap((findings) => findings.unmarked ?? [])];
  const figureSpans = whole.filter((difference) => difference.kind === 'figure').flatMap((difference) => difference.spans);
  const kept = changes.filter(
    (difference) =>
      difference.kind !== 'wording' ||
      !difference.spans.every((span) => quoteSpans.some((q) => overlaps(q, span)) || figureSpans.some((f) => span.start >= f.start && span.end <= f.end && f.doc === span.doc)),
  );
  // A fact one source gives that a label of the other stands for is the label's difference.
  const labelSpans = kept.filter((difference) => difference.kind === 'label').flatMap((difference) => difference.spans);
  const fresh = whole.filter((difference) => difference.kind !== 'omission' || !difference.spans.every((span) => labelSpans.some((l) => overlaps(l, span))));
  // A sentence one source adds that is a quotation already reported as a quote is not also an omission.
  const quoted = kept.filter((difference) => difference.kind === 'omission').filter((difference) => difference.spans.every((span) => quoteSpans.some((q) => overlaps(q, span))));
  // The same difference found in two overlapping members (a paragraph merged into two) is one; and
  // so is a clause several sources tell and one leaves out, found from each of them (the same
  // sources on each side).
  const seen = new Set<string>();
  const clauseKey = (difference: Difference): string | undefined =>
    difference.rule === 'clause-one-side' && (difference.sides?.length ?? 0) > 2
      ? `clause|${(difference.sides ?? []).map((side) => `${side.part}:${side.doc}`).sort().join(',')}`
      : undefined;
  const unique = [...kept.filter((difference) => !quoted.includes(difference)), ...fresh].filter((difference) => {
    const key = `${difference.kind}|${difference.spans.map((span) => `${span.doc}:${span.start}-${span.end}`).sort().join(',')}`;
    const clause = clauseKey(difference);
    if (seen.has(key) || (clause !== undefined && seen.has(clause))) return false;
    seen.add(key);
    if (clause !== undefined) seen.add(clause);
    return true;
  });
  // Datelines are never marks.
  const datelines = group.members
    .flatMap((member) =>
      member.paragraphs.map((p) => {
        const paragraph = documents[member.doc]!.paragraphs[p]!;
        return { doc: member.doc, start: paragraph.start, end: datelineEnd(documents[member.doc]!.text, paragraph.start, paragraph.end) };
      }),
    )
    .filter((span) => span.end > span.start);
  const outsideDatelines = unique.filter((difference) => !difference.spans.every((span) => datelines.some((d) => d.doc === span.doc && span.start >= d.start && span.end <= d.end)));
  return { differences: mergeRepeated(outsideDatelines), figures: passage.figures };
}

/**
 * The differences of a whole comparison, by the registry's comparison rules (or those given): what
 * no group holds (a paragraph only one source has, and with `lexicon` the loaded words in it), and
 * what only the passages together show (figures for one quantity that no passage sets side by
 * side; without `groups`, nothing). `found` is what the passage rules found in `groups`.
 */
export function analyzeComparison(
  documents: readonly SourceDocument[],
  unique: readonly UniqueParagraph[],
  rules: readonly Rule[] = RULES,
  groups: readonly AlignmentGroup[] = [],
  found: readonly Difference[] = [],
  lexicon?: LexiconIndex,
): Difference[] {
  return rules.filter((rule): rule is ComparisonRule => rule.scope === 'comparison').flatMap((rule) => rule.find({ documents, unique, groups, found, ...(lexicon ? { lexicon } : {}) }));
}

/**
 * Rules whose difference is the same words whichever sources use them ("said (neutral) → claimed
 * (doubt) · Reporting verbs"): found between two other sources, the other way round, or by the
 * other of the two rules (in a word diff, or sentence by sentence), it is the same difference.
 */
const SAME_WHOEVER: ReadonlySet<DifferenceRule> = new Set<DifferenceRule>(['set-contrast', 'verb-contrast']);

/**
 * What a classified difference says, whatever its spans: its kind, rule, set, sides and evidence
 * (the strength of a sentence link aside, which differs between two copies of one sentence).
 */
function contentKey(difference: Difference): string {
  const { kind, rule, set, evidence } = difference;
  // …and either way round: "said → threatened" between two sources is "threatened → said" between two others.
  if (rule && SAME_WHOEVER.has(rule)) return JSON.stringify([kind, 'contrast', set?.id, (difference.sides ?? []).map((side) => JSON.stringify(side.terms)).sort()]);
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

/** The loaded-word rules whose marks are one word of one source (a contrast of two words of a set is not). */
const ONE_WORD_RULES: ReadonlySet<DifferenceRule> = new Set<DifferenceRule>(['loaded-word', 'loaded-word-quoted', 'loaded-word-shared', 'loaded-word-alone']);

/**
 * A loaded word that every source uses somewhere is the story's own word ("the talking points" of
 * a story about them, "flaw" in reports of a software flaw): a reader is shown it once in each
 * source, at its first mark there, and not again in every passage after (a story about talking
 * points had 30 marks of them). A difference is left out when each of its marks is such a word
 * already marked earlier in its source; one with a first mark stays whole. O(D + S·W) for D
 * differences, S sources and W distinct marked words.
 */
export function storyWordsOnce(documents: readonly SourceDocument[], differences: readonly Difference[]): Difference[] {
  const wordOf = (span: TextSpan): string => (documents[span.doc]?.text.slice(span.start, span.end) ?? '').toLowerCase();
  const first = new Map<string, number>();
  const words = new Set<string>();
  for (const difference of differences) {
    if (difference.kind !== 'loaded-term' || !difference.rule || !ONE_WORD_RULES.has(difference.rule)) continue;
    for (const span of difference.spans) {
      const word = wordOf(span);
      words.add(word);
      const key = `${span.doc}\u0000${word}`;
      const earliest = first.get(key);
      if (earliest === undefined || span.start < earliest) first.set(key, span.start);
    }
  }
  const lowered = documents.map((document) => document.text.toLowerCase());
  const usedByEvery = new Set<string>();
  for (const word of words) {
    if (word.length > 0 && lowered.every((text) => containsWord(text, word))) usedByEvery.add(word);
  }
  if (usedByEvery.size === 0) return [...differences];
  return differences.filter((difference) => {
    if (difference.kind !== 'loaded-term' || !difference.rule || !ONE_WORD_RULES.has(difference.rule) || difference.spans.length === 0) return true;
    return difference.spans.some((span) => {
      const word = wordOf(span);
      return !usedByEvery.has(word) || first.get(`${span.doc}\u0000${word}`) === span.start;
    });
  });
}

/** Whether `text` has `word` as a whole word (not inside another: "plan" is not in "planet"). */
function containsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1];
    const after = text[at + word.length];
    if ((before === undefined || !/[\p{L}\p{N}]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) return true;
  }
  return false;
}
