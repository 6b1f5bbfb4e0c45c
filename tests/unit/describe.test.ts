import { describe, expect, it } from 'vitest';
import { COMPARISON_SCHEMA, DIFFERENCE_RULES, type Comparison, type Difference, type DifferenceRule, type DifferenceSide } from '../../src/shared/contract/comparison.js';
import { describeDifference, labelNamer, TOO_LONG_DESCRIPTION, withDescriptions } from '../../src/shared/core/describe.js';

/**
 * The describer: each rule's difference in the words people know, with the sources named only
 * through the namer it is given. Three invented outlets; the sentences are what the command line,
 * the app and the report show.
 */
const LABELS = ['Tarn Herald', 'Brisk Post', 'Wold Courier'];
const named = (doc: number): string => LABELS[doc]!;
const blind = (doc: number): string => `Source ${'ABC'[doc]}`;

const has = (doc: number, ...terms: (string | DifferenceSide['terms'][number])[]): DifferenceSide => ({
  doc,
  part: 'has',
  terms: terms.map((term) => (typeof term === 'string' ? { text: term } : term)),
});
const side = (doc: number, part: DifferenceSide['part']): DifferenceSide => ({ doc, part, terms: [] });
const span = { doc: 0, start: 0, end: 4 };
const VERBS = { id: 'reporting-verbs', name: 'Reporting verbs' };

interface Example {
  readonly rule: DifferenceRule;
  readonly difference: Omit<Difference, 'rule' | 'group' | 'spans'> & { group?: string };
  /** The sentence, given how sources are named. */
  readonly says: (name: (doc: number) => string) => string;
  /** Whether the sentence names the sources (a change of words alone does not). */
  readonly namesSources: boolean;
  /** The sources it names, when not every source of its sides. */
  readonly names?: readonly number[];
}

const EXAMPLES: readonly Example[] = [
  { rule: 'too-long', difference: { kind: 'wording', sides: [has(0), has(1)], tooLong: true }, says: () => TOO_LONG_DESCRIPTION, namesSources: false },
  {
    rule: 'set-contrast',
    difference: { kind: 'attribution', sides: [has(0, { text: 'said', set: 'reporting-verbs', tone: 'neutral' }), has(1, { text: 'claimed', set: 'reporting-verbs', tone: 'doubt' })], set: VERBS },
    says: () => 'said (neutral) → claimed (doubt) · Reporting verbs',
    namesSources: false,
  },
  {
    rule: 'set-contrast',
    difference: {
      kind: 'loaded-term',
      sides: [has(0, { text: 'hostages', set: 'captives' }, { text: 'hostages', set: 'captives' }), has(1, { text: 'prisoners', set: 'captives', tone: 'plain' }, { text: 'detainees', set: 'captives', tone: 'official' })],
      set: { id: 'captives', name: 'People held by the other side' },
    },
    says: () => 'hostages, hostages → prisoners, detainees (plain, official) · People held by the other side',
    namesSources: false,
  },
  {
    rule: 'verb-contrast',
    difference: { kind: 'attribution', sides: [has(0, { text: 'vowed', tone: 'emphasis' }, { text: 'said', tone: 'neutral' }), has(1, { text: 'claimed', tone: 'doubt' })], set: VERBS, evidence: { link: 0.62 } },
    says: () => 'vowed (emphasis), said (neutral) → claimed (doubt) · Reporting verbs',
    namesSources: false,
  },
  {
    rule: 'credit-one-side',
    difference: { kind: 'attribution', sides: [has(1, { text: 'according to', set: 'sourcing' }), side(0, 'lacks')] },
    says: (n) => `${n(1)} credits a source (“according to …”); ${n(0)} states it without one`,
    namesSources: true,
  },
  {
    rule: 'hedge-contrast',
    difference: { kind: 'hedge', sides: [has(0, 'may'), has(1, 'reportedly', 'could')] },
    says: (n) => `${n(0)} hedges with “may”; ${n(1)} with “reportedly, could”`,
    namesSources: true,
  },
  {
    rule: 'hedge-one-side',
    difference: { kind: 'hedge', sides: [has(2, 'may'), side(0, 'lacks')], evidence: { link: 0.55 } },
    says: (n) => `${n(2)} hedges with “may”; ${n(0)} states it plainly`,
    namesSources: true,
  },
  {
    rule: 'label-for-name',
    difference: { kind: 'label', sides: [{ doc: 0, part: 'names', terms: [{ text: 'Harbour Board' }] }, has(1, { text: 'the authority', set: 'institution-labels' })] },
    says: (n) => `${n(0)} names “Harbour Board”; ${n(1)} calls it “the authority”`,
    namesSources: true,
  },
  {
    rule: 'clause-one-side',
    difference: { kind: 'omission', sides: [has(1, 'after a week of rain on the hills above the town'), side(0, 'lacks')] },
    says: (n) => `Only ${n(1)} says “after a week of rain on the hills above the town”; ${n(0)} leaves it out`,
    namesSources: true,
  },
  {
    rule: 'clause-one-side',
    difference: { kind: 'omission', sides: [has(1, 'after a week of rain on the hills above the town'), has(2), side(0, 'lacks')] },
    says: (n) => `${n(1)} and ${n(2)} say “after a week of rain on the hills above the town” (in ${n(1)}'s words); ${n(0)} leaves it out`,
    namesSources: true,
  },
  { rule: 'wording', difference: { kind: 'wording', sides: [has(0, 'rose'), has(1, 'climbed')] }, says: () => 'rose → climbed', namesSources: false },
  { rule: 'wording', difference: { kind: 'wording', sides: [side(0, 'lacks'), has(1, 'sharply')] }, says: (n) => `${n(1)} adds “sharply”`, namesSources: true, names: [1] },
  {
    rule: 'wording',
    difference: { kind: 'wording', sides: [has(0, 'sharply'), side(1, 'lacks')] },
    says: (n) => `${n(0)} has “sharply”; ${n(1)} leaves it out`,
    namesSources: true,
  },
  {
    rule: 'quote',
    difference: {
      kind: 'quote',
      sides: [side(0, 'quotes'), side(1, 'paraphrases'), side(2, 'lacks')],
      evidence: { quote: 'We will not let the harbour close while the boats still need a place to land their catch' },
    },
    says: (n) => `Quoted by ${n(0)}: “We will not let the harbour close while the boats still need a plac…”; paraphrased by ${n(1)}; not in ${n(2)}`,
    namesSources: true,
  },
  {
    rule: 'quote',
    difference: { kind: 'quote', sides: [side(2, 'quotes'), side(0, 'quotes'), side(1, 'paraphrases')], evidence: { quote: 'a fair deal' } },
    says: (n) => `Quoted by ${n(2)}, ${n(0)}: “a fair deal”; paraphrased by ${n(1)}`,
    namesSources: true,
  },
  {
    rule: 'figures',
    difference: {
      kind: 'figure',
      sides: [has(0, '12 people'), has(1, '120 people'), has(2, '14 people')],
      evidence: {
        quantity: 'killed',
        counted: 'killed',
        figures: [
          { doc: 0, value: 12, text: '12 people', outlier: false },
          { doc: 1, value: 120, text: '120 people', attribution: 'according to the police', outlier: true },
          { doc: 2, value: 14, text: '14 people', outlier: false },
        ],
      },
    },
    says: (n) => `Deaths: ${n(0)}: 12 people · ${n(1)}: 120 people (according to the police) · ${n(2)}: 14 people — ${n(1)}'s 120 is far out of line with the others`,
    namesSources: true,
  },
  {
    rule: 'figures',
    difference: {
      kind: 'figure',
      sides: [has(0, '30 boats'), has(2, '40 boats')],
      evidence: {
        quantity: 'boat',
        counted: 'boats',
        figures: [
          { doc: 0, value: 30, text: '30 boats', outlier: false },
          { doc: 2, value: 40, text: '40 boats', outlier: false },
        ],
      },
    },
    says: (n) => `Figures for “boats”: ${n(0)}: 30 boats · ${n(2)}: 40 boats`,
    namesSources: true,
  },
  {
    rule: 'figures-across',
    difference: {
      group: 'g2',
      kind: 'figure',
      sides: [has(0, '5,200 troops'), has(1, 'fewer than 5,000 troops')],
      evidence: {
        quantity: 'troop',
        counted: 'troops',
        figures: [
          { doc: 0, value: 5200, text: '5,200 troops', outlier: false, group: 'g2' },
          { doc: 1, value: 5000, text: 'fewer than 5,000 troops', attribution: 'according to the ministry', outlier: false, group: 'g5' },
        ],
      },
    },
    says: (n) => `${n(0)} gives 5,200 troops; ${n(1)} gives fewer than 5,000 troops (according to the ministry) (in another passage)`,
    namesSources: true,
  },
  {
    rule: 'figures-across',
    difference: {
      group: 'g2',
      kind: 'figure',
      sides: [has(0, '$43,350'), has(2, '$43,000')],
      evidence: {
        quantity: 'dollar',
        counted: 'dollar',
        figures: [
          { doc: 0, value: 43350, text: '$43,350', outlier: false, group: 'g2' },
          { doc: 2, value: 43000, text: '$43,000', outlier: false, group: '' },
        ],
      },
    },
    says: (n) => `${n(0)} gives $43,350; ${n(2)} gives $43,000 (in a paragraph only ${n(2)} has)`,
    namesSources: true,
  },
  {
    rule: 'figure-one-side',
    difference: { kind: 'omission', sides: [has(2, '300 households'), side(0, 'lacks'), side(1, 'lacks')] },
    says: (n) => `Only ${n(2)} gives “300 households”; ${n(0)}, ${n(1)} do not`,
    namesSources: true,
  },
  {
    rule: 'name-one-side',
    difference: { kind: 'omission', sides: [has(0, 'Ferrant Institute'), side(1, 'lacks')] },
    says: (n) => `Only ${n(0)} cites “Ferrant Institute”; ${n(1)} does not`,
    namesSources: true,
  },
  {
    rule: 'loaded-word',
    difference: {
      kind: 'loaded-term',
      sides: [has(0, { text: 'slammed', set: 'charged-verbs', role: 'charged' }), has(1, { text: 'criticized', set: 'charged-verbs', role: 'charged', tone: 'neutral' }), side(2, 'lacks')],
      set: { id: 'charged-verbs', name: 'Charged verbs' },
    },
    says: (n) => `${n(0)} writes “slammed” (charged) where ${n(1)} says “criticized”; the matching sentence in ${n(2)} does not use it · Charged verbs`,
    namesSources: true,
  },
  {
    rule: 'loaded-word',
    difference: {
      kind: 'loaded-term',
      sides: [has(2, { text: 'phony', set: 'judging', role: 'evaluative' }), side(0, 'lacks'), side(1, 'lacks')],
      set: { id: 'judging', name: 'Words that judge' },
    },
    says: (n) => `${n(2)} writes “phony” (a word that judges); the matching sentence in ${n(0)} and ${n(1)} does not use it · Words that judge`,
    namesSources: true,
  },
  {
    rule: 'loaded-word',
    difference: {
      kind: 'loaded-term',
      sides: [has(2, { text: 'phony', set: 'judging', role: 'evaluative' }), has(0, { text: 'phony', set: 'judging', role: 'evaluative' }), side(1, 'lacks')],
      set: { id: 'judging', name: 'Words that judge' },
      evidence: { writers: 2 },
    },
    says: (n) => `${n(2)} and ${n(0)} write “phony” (a word that judges); the matching sentence in ${n(1)} does not use it · Words that judge`,
    namesSources: true,
  },
  {
    rule: 'loaded-word-quoted',
    difference: {
      kind: 'loaded-term',
      sides: [has(0, { text: 'Phony', set: 'judging', role: 'evaluative' }), has(2, { text: 'phony', set: 'judging', role: 'evaluative' }), side(1, 'lacks')],
      set: { id: 'judging', name: 'Words that judge' },
      evidence: { writers: 2 },
    },
    says: (n) => `“Phony” (a word that judges) is in a quotation in ${n(0)} and ${n(2)}, the speaker's word and not the outlet's; the matching sentence in ${n(1)} does not use it · Words that judge`,
    namesSources: true,
  },
  {
    rule: 'loaded-word-quoted',
    difference: {
      kind: 'loaded-term',
      sides: [
        { doc: 0, part: 'has', terms: [{ text: 'reckless', set: 'judging', role: 'evaluative' }, { text: 'cruel', set: 'judging', role: 'evaluative' }] },
        side(1, 'lacks'),
        side(2, 'lacks'),
      ],
      set: { id: 'judging', name: 'Words that judge' },
    },
    says: (n) => `“reckless” and “cruel” (words that judge) are in a quotation in ${n(0)}, the speaker's words and not the outlet's; the matching sentence in ${n(1)} and ${n(2)} does not use them · Words that judge`,
    namesSources: true,
  },
  {
    rule: 'loaded-word-quoted',
    difference: {
      kind: 'loaded-term',
      sides: [has(0, { text: 'disgraceful', set: 'judging', role: 'evaluative', tone: 'scorn' }), has(1, { text: 'blasted', set: 'judging', role: 'charged', tone: 'hostile' })],
      set: { id: 'judging', name: 'Words that judge' },
    },
    says: (n) => `“disgraceful” (scorn) is in a quotation in ${n(0)}, the speaker's word and not the outlet's; ${n(1)} says “blasted” (hostile) · Words that judge`,
    namesSources: true,
  },
  {
    rule: 'scare-quotes',
    difference: { kind: 'loaded-term', sides: [has(1, 'compromise'), side(0, 'plain'), side(2, 'lacks')] },
    says: (n) => `${n(1)} puts “compromise” in scare quotes, holding the word at a distance; ${n(0)} writes it without quotation marks; the matching sentence in ${n(2)} does not use it`,
    namesSources: true,
  },
  {
    rule: 'scare-quotes',
    difference: { kind: 'loaded-term', sides: [has(1, 'potentially suspicious'), has(2, 'potentially suspicious'), side(0, 'lacks')], evidence: { writers: 2 } },
    says: (n) => `${n(1)} and ${n(2)} put “potentially suspicious” in quotation marks (scare quotes, or someone's word for it); the matching sentence in ${n(0)} does not use it`,
    namesSources: true,
  },
  {
    // One source quoting words no other source writes (someone's term, a category): said as either.
    rule: 'scare-quotes',
    difference: { kind: 'loaded-term', sides: [has(1, 'married filing separately'), side(0, 'lacks')] },
    says: (n) => `${n(1)} puts “married filing separately” in quotation marks (scare quotes, or someone's word for it); the matching sentence in ${n(0)} does not use it`,
    namesSources: true,
  },
  {
    rule: 'scare-quotes',
    difference: { kind: 'loaded-term', sides: [has(1, 'reform'), side(0, 'plain'), side(2, 'plain')] },
    says: (n) => `${n(1)} puts “reform” in scare quotes, holding the word at a distance; ${n(0)} and ${n(2)} write it without quotation marks`,
    namesSources: true,
  },
  {
    rule: 'scare-quotes-alone',
    difference: { kind: 'loaded-term', group: '', sides: [has(1, 'prank')] },
    says: (n) => `${n(1)} puts “prank” in quotation marks (scare quotes, or someone's word for it), in a paragraph only ${n(1)} has`,
    namesSources: true,
  },
  {
    rule: 'scare-quotes',
    difference: { kind: 'loaded-term', sides: [has(0, 'students')] },
    says: (n) => `${n(0)} puts “students” in quotation marks (scare quotes, or someone's word for it); no other source tells this sentence`,
    namesSources: true,
  },
  {
    rule: 'paragraph-one-side',
    difference: { kind: 'omission', group: '', sides: [has(0), side(1, 'lacks'), side(2, 'lacks')] },
    says: (n) => `Only ${n(0)} reports this; ${n(1)}, ${n(2)} leave it out`,
    namesSources: true,
  },
  {
    rule: 'paragraph-one-side',
    difference: { kind: 'omission', group: '', sides: [has(2), side(0, 'lacks')] },
    says: (n) => `Only ${n(2)} reports this; ${n(0)} leaves it out`,
    namesSources: true,
  },
  {
    rule: 'loaded-word-shared',
    difference: {
      kind: 'loaded-term',
      sides: [0, 1, 2].map((doc) => has(doc, { text: 'slammed', set: 'charged-verbs', role: 'charged' })),
      set: { id: 'charged-verbs', name: 'Criticism: charged verbs' },
    },
    says: (n) => `${n(0)}, ${n(1)} and ${n(2)} all write “slammed” (charged) · Criticism: charged verbs`,
    namesSources: true,
  },
  {
    rule: 'loaded-word-shared',
    difference: {
      kind: 'loaded-term',
      sides: [has(0, { text: 'witch hunt', set: 'judging', role: 'evaluative' }), { ...has(2, { text: 'witch hunt', set: 'judging', role: 'evaluative' }), part: 'quotes' }],
      set: { id: 'judging', name: 'Words that judge' },
    },
    says: (n) => `${n(0)} writes “witch hunt” (a word that judges); ${n(2)} quotes it · Words that judge`,
    namesSources: true,
  },
  {
    rule: 'loaded-word-alone',
    difference: { kind: 'loaded-term', group: '', sides: [has(1, { text: 'slammed', set: 'charged-verbs', role: 'charged' })], set: { id: 'charged-verbs', name: 'Criticism: charged verbs' } },
    says: (n) => `${n(1)} writes “slammed” (charged), in a paragraph only ${n(1)} has · Criticism: charged verbs`,
    namesSources: true,
  },
  {
    rule: 'loaded-word-alone',
    difference: { kind: 'loaded-term', group: '', sides: [has(2, { text: 'claimed', set: 'reporting-verbs', tone: 'doubt' })], set: VERBS },
    says: (n) => `${n(2)} writes “claimed” (doubt), in a paragraph only ${n(2)} has · Reporting verbs`,
    namesSources: true,
  },
  {
    // The speaker's loaded words of one quotation, as one difference: one set, one kind.
    rule: 'loaded-word-alone',
    difference: {
      kind: 'loaded-term',
      group: '',
      sides: [has(0, { text: 'nastiness', set: 'judging', role: 'evaluative' }, { text: 'spite', set: 'judging', role: 'evaluative' })],
      set: { id: 'judging', name: 'Words that judge' },
      evidence: { quoted: true },
    },
    says: (n) => `“nastiness” and “spite” (words that judge) are in a quotation in ${n(0)}, the speaker's words, in a paragraph only ${n(0)} has · Words that judge`,
    namesSources: true,
  },
  {
    // …of several sets and kinds: each word says what it is, and no one set is named.
    rule: 'loaded-word-quoted',
    difference: {
      kind: 'loaded-term',
      sides: [has(1, { text: 'gaffes', set: 'charged-nouns', role: 'charged' }, { text: 'silly', set: 'judging', role: 'evaluative' }, { text: 'blasted', set: 'charged-verbs', role: 'charged' })],
      set: { id: 'charged-nouns', name: 'What someone said: charged nouns' },
    },
    says: (n) => `“gaffes” (charged), “silly” (a word that judges) and “blasted” (charged) are in a quotation in ${n(1)}, the speaker's words and not the outlet's; no other source tells this sentence`,
    namesSources: true,
  },
];

const differenceOf = (example: Example): Difference => ({ group: 'g1', spans: [span], ...example.difference, rule: example.rule });

describe('describeDifference', () => {
  it('has an example of every rule', () => {
    expect(DIFFERENCE_RULES.filter((rule) => !EXAMPLES.some((example) => example.rule === rule))).toEqual([]);
  });

  for (const example of EXAMPLES) {
    it(`says a ${example.rule} difference as people know it: ${example.says(named)}`, () => {
      expect(describeDifference(differenceOf(example), named)).toBe(example.says(named));
    });
  }

  it('names every source of a difference through the namer, and no other', () => {
    for (const example of EXAMPLES.filter((e) => e.namesSources)) {
      const asked = new Set<number>();
      describeDifference(differenceOf(example), (doc) => {
        asked.add(doc);
        return named(doc);
      });
      const docs = new Set(example.names ?? [...(example.difference.sides ?? []).map((s) => s.doc), ...(example.difference.evidence?.figures ?? []).map((f) => f.doc)]);
      expect([...asked].sort(), example.says(named)).toEqual([...docs].sort());
    }
  });

  it('with a blind namer, gives the neutral names and never lets a real label through', () => {
    for (const example of EXAMPLES) {
      const said = describeDifference(differenceOf(example), blind);
      expect(said).toBe(example.says(blind));
      for (const label of LABELS) expect(said).not.toContain(label);
    }
  });

  it('names at most six sources in a list, and counts the rest', () => {
    const many = (lacking: number): Difference => ({
      group: 'g1',
      kind: 'loaded-term',
      spans: [span],
      rule: 'loaded-word',
      sides: [has(0, { text: 'phony', set: 'judging', role: 'evaluative' }), ...Array.from({ length: lacking }, (_v, i) => side(i + 1, 'lacks'))],
      set: { id: 'judging', name: 'Words that judge' },
    });
    const n = (doc: number): string => `S${doc}`;
    expect(describeDifference(many(6), n)).toBe('S0 writes “phony” (a word that judges); the matching sentence in S1, S2, S3, S4, S5 and S6 does not use it · Words that judge');
    expect(describeDifference(many(21), n)).toBe('S0 writes “phony” (a word that judges); the matching sentence in S1, S2, S3, S4, S5 and 16 others does not use it · Words that judge');
    const left: Difference = { group: 'g1', kind: 'omission', spans: [span], rule: 'figure-one-side', sides: [has(0, '1,000 people'), ...Array.from({ length: 9 }, (_v, i) => side(i + 1, 'lacks'))] };
    expect(describeDifference(left, n)).toBe('Only S0 gives “1,000 people”; S1, S2, S3, S4, S5 and 4 others do not');
  });

  it('gives the note of a difference saved before rules were recorded, or nothing', () => {
    const legacy: Difference = { group: 'g1', kind: 'hedge', spans: [span], note: 'Tarn Herald hedges with “may”; Brisk Post states it plainly' };
    expect(describeDifference(legacy, blind)).toBe('Tarn Herald hedges with “may”; Brisk Post states it plainly');
    expect(describeDifference({ group: 'g1', kind: 'wording', spans: [span] }, named)).toBe('');
    // A rule this version does not know (a later one's) falls back on the note too.
    const later = { group: 'g1', kind: 'wording', spans: [span], rule: 'some-later-rule', note: 'as saved' } as unknown as Difference;
    expect(describeDifference(later, named)).toBe('as saved');
  });
});

describe('withDescriptions', () => {
  it('adds to each difference its description with the sources’ labels (also as the old `note`), and changes nothing else', () => {
    const documents = LABELS.map((label, i) => ({ path: `/news/${i}.txt`, label, title: label, text: 'Rain.', paragraphs: [{ start: 0, end: 5, kind: 'body' as const }], hash: String(i) }));
    const differences = EXAMPLES.map(differenceOf);
    const comparison: Comparison = { schema: COMPARISON_SCHEMA, documents, groups: [], differences };
    const described = withDescriptions(comparison);
    expect(described.differences.map((d) => d.description)).toEqual(EXAMPLES.map((example) => example.says(named)));
    expect(described.differences.map((d) => d.note)).toEqual(described.differences.map((d) => d.description));
    expect(described.differences.map(({ description: _description, note: _note, ...rest }) => rest)).toEqual(differences);
    expect(comparison.differences[0]).not.toHaveProperty('description');
    expect(labelNamer(documents)(1)).toBe('Brisk Post');
  });
});
