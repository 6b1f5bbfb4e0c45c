import { describe, expect, it } from 'vitest';
import type { AlignmentGroup, Comparison, SentenceLink, SourceDocument } from '../../src/shared/contract/comparison';
import { BASIS_TEXT, groupOfBadge, groupReasons, percentOf, trimSentence } from '../../src/renderer/src/lib/groupReasons';
import { sourceLabels } from '../../src/renderer/src/lib/sourceLabel';
import { source } from './sources';


/** The span of `sentence` in document `doc` (it must occur there). */
function span(docs: readonly SourceDocument[], doc: number, sentence: string) {
  const start = docs[doc]!.text.indexOf(sentence);
  if (start < 0) throw new Error(`"${sentence}" is not in ${docs[doc]!.label}`);
  return { doc, start, end: start + sentence.length };
}

// Three invented reports of a ferry held in port by fog.
const a = source('Harbour Gazette', ['Fog holds ferry in port', 'The morning ferry stayed in port for six hours as fog closed the strait, the operator said. Ninety passengers waited.']);
const b = source('Strait Times', ['Ferry kept in port by thick fog', 'Thick fog kept the morning ferry in port for six hours, according to the operator. Passengers waited in the terminal.']);
const c = source('Coastal Wire', ['Fog delays strait crossing', 'The morning ferry stayed in port for six hours as fog closed the strait, the operator said.']);
const documents = [a, b, c];

const links: SentenceLink[] = [
  { spans: [span(documents, 0, 'Fog holds ferry in port'), span(documents, 1, 'Ferry kept in port by thick fog')], score: 1, basis: 'headlines', terms: ['fog', 'ferry', 'port'] },
  {
    spans: [span(documents, 0, 'The morning ferry stayed in port for six hours as fog closed the strait, the operator said.'), span(documents, 1, 'Thick fog kept the morning ferry in port for six hours, according to the operator.')],
    score: 0.734,
    basis: 'leads',
    terms: ['six hours', 'ferry', 'fog', 'operator'],
  },
  { spans: [span(documents, 0, 'Ninety passengers waited.'), span(documents, 1, 'Passengers waited in the terminal.')], score: 0.41, basis: 'words', terms: ['passengers', 'waited'] },
  // Made before the core filled in terms and basis: both missing.
  { spans: [span(documents, 1, 'Thick fog kept the morning ferry in port for six hours, according to the operator.'), span(documents, 2, 'The morning ferry stayed in port for six hours as fog closed the strait, the operator said.')], score: 0.72 },
];

const group: AlignmentGroup = { id: 'g1', score: 0.8, members: [{ doc: 0, paragraphs: [0, 1] }, { doc: 1, paragraphs: [0, 1] }, { doc: 2, paragraphs: [1] }], sentences: links };
const identical: AlignmentGroup = { id: 'g2', score: 1, members: [{ doc: 0, paragraphs: [1] }, { doc: 2, paragraphs: [1] }] };
const comparison: Comparison = { schema: 'parallax.comparison/1', documents, groups: [group, identical], differences: [] };

const names = sourceLabels(documents, false);
const blind = sourceLabels(documents, true);

describe('groupReasons: why a passage was formed', () => {
  it('lists the links strongest first, with both sources, both sentences, the score as a percentage, the shared words and the basis in words', () => {
    const reasons = groupReasons(group, comparison, names.label);
    expect(reasons.identical).toBe(false);
    expect(reasons.total).toBe(4);
    expect(reasons.more).toBe(0);
    expect(reasons.rows.map((row) => row.percent)).toEqual([100, 73, 72, 41]);
    const [headline, lead, unlabelled, words] = reasons.rows;
    expect(headline).toMatchObject({
      from: { doc: 0, label: 'Harbour Gazette', text: 'Fog holds ferry in port', cut: false },
      to: { doc: 1, label: 'Strait Times', text: 'Ferry kept in port by thick fog' },
      terms: ['fog', 'ferry', 'port'],
      basis: 'headlines',
      basisText: 'Both are headlines',
    });
    expect(lead?.basisText).toBe('Both lead their stories');
    expect(words?.basisText).toBe('Shared words');
    expect(words?.to.text).toBe('Passengers waited in the terminal.');
    // A link without the newer fields shows what it has.
    expect(unlabelled).toMatchObject({ from: { label: 'Strait Times' }, to: { label: 'Coastal Wire' }, terms: [] });
    expect(unlabelled).not.toHaveProperty('basis');
    expect(unlabelled).not.toHaveProperty('basisText');
    expect(new Set(reasons.rows.map((row) => row.key)).size).toBe(4);
  });

  it('hides the outlets in blind mode, and only there', () => {
    const shown = groupReasons(group, comparison, blind.label);
    expect(shown.rows.flatMap((row) => [row.from.label, row.to.label])).toEqual(['Source A', 'Source B', 'Source A', 'Source B', 'Source B', 'Source C', 'Source A', 'Source B']);
    expect(JSON.stringify(shown)).not.toMatch(/Gazette|Strait Times|Coastal Wire/);
  });

  it('shows the strongest few and counts the rest ("and N more")', () => {
    const two = groupReasons(group, comparison, names.label, { limit: 2 });
    expect(two.rows.map((row) => row.percent)).toEqual([100, 73]);
    expect(two.more).toBe(2);
    expect(two.total).toBe(4);
    // Many links: five by default.
    const many: AlignmentGroup = { ...group, sentences: Array.from({ length: 9 }, (_, i) => ({ ...links[2]!, score: i / 10 })) };
    const five = groupReasons(many, comparison, names.label);
    expect(five.rows).toHaveLength(5);
    expect(five.more).toBe(4);
    expect(five.rows.map((row) => row.percent)).toEqual([80, 70, 60, 50, 40]);
  });

  it('says a group with no sentence links is identical paragraphs', () => {
    expect(groupReasons(identical, comparison, names.label)).toEqual({ identical: true, rows: [], more: 0, total: 0 });
    expect(groupReasons({ ...identical, sentences: [] }, comparison, names.label).identical).toBe(true);
  });

  it('trims long sentences at a word with an ellipsis, and lists at most a few shared words, once each', () => {
    const long = groupReasons(group, comparison, names.label, { maxChars: 40, maxTerms: 2 });
    const lead = long.rows[1]!;
    expect(lead.from.cut).toBe(true);
    expect(lead.from.text).toBe('The morning ferry stayed in port for…');
    expect(lead.from.text.length).toBeLessThanOrEqual(40);
    expect(lead.terms).toEqual(['six hours', 'ferry']);
    const doubled = groupReasons({ ...group, sentences: [{ ...links[0]!, terms: ['fog', ' fog ', '', 'port'] }] }, comparison, names.label);
    expect(doubled.rows[0]!.terms).toEqual(['fog', 'port']);
  });

  it('finds a group from its badge, by place or by id', () => {
    expect(groupOfBadge(comparison, { id: 'g2', number: 2 })).toBe(identical);
    expect(groupOfBadge(comparison, { id: 'g1', number: 7 })).toBe(group);
    expect(groupOfBadge(comparison, { id: 'nope', number: 1 })).toBeUndefined();
  });
});

describe('the pieces', () => {
  it('percentOf rounds and clamps', () => {
    expect([percentOf(0.734), percentOf(0.735), percentOf(1.2), percentOf(-1), percentOf(Number.NaN)]).toEqual([73, 74, 100, 0, 0]);
  });

  it('trimSentence tidies whitespace, keeps short text whole, cuts at a word without dangling punctuation', () => {
    expect(trimSentence('  Fog\n\tclosed   the strait. ', 80)).toEqual({ text: 'Fog closed the strait.', cut: false });
    expect(trimSentence('Fog closed the strait, the operator said.', 24)).toEqual({ text: 'Fog closed the strait…', cut: true });
    // One very long word is cut inside it rather than dropped.
    expect(trimSentence('Supercalifragilisticexpialidocious', 10)).toEqual({ text: 'Supercali…', cut: true });
  });

  it('has a plain phrase for every basis', () => {
    expect(BASIS_TEXT).toEqual({ headlines: 'Both are headlines', leads: 'Both lead their stories', words: 'Shared words' });
  });
});
