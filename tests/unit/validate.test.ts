import { describe, expect, it } from 'vitest';
import { COMPARISON_SCHEMA, type Comparison, type Difference } from '../../src/shared/contract/comparison.js';
import { checkComparison } from '../../src/shared/contract/validate.js';

/**
 * The contract's check of differences: what a difference is (its rule, sides, set, evidence, the
 * too-long flag) must fit its kind and point at sources that exist; older differences with only a
 * note stay valid. Two short invented reports.
 */
const A = 'Ferry delayed\n\nFog closed the strait at dawn, the port said.\n\nOnly here: the mayor spoke.';
const B = 'Ferry held up\n\nFog shut the strait early, the port claimed.';
const paragraphs = (text: string) => {
  const out: { start: number; end: number; kind: 'title' | 'body' }[] = [];
  let start = 0;
  for (const block of text.split('\n\n')) {
    out.push({ start, end: start + block.length, kind: out.length === 0 ? 'title' : 'body' });
    start += block.length + 2;
  }
  return out;
};
const said = A.indexOf('said');
const claimed = B.indexOf('claimed');
const only = A.indexOf('Only here');

const base: Comparison = {
  schema: COMPARISON_SCHEMA,
  documents: [
    { path: '/a.txt', label: 'Kestrel Times', title: 'Ferry delayed', text: A, paragraphs: paragraphs(A), hash: 'a' },
    { path: '/b.txt', label: 'Orbis Daily', title: 'Ferry held up', text: B, paragraphs: paragraphs(B), hash: 'b' },
  ],
  groups: [{ id: 'g1', members: [{ doc: 0, paragraphs: [1] }, { doc: 1, paragraphs: [1] }], score: 0.8 }],
  unique: [{ doc: 0, paragraph: 2 }],
  differences: [
    {
      group: 'g1',
      kind: 'attribution',
      spans: [
        { doc: 0, start: said, end: said + 4 },
        { doc: 1, start: claimed, end: claimed + 7 },
      ],
      rule: 'set-contrast',
      sides: [
        { doc: 0, part: 'has', terms: [{ text: 'said', set: 'reporting-verbs', tone: 'neutral' }] },
        { doc: 1, part: 'has', terms: [{ text: 'claimed', set: 'reporting-verbs', tone: 'doubt' }] },
      ],
      set: { id: 'reporting-verbs', name: 'Reporting verbs' },
      evidence: { link: 0.7 },
      description: 'said (neutral) → claimed (doubt) · Reporting verbs',
    },
    {
      group: '',
      kind: 'omission',
      spans: [{ doc: 0, start: only, end: A.length }],
      rule: 'paragraph-one-side',
      sides: [
        { doc: 0, part: 'has', terms: [] },
        { doc: 1, part: 'lacks', terms: [] },
      ],
    },
    {
      group: 'g1',
      kind: 'wording',
      spans: [{ doc: 0, start: A.indexOf('closed'), end: A.indexOf('closed') + 6 }],
      rule: 'too-long',
      sides: [
        { doc: 0, part: 'has', terms: [] },
        { doc: 1, part: 'has', terms: [] },
      ],
      tooLong: true,
    },
  ],
};

/** The comparison with its first difference changed. */
const withFirst = (change: Partial<Difference> | Record<string, unknown>): unknown => ({ ...base, differences: [{ ...base.differences[0]!, ...change }, ...base.differences.slice(1)] });

describe('checkComparison on differences', () => {
  it('accepts differences that carry what they are, and the description of the JSON output', () => {
    expect(checkComparison(JSON.parse(JSON.stringify(base)))).toEqual([]);
  });

  it('accepts an older difference with only a note', () => {
    const legacy = { group: 'g1', kind: 'attribution', spans: base.differences[0]!.spans, note: 'said → claimed' };
    expect(checkComparison({ ...base, differences: [legacy] })).toEqual([]);
  });

  it('accepts figures with their values, and a quotation', () => {
    const figure = {
      group: 'g1',
      kind: 'figure',
      spans: base.differences[0]!.spans,
      rule: 'figures',
      sides: [
        { doc: 0, part: 'has', terms: [{ text: '90 passengers' }] },
        { doc: 1, part: 'has', terms: [{ text: '900 passengers' }] },
      ],
      evidence: {
        quantity: 'passeng',
        counted: 'passengers',
        figures: [
          { doc: 0, value: 90, text: '90 passengers', outlier: false },
          { doc: 1, value: 900, text: '900 passengers', attribution: 'the port said', outlier: true },
        ],
      },
    };
    const quote = { group: 'g1', kind: 'quote', spans: base.differences[0]!.spans, rule: 'quote', sides: [{ doc: 0, part: 'quotes', terms: [] }, { doc: 1, part: 'lacks', terms: [] }], evidence: { quote: 'We wait' } };
    expect(checkComparison({ ...base, differences: [figure, quote] })).toEqual([]);
  });

  it('rejects a rule, a part or a loaded role it does not know, and a link outside 0 to 1', () => {
    expect(checkComparison(withFirst({ rule: 'guesswork' })).join('\n')).toMatch(/^differences\.0\.rule: /m);
    expect(checkComparison(withFirst({ sides: [{ doc: 0, part: 'shouts', terms: [] }] })).join('\n')).toMatch(/^differences\.0\.sides\.0\.part: /m);
    expect(checkComparison(withFirst({ sides: [{ doc: 0, part: 'has', terms: [{ text: 'said', role: 'angry' }] }] })).join('\n')).toMatch(/^differences\.0\.sides\.0\.terms\.0\.role: /m);
    expect(checkComparison(withFirst({ sides: [{ doc: 0, part: 'has', terms: [{ set: 'x' }] }] })).join('\n')).toMatch(/^differences\.0\.sides\.0\.terms\.0\.text: /m);
    expect(checkComparison(withFirst({ evidence: { link: 1.5 } })).join('\n')).toMatch(/^differences\.0\.evidence\.link: /m);
    expect(checkComparison(withFirst({ tooLong: false })).join('\n')).toMatch(/^differences\.0\.tooLong: /m);
    expect(checkComparison(withFirst({ description: 42 })).join('\n')).toMatch(/^differences\.0\.description: /m);
  });

  it('rejects a rule that does not find the difference’s kind', () => {
    expect(checkComparison(withFirst({ kind: 'hedge' }))).toEqual(['differences.0: rule set-contrast does not find hedge differences']);
  });

  it('rejects sides or figures at sources that do not exist, and a source on two sides', () => {
    expect(checkComparison(withFirst({ sides: [{ doc: 0, part: 'has', terms: [] }, { doc: 5, part: 'lacks', terms: [] }] }))).toEqual(['differences.0: no document 5']);
    expect(checkComparison(withFirst({ evidence: { figures: [{ doc: 3, value: 1, text: '1', outlier: false }] } }))).toEqual(['differences.0: no document 3']);
    expect(checkComparison(withFirst({ sides: [{ doc: 0, part: 'has', terms: [] }, { doc: 0, part: 'lacks', terms: [] }] }))).toEqual(['differences.0: a source on two sides']);
  });

  it('rejects a rule without sides, the too-long flag without its rule, and a whole paragraph in a group', () => {
    expect(checkComparison(withFirst({ sides: [] }))).toEqual(['differences.0: rule set-contrast without sides']);
    expect(checkComparison(withFirst({ tooLong: true }))).toEqual(['differences.0: tooLong goes with rule too-long, and only with it']);
    const inGroup = { ...base, differences: [{ ...base.differences[1]!, group: 'g1', spans: [{ doc: 0, start: said, end: said + 4 }] }] };
    expect(checkComparison(inGroup)).toEqual(['differences.0: only rules paragraph-one-side, loaded-word-alone and scare-quotes-alone are without a group']);
  });

  // A loaded word in a paragraph only its source has ("Only here: the mayor spoke.").
  const spoke = A.indexOf('spoke');
  const alone = (change: Partial<Difference> = {}): Difference => ({
    group: '',
    kind: 'loaded-term',
    spans: [{ doc: 0, start: spoke, end: spoke + 5 }],
    rule: 'loaded-word-alone',
    sides: [{ doc: 0, part: 'has', terms: [{ text: 'spoke', set: 'charged-verbs', role: 'charged' }] }],
    set: { id: 'charged-verbs', name: 'Charged verbs' },
    ...change,
  });
  const withAlone = (difference: Difference): unknown => ({ ...base, differences: [...base.differences, difference] });

  it('accepts a loaded word without a group inside a paragraph only its source has', () => {
    expect(checkComparison(JSON.parse(JSON.stringify(withAlone(alone()))))).toEqual([]);
  });

  it('refuses a loaded word without a group outside such a paragraph, in another source, or with a group', () => {
    expect(checkComparison(withAlone(alone({ spans: [{ doc: 0, start: said, end: said + 4 }] })))).toEqual([
      'differences.3: a loaded word without a group must lie inside a paragraph only its source has',
    ]);
    expect(checkComparison(withAlone(alone({ spans: [{ doc: 0, start: spoke, end: A.length + 3 }] })))).toEqual([
      'differences.3: a loaded word without a group must lie inside a paragraph only its source has',
    ]);
    expect(checkComparison(withAlone(alone({ spans: [] })))).toEqual(['differences.3: a loaded word without a group must lie inside a paragraph only its source has']);
    expect(checkComparison(withAlone(alone({ sides: [{ doc: 1, part: 'has', terms: [{ text: 'spoke' }] }] })))).toEqual([
      'differences.3: a loaded word without a group must lie inside a paragraph only its source has',
    ]);
    expect(checkComparison(withAlone(alone({ group: 'g1' })))).toEqual([
      'differences.3: only rules paragraph-one-side, loaded-word-alone and scare-quotes-alone are without a group',
      'differences.3: span 0:' + spoke + '-' + (spoke + 5) + ' is not inside a paragraph of its group',
    ]);
    expect(checkComparison(withAlone(alone({ kind: 'omission' })))).toEqual(['differences.3: rule loaded-word-alone does not find omission differences']);
    // Words in scare quotes may be without a group too, held to the same place.
    const scare = { rule: 'scare-quotes-alone' as const, set: undefined, sides: [{ doc: 0, part: 'has' as const, terms: [{ text: 'spoke' }] }] };
    expect(checkComparison(JSON.parse(JSON.stringify(withAlone(alone(scare)))))).toEqual([]);
    expect(checkComparison(withAlone(alone({ ...scare, spans: [{ doc: 0, start: said, end: said + 4 }] })))).toEqual([
      'differences.3: a loaded word without a group must lie inside a paragraph only its source has',
    ]);
  });
});
