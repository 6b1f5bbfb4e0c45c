import { describe, expect, it } from 'vitest';
import { parseLexicon, withIncludedSets, type Lexicon } from '../../src/shared/contract/lexicon';
import { compareDocuments } from '../../src/shared/core/compare';
import { countDifferences, isMarkedInText } from '../../src/shared/core/counts';
import { describeDifference, withDescriptions } from '../../src/shared/core/describe';
import { makeSourceDocument } from '../../src/shared/core/document';
import { formatComparison } from '../../src/shared/core/format';
import { indexComparison, splitAtDifferences } from '../../src/renderer/src/lib/comparisonIndex';
import { coverage } from '../../src/renderer/src/lib/coverage';
import { countByKind, differenceEntries, listedDifferenceCount } from '../../src/renderer/src/lib/differenceList';
import { eventRows } from '../../src/renderer/src/lib/eventRows';
import { neutralLabel, sourceLabels } from '../../src/renderer/src/lib/sourceLabel';
import amberline from '../../resources/samples/amberline-wire.txt?raw';
import harlowmere from '../../resources/samples/harlowmere-lantern.txt?raw';
import quillon from '../../resources/samples/quillon-dispatch.txt?raw';
import veskin from '../../resources/samples/veskin-valley-courier.txt?raw';
import defaultLexiconText from '../../resources/lexicon/default.json?raw';
import evaluativeText from '../../resources/lexicon/evaluative.json?raw';
import inducedText from '../../resources/lexicon/induced.json?raw';

/**
 * The app's differences list counts and words the differences as the command line, its JSON and
 * the report do (tests/unit/counts.test.ts checks those against each other), on the bundled sample:
 * four invented articles, classified with the default lexicon.
 */
function lexicon(): Lexicon {
  const parse = (text: string): Lexicon => {
    const parsed = parseLexicon(JSON.parse(text));
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    return parsed.lexicon;
  };
  const joined = withIncludedSets(parse(defaultLexiconText), [
    { file: 'evaluative.json', lexicon: parse(evaluativeText) },
    { file: 'induced.json', lexicon: parse(inducedText) },
  ]);
  if (!joined.ok) throw new Error(joined.problems.join('; '));
  return joined.lexicon;
}

const documents = [
  ['amberline-wire.txt', amberline],
  ['harlowmere-lantern.txt', harlowmere],
  ['quillon-dispatch.txt', quillon],
  ['veskin-valley-courier.txt', veskin],
].map(([path, text]) => makeSourceDocument({ path: path!, text: text! }));
const comparison = compareDocuments(documents, { lexicon: lexicon() });
const counts = countDifferences(comparison);
const index = indexComparison(comparison);
const rows = eventRows(comparison, index);

describe('the differences list of the app', () => {
  it('counts what countDifferences counts, as the toolbar does', () => {
    const entries = differenceEntries(comparison, rows);
    expect(counts.classified).toBeGreaterThan(10);
    expect(entries).toHaveLength(counts.total);
    expect(countByKind(entries)).toEqual(counts.byKind);
    expect(index.kindCounts).toEqual(counts.byKind);
  });

  it('gives each difference in the words of the command line and its JSON', () => {
    const entries = differenceEntries(comparison, rows);
    const json = withDescriptions(comparison);
    for (const entry of entries) expect(entry.description).toBe(json.differences[entry.index]!.description);
    const classified = entries.filter((entry) => entry.kind !== 'wording').map((entry) => `${entry.kind}: ${entry.description}`);
    const text = formatComparison(comparison, { width: 100_000 });
    const listed = [...text.matchAll(/^ {4}([a-z-]+) +(.+)$/gm)].filter((m) => m[1]! in counts.byKind).map((m) => `${m[1]}: ${m[2]}`);
    const spaced = (line: string): string => line.replace(/\s+/g, ' ').trim();
    expect(listed.map(spaced).sort()).toEqual(classified.map(spaced).sort());
  });

  it('in blind mode, names the sources Source A to D and never by their labels', () => {
    const blind = differenceEntries(comparison, rows, sourceLabels(comparison.documents, true).describe);
    expect(blind).toHaveLength(counts.total);
    const labels = comparison.documents.map((document) => document.label);
    expect(labels).toEqual(['Amberline Wire', 'Harlowmere Lantern', 'Quillon Dispatch', 'Veskin Valley Courier']);
    for (const entry of blind) {
      expect(entry.description).toBe(describeDifference(comparison.differences[entry.index]!, neutralLabel));
      for (const label of labels) expect(entry.description).not.toContain(label);
    }
    expect(blind.some((entry) => /Source [A-D]/.test(entry.description))).toBe(true);
    // Whole paragraphs only one source has are not in the list; they are tagged where they stand.
    expect(blind.every((entry) => isMarkedInText(comparison.differences[entry.index]!))).toBe(true);
    expect(comparison.differences.some((difference) => !isMarkedInText(difference))).toBe(true);
  });
});

describe('a loaded word in a paragraph only one source has, in the app', () => {
  // An invented story told by two outlets; the last paragraph is only the Pier Post's.
  const STORY = [
    'Ferry service halted after storm damages pier in Pellbrook',
    'The Ostrander Ferries service between Pellbrook and Carrow Island was halted on Thursday after a storm damaged the main pier.',
    'Harbour master Tamsin Vell said repairs would take at least two weeks and cost about 40,000 pounds.',
    'Residents of Carrow Island rely on the ferry for food deliveries, school trips and hospital visits.',
  ];
  const CHARGED = 'Councillor Brannagh Lott slammed the ferry operator over the delay, and the operator claimed the pier had been inspected in the spring.';
  const story = compareDocuments(
    [
      makeSourceDocument({ path: '/news/pier-post.txt', text: `${[...STORY, CHARGED].join('\n\n')}\n` }),
      makeSourceDocument({ path: '/news/island-times.txt', text: `${STORY.join('\n\n')}\n` }),
    ],
    { lexicon: lexicon() },
  );
  const storyIndex = indexComparison(story);
  const storyRows = eventRows(story, storyIndex);
  const alone = story.differences.flatMap((difference, i) => (difference.rule === 'loaded-word-alone' ? [i] : []));
  const paragraph = story.documents[0]!.paragraphs.findIndex((block) => story.documents[0]!.text.slice(block.start, block.end) === CHARGED);
  const row = storyRows.findIndex((r) => r.key === `u:0:${paragraph}`);

  it('is listed, in the row of its paragraph, and the list counts what the toolbar counts', () => {
    expect(alone).toHaveLength(2);
    expect(row).toBeGreaterThanOrEqual(0);
    const entries = differenceEntries(story, storyRows);
    const storyCounts = countDifferences(story);
    expect(entries).toHaveLength(storyCounts.total);
    expect(listedDifferenceCount(story)).toBe(storyCounts.total);
    expect(storyIndex.differenceTotal).toBe(storyCounts.total);
    expect(entries.filter((entry) => alone.includes(entry.index)).map((entry) => [entry.row, entry.excerpts[0]!.text])).toEqual([
      [row, 'slammed'],
      [row, 'claimed'],
    ]);
  });

  it('is marked in the paragraph’s column, and counted in its row of the coverage map', () => {
    const block = story.documents[0]!.paragraphs[paragraph]!;
    const runs = splitAtDifferences(story.documents[0]!.text, block.start, block.end, storyIndex.differenceSpans[0]!);
    expect(runs.filter((run) => run.marked).map((run) => `${run.kind}: ${run.text}`)).toEqual(['loaded-term: slammed', 'loaded-term: claimed']);
    expect(coverage(story, storyRows)[row]!.map((cell) => cell.differs)).toEqual([2, 0]);
  });
});
