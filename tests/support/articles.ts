import type { Comparison, Difference, DifferenceRule, SourceDocument, TextSpan } from '../../src/shared/contract/comparison.js';
import type { Lexicon } from '../../src/shared/contract/lexicon.js';
import { alignDocuments } from '../../src/shared/core/align.js';
import { compareDocuments, type CompareOptions } from '../../src/shared/core/compare.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';
import { analyzeGroup } from '../../src/shared/core/framing/analyze.js';
import { indexLexicon } from '../../src/shared/core/framing/lexicon-index.js';
import type { Rule } from '../../src/shared/core/framing/rule.js';
import { defaultLexicon } from './seeds.js';

/**
 * Short articles written for the tests of the analysis's rules: every outlet, person and place in
 * them is invented. Each article is a headline and its paragraphs, keyed by the outlet's file name.
 */
export type Articles = Readonly<Record<string, readonly string[]>>;

/** The documents of some articles, as `parallax compare` reads .txt files. */
export function articleDocuments(articles: Articles): SourceDocument[] {
  return Object.entries(articles).map(([name, [headline, ...paragraphs]]) =>
    makeSourceDocument({ path: `/news/${name}.txt`, text: `${headline}\n\n${paragraphs.join('\n\n')}\n` }),
  );
}

/** The whole comparison of some articles, with the default lexicon unless told. */
export function compareArticles(articles: Articles, options: CompareOptions = {}): Comparison {
  return compareDocuments(articleDocuments(articles), { lexicon: defaultLexicon(), ...options });
}

/**
 * What the given rules alone find in the passages of some articles (aligned as a comparison aligns
 * them), through the engine: a rule tested without the others.
 */
export function findAlone(articles: Articles, rules: readonly Rule[], lexicon: Lexicon = defaultLexicon()): { documents: SourceDocument[]; differences: Difference[] } {
  const documents = articleDocuments(articles);
  const index = indexLexicon(lexicon);
  const differences = alignDocuments(documents).flatMap((group) => analyzeGroup(documents, group, { lexicon: index, rules }).differences);
  return { documents, differences };
}

/** The differences a rule found. */
export const byRule = (differences: readonly Difference[], rule: DifferenceRule): Difference[] => differences.filter((difference) => difference.rule === rule);

/** The text a span covers. */
export const spanText = (documents: readonly SourceDocument[], span: TextSpan): string => documents[span.doc]!.text.slice(span.start, span.end);

/** Each difference as "rule: “span” “span”", to read in a failing test. */
export const listed = (documents: readonly SourceDocument[], differences: readonly Difference[]): string =>
  differences.map((d) => `${d.rule}: ${d.spans.map((s) => `“${spanText(documents, s)}”`).join(' ')}`).join('\n');

/** An invented story, told by two outlets: a headline and four paragraphs. */
export const FERRY = [
  'Ferry service halted after storm damages pier in Pellbrook',
  'The Ostrander Ferries service between Pellbrook and Carrow Island was halted on Thursday after a storm damaged the main pier.',
  'Harbour master Tamsin Vell said repairs would take at least two weeks and cost about 40,000 pounds.',
  'Residents of Carrow Island rely on the ferry for food deliveries, school trips and hospital visits.',
  'The council will meet on Monday to discuss a temporary landing stage near the old boathouse.',
] as const;

/** The story with some of its paragraphs (by index: 0 is the headline) told otherwise. */
export function ferry(changes: Readonly<Record<number, string>> = {}, extra: readonly string[] = []): string[] {
  return [...FERRY.map((paragraph, i) => changes[i] ?? paragraph), ...extra];
}
