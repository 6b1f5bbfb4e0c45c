import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COMPARISON_SCHEMA,
  type AlignmentGroup,
  type Comparison,
  type Difference,
  type DifferenceSide,
  type ParagraphKind,
  type SourceDocument,
  type UniqueParagraph,
} from '../../src/shared/contract/comparison.js';
import { compareDocuments } from '../../src/shared/core/compare.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';
import {
  BURIED_FROM,
  contrastCategory,
  headlinesOf,
  nameWords,
  sameSpeaker,
  shorten,
  statementsIn,
  storyAtAGlance,
  strongestContrasts,
} from '../../src/shared/core/glance.js';
import { comparisonReport } from '../../src/shared/notes/export/report.js';
import { defaultLexicon, SAMPLES_DIR } from '../support/seeds.js';

/** The little of jsdom these tests use (jsdom ships no types, and the tests have no DOM library). */
interface Element {
  readonly textContent: string | null;
  readonly firstElementChild: Element | null;
  matches(selector: string): boolean;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element> & Iterable<Element>;
}
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { document: Element } } };

/**
 * The story at a glance (shared/core/glance.ts): who speaks, where each source places a passage,
 * the ranking of the strongest contrasts, what only one source reports and the headlines' own
 * words, on small invented comparisons built here, then once on the bundled sample.
 */

/** A source made of blocks of known kinds, joined by blank lines (no classification involved). */
function doc(label: string, blocks: readonly (readonly [ParagraphKind, string])[]): SourceDocument {
  let text = '';
  const paragraphs = blocks.map(([kind, words]) => {
    if (text) text += '\n\n';
    const start = text.length;
    text += words;
    return { start, end: text.length, kind };
  });
  return { path: `/invented/${label.toLowerCase().replace(/\s+/g, '-')}.txt`, label, title: blocks[0]?.[1] ?? '', text, paragraphs, hash: label };
}

/** Body paragraphs "Filler 1." … for padding a source out to a length. */
const filler = (count: number, from = 1): [ParagraphKind, string][] => Array.from({ length: count }, (_, i) => ['body', `Filler paragraph ${from + i} says little.`]);

function comparisonOf(documents: SourceDocument[], extra: { groups?: AlignmentGroup[]; differences?: Difference[]; unique?: UniqueParagraph[] } = {}): Comparison {
  return { schema: COMPARISON_SCHEMA, documents, groups: extra.groups ?? [], differences: extra.differences ?? [], unique: extra.unique ?? [] };
}

const group = (id: string, members: Record<number, number[]>): AlignmentGroup => ({
  id,
  score: 0.5,
  members: Object.entries(members).map(([doc, paragraphs]) => ({ doc: Number(doc), paragraphs })),
});

describe('headlines', () => {
  it('marks the content words no other headline uses, whatever their case, punctuation or ending', () => {
    const documents = [
      doc('A', [['title', 'Dam collapse: 140 killed as floodwater tears through town'], ['body', 'Text.']]),
      doc('B', [['title', 'DAM BREACH leaves 14 dead in the town'], ['body', 'Text.']]),
      doc('C', [['title', 'Town counts its dead after dam kills 14'], ['body', 'Text.']]),
    ];
    const headlines = headlinesOf(comparisonOf(documents));
    const marked = headlines.map((headline) => headline.marks.map((mark) => headline.text.slice(mark.start, mark.end)));
    // "kills" in C is "killed" in A (one stem); "dam", "town", "14" and "dead" are shared; "as" is a function word.
    expect(marked).toEqual([['collapse', '140', 'floodwater tears'], ['BREACH leaves'], ['counts']]);
    expect(headlines.map((headline) => headline.paragraph)).toEqual([0, 0, 0]);
  });

  it('marks nothing when only one source has a headline, and skips a source without one', () => {
    const documents = [doc('A', [['title', 'Only headline'], ['body', 'Text.']]), doc('B', [['body', 'No headline here.']])];
    const headlines = headlinesOf(comparisonOf(documents));
    expect(headlines).toHaveLength(1);
    expect(headlines[0]!.marks).toEqual([]);
  });
});

describe('who speaks', () => {
  const clinic = doc('Clinic Post', [
    ['title', 'Flood reaches the clinic'],
    ['body', '“We waited for hours on the roof,” said Ana Ruiz, a nurse at the clinic. “It was chaos,” she added.'],
    ['body', 'Mayor Tom Hale said the town had not been warned. The town had not been told of the risk.'],
    ['body', 'Officials said the road would reopen on Friday.'],
    ['body', 'The dam’s owner, Northway Power, said in a statement that it was “deeply sorry” for the delay.'],
    ['body', 'Hale, who has led the town since 2019, said repairs would start soon.'],
    ['body', 'According to the Harlow County fire service, 40 homes flooded.'],
  ]);
  const river = doc('River Times', [
    ['title', 'Flood closes the road'],
    ['body', 'Tom Hale, the mayor, said he was angry. Police said the road was closed.'],
    ['body', 'Northway Power claimed the dam was sound.'],
  ]);

  it('finds each speaker, quoted or paraphrased, and a speaker the source does not name', () => {
    const statements = statementsIn(clinic).map((s) => [s.paragraph, s.name ?? '(unnamed)', s.direct ? 'quoted' : 'paraphrased']);
    expect(statements).toEqual([
      [1, 'Ana Ruiz', 'quoted'],
      // "she added": whoever spoke last, in the same paragraph.
      [1, 'Ana Ruiz', 'quoted'],
      // "had not been told" is no one speaking.
      [2, 'Mayor Tom Hale', 'paraphrased'],
      [3, '(unnamed)', 'paraphrased'],
      // The speaker is the name in the aside, not "the dam's owner".
      [4, 'Northway Power', 'quoted'],
      [5, 'Hale', 'paraphrased'],
      [6, 'Harlow County fire service', 'paraphrased'],
    ]);
  });

  it('merges two forms of one name, counts per source, and says who only one source lets speak', () => {
    const glance = storyAtAGlance(comparisonOf([clinic, river]));
    const [first, second] = glance.voices;
    expect(first!.speakers.map((s) => [s.name, s.direct, s.paraphrased, s.sources])).toEqual([
      ['Ana Ruiz', 2, 0, 1],
      ['Mayor Tom Hale', 0, 2, 2],
      ['Northway Power', 1, 0, 2],
      ['Harlow County fire service', 0, 1, 1],
    ]);
    expect(first!.unnamed).toBe(1);
    expect(first!.unnamedParagraph).toBe(3);
    expect(second!.speakers.map((s) => s.name)).toEqual(['Tom Hale', 'Northway Power']);
    expect(second!.unnamed).toBe(1);
    expect(glance.soleVoices).toEqual([
      { doc: 0, name: 'Ana Ruiz', paragraph: 1 },
      { doc: 0, name: 'Harlow County fire service', paragraph: 6 },
    ]);
    // Without the comparison's summary, the verbs are the ones found here.
    expect(second!.verbs.map((verb) => [verb.term, verb.count, verb.paragraph])).toEqual([
      ['said', 2, 1],
      ['claimed', 1, 2],
    ]);
  });

  it('takes the reporting verbs, their tones and counts from the comparison’s summary when it has one', () => {
    const comparison = {
      ...comparisonOf([clinic, river]),
      summary: {
        claims: [],
        sources: [0, 1].map((doc) => ({
          doc,
          counts: {},
          loadedTerms: [],
          attribution: doc === 1 ? [{ term: 'said', tone: 'neutral', count: 2 }, { term: 'claimed', tone: 'doubt', count: 1 }] : [],
          hedges: [],
          unique: [],
          omits: [],
          highlightedShare: 0,
        })),
      },
    };
    expect(storyAtAGlance(comparison).voices[1]!.verbs).toEqual([
      { term: 'said', tone: 'neutral', count: 2, paragraph: 1 },
      { term: 'claimed', tone: 'doubt', count: 1, paragraph: 2 },
    ]);
  });

  it('matches a surname to a full name, but not any word of a longer name', () => {
    expect(sameSpeaker(['Maraghan'], ['Pell', 'Maraghan'])).toBe(true);
    expect(sameSpeaker(['Mayor', 'Orla', 'Fennimore-Quist'], ['Fennimore-Quist'])).toBe(true);
    expect(sameSpeaker(['Hamas'], ['Hamas', 'Prime', 'Minister', 'Ismail', 'Haniyeh'])).toBe(false);
    expect(sameSpeaker(['Israel'], ['Times', 'of', 'Israel'])).toBe(false);
    expect(nameWords('Hamas official Bassem Naim')).toEqual(['Bassem', 'Naim']);
    expect(nameWords('Residents of Millrace Lane')).toEqual(['Residents', 'of', 'Millrace', 'Lane']);
  });
});

describe('placement', () => {
  // A: headline, lede, nine more body paragraphs. B: headline, a heading, ten body paragraphs.
  const a = doc('A', [['title', 'Flood in Harlow'], ['body', 'The lede of A.'], ...filler(9)]);
  const b = doc('B', [['title', 'Harlow under water'], ['heading', 'What happened'], ...filler(10)]);
  const c = doc('C', [['title', 'Flood'], ['body', 'The lede of C.'], ['body', 'Second of C.']]);
  const groups = [
    // The headlines and the ledes of A and B.
    group('g1', { 0: [0, 1], 1: [0, 2] }),
    // Leads in A (its second body paragraph), paragraph 9 of 10 in B: buried.
    group('g2', { 0: [2], 1: [10] }),
    // Paragraph 4 in A, paragraph 6 of 10 in B: not beyond a third? 6 > 10/3, and 6 ≥ BURIED_FROM: buried, but led nowhere.
    group('g3', { 0: [4], 1: [7] }),
    // In the headline only, in C.
    group('g4', { 0: [0], 2: [0] }),
  ];
  const glance = storyAtAGlance(comparisonOf([a, b, c], { groups }));

  it('counts body paragraphs from the lede, and flags a passage that leads in one source and is buried in another', () => {
    expect(BURIED_FROM).toBe(6);
    const byGroup = new Map(glance.passages.map((passage) => [passage.group, passage]));
    expect(byGroup.get('g1')!.positions).toEqual([
      { doc: 0, paragraph: 1, position: 1 },
      { doc: 1, paragraph: 2, position: 1 },
    ]);
    expect(byGroup.get('g2')).toMatchObject({ number: 2, positions: [{ doc: 0, position: 2 }, { doc: 1, paragraph: 10, position: 9 }], leads: [0], buried: [1] });
    expect(byGroup.get('g3')).toMatchObject({ leads: [], buried: [1] });
    expect(byGroup.get('g4')).toMatchObject({ positions: [{ doc: 0, paragraph: 0, position: 0 }, { doc: 2, paragraph: 0, position: 0 }], leads: [0, 2], buried: [] });
    // Leading in one and buried in another first, then by how far apart the sources place it.
    expect(glance.passages.map((passage) => passage.group)).toEqual(['g2', 'g3', 'g1', 'g4']);
    // Its line comes from the source that gives it most weight.
    expect(byGroup.get('g2')).toMatchObject({ doc: 0, paragraph: 2, text: 'Filler paragraph 1 says little.' });
  });

  it('gives what leads each story: its first body paragraph, and the passage it is in', () => {
    expect(glance.leads).toEqual([
      { doc: 0, paragraph: 1, text: 'The lede of A.', group: 'g1', number: 1, sources: 2 },
      { doc: 1, paragraph: 2, text: 'Filler paragraph 1 says little.', group: 'g1', number: 1, sources: 2 },
      { doc: 2, paragraph: 1, text: 'The lede of C.', sources: 1 },
    ]);
  });

  it('leaves out a passage only one source has', () => {
    expect(storyAtAGlance(comparisonOf([a, b], { groups: [group('g1', { 0: [1] })] })).passages).toEqual([]);
  });
});

describe('the strongest contrasts', () => {
  const documents = [doc('A', [['body', 'a']]), doc('B', [['body', 'b']]), doc('C', [['body', 'c']])];
  const groups = [group('all1', { 0: [0], 1: [0], 2: [0] }), group('two', { 0: [0], 1: [0] }), group('all2', { 0: [0], 1: [0], 2: [0] })];
  const side = (doc: number, part: DifferenceSide['part'], ...terms: ({ text: string; tone?: string } | string)[]): DifferenceSide => ({
    doc,
    part,
    terms: terms.map((term) => (typeof term === 'string' ? { text: term } : term)),
  });
  const spans = [{ doc: 0, start: 0, end: 1 }];
  const d = (partial: Partial<Difference> & Pick<Difference, 'group' | 'kind' | 'rule'>): Difference => ({ spans, ...partial });
  const differences: Difference[] = [
    /* 0 */ d({ group: 'all1', kind: 'wording', rule: 'wording', sides: [side(0, 'has', 'big'), side(1, 'has', 'large')] }),
    /* 1 */ d({ group: 'all1', kind: 'hedge', rule: 'hedge-one-side', sides: [side(0, 'has', 'may'), side(1, 'lacks')] }),
    /* 2 */ d({ group: 'two', kind: 'loaded-term', rule: 'set-contrast', sides: [side(0, 'has', 'rioters'), side(1, 'has', 'protesters')] }),
    /* 3 */ d({ group: 'all2', kind: 'loaded-term', rule: 'set-contrast', sides: [side(0, 'has', 'killed'), side(1, 'has', 'died'), side(2, 'has', 'died')] }),
    /* 4 */ d({ group: 'all1', kind: 'attribution', rule: 'verb-contrast', sides: [side(0, 'has', { text: 'said', tone: 'neutral' }), side(1, 'has', { text: 'claimed', tone: 'doubt' })] }),
    /* 5 */ d({ group: 'all2', kind: 'attribution', rule: 'set-contrast', sides: [side(0, 'has', { text: 'said', tone: 'neutral' }), side(1, 'has', { text: 'told', tone: 'neutral' })] }),
    /* 6 */ d({
      group: 'all1',
      kind: 'figure',
      rule: 'figures',
      sides: [side(0, 'has', '140 killed'), side(1, 'has', '14 dead')],
      evidence: { quantity: 'killed', counted: 'killed', figures: [{ doc: 0, value: 140, text: '140 killed', outlier: true }, { doc: 1, value: 14, text: '14 dead', outlier: false }] },
    }),
    /* 7 */ d({ group: 'all2', kind: 'quote', rule: 'quote', sides: [side(0, 'quotes'), side(1, 'paraphrases'), side(2, 'lacks')], evidence: { quote: 'We waited' } }),
    /* 8 */ d({ group: 'all1', kind: 'quote', rule: 'quote', sides: [side(0, 'quotes'), side(1, 'lacks')], evidence: { quote: 'It was chaos' } }),
    /* 9 */ d({ group: '', kind: 'omission', rule: 'paragraph-one-side', sides: [side(0, 'has'), side(1, 'lacks')] }),
    /* 10 */ d({ group: 'all2', kind: 'loaded-term', rule: 'set-contrast', sides: [side(0, 'has', 'killed'), side(2, 'has', 'dead')] }),
    /* 11 */ d({ group: 'all1', kind: 'loaded-term', rule: 'set-contrast', sides: [side(0, 'has', 'disaster'), side(2, 'has', 'accident')] }),
    /* 12 */ d({ group: 'two', kind: 'loaded-term', rule: 'loaded-word', sides: [side(1, 'has', 'slammed'), side(0, 'lacks')] }),
    /* 13 */ d({ group: 'two', kind: 'loaded-term', rule: 'loaded-word', sides: [side(1, 'has', 'reckless'), side(0, 'lacks')], evidence: { reported: true } }),
    /* 14 */ d({ group: 'two', kind: 'loaded-term', rule: 'loaded-word-quoted', sides: [side(1, 'has', 'callous'), side(0, 'lacks')] }),
    /* 15 */ d({ group: 'two', kind: 'loaded-term', rule: 'loaded-word', sides: [side(1, 'has', { text: 'very', tone: 'intensifier' }), side(0, 'lacks')] }),
    /* 16 */ d({ group: 'two', kind: 'loaded-term', rule: 'scare-quotes', sides: [side(1, 'has', 'savings'), side(0, 'plain')] }),
  ];
  const comparison = comparisonOf(documents, { groups, differences });

  it('sorts each difference into its kind of contrast', () => {
    expect(differences.map(contrastCategory)).toEqual([
      undefined, 'hedge', 'loaded', 'loaded', 'attribution', 'other', 'figures', 'quote', 'other', undefined, 'loaded', 'loaded',
      // An outlet's own loaded word against sources that do without it, and its scare quotes, are
      // contrasts of word choice; a speaker's word (reported or quoted) and a word of degree are not.
      'loaded', 'other', 'other', 'other', 'loaded',
    ]);
  });

  it("ranks a word on each side above one source's own word against others that lack it", () => {
    const loaded = strongestContrasts(comparison, 40).filter((contrast) => contrast.category === 'loaded').map((contrast) => contrast.difference);
    // 2 (rioters / protesters) and 12 (slammed, alone) share passage "two": one per kind and passage, the stronger.
    expect(loaded).toContain(2);
    expect(loaded).not.toContain(12);
  });

  it('ranks loaded terms, then attribution, conflicting figures, quote against paraphrase and hedges, one of each first', () => {
    const top = strongestContrasts(comparison);
    expect(top.map((contrast) => [contrast.difference, contrast.category])).toEqual([
      [3, 'loaded'],
      [4, 'attribution'],
      [6, 'figures'],
      [7, 'quote'],
      [1, 'hedge'],
    ]);
    expect(top[0]).toEqual({ difference: 3, group: 'all2', number: 3, kind: 'loaded-term', category: 'loaded', docs: [0, 1, 2] });
  });

  it('prefers a passage every source reports, keeps one per kind and passage, and breaks ties in reading order', () => {
    const all = strongestContrasts(comparison, 20).map((contrast) => contrast.difference);
    // Round one: the best of each kind, "other" last (5, with words on two sides, is stronger than 8,
    // a quotation no one paraphrases); round two: the next of each. 10 is a second loaded term in
    // passage all2, after 3: left out. 11 (in all1, which every source reports) comes before 2 (in a
    // passage only two report).
    // 13, a speaker's word in reported speech, is the best "other" of passage two (14 to 16 and 12
    // lose to it or to 2 there).
    expect(all).toEqual([3, 4, 6, 7, 1, 5, 11, 8, 2, 13]);
    // The same input, the same ranking.
    expect(strongestContrasts(comparison, 20).map((contrast) => contrast.difference)).toEqual(all);
  });
});

describe('what only one source reports, and the figures that conflict', () => {
  it('gives the first sentence of each paragraph only one source has, shortened, a few per source, with how many more', () => {
    const long = `${'A very long sentence that goes on '.repeat(5)}and ends here. A second sentence.`;
    const documents = [
      doc('A', [['title', 'Headline only in A'], ['body', 'Alone in this source. More words.'], ['body', 'Shared.']]),
      doc('B', [['title', 'B'], ['heading', 'A heading'], ['body', long], ['body', 'Two.'], ['body', 'Three.'], ['body', 'Four.'], ['body', 'Five.']]),
    ];
    const unique: UniqueParagraph[] = [
      { doc: 0, paragraph: 0 },
      { doc: 0, paragraph: 1 },
      ...[1, 2, 3, 4, 5, 6].map((paragraph) => ({ doc: 1, paragraph })),
    ];
    const glance = storyAtAGlance(comparisonOf(documents, { unique }));
    expect(glance.unique).toEqual([
      { doc: 0, lines: [{ paragraph: 1, text: 'Alone in this source.' }], more: 0 },
      {
        doc: 1,
        lines: [
          { paragraph: 2, text: shorten(long.slice(0, long.indexOf(' A second')), 110) },
          { paragraph: 3, text: 'Two.' },
          { paragraph: 4, text: 'Three.' },
        ],
        more: 2,
      },
    ]);
    expect(glance.unique[1]!.lines[0]!.text.length).toBeLessThanOrEqual(110);
    expect(glance.unique[1]!.lines[0]!.text.endsWith('…')).toBe(true);
  });

  it('lists the figures that conflict, each with the paragraph it is in', () => {
    const documents = [doc('A', [['title', 'T'], ['body', 'At least 140 people were killed.']]), doc('B', [['title', 'T'], ['body', 'At least 14 people died.']])];
    const figures: Difference = {
      group: 'g1',
      kind: 'figure',
      rule: 'figures',
      spans: [
        { doc: 0, start: 12, end: 15 },
        { doc: 1, start: 12, end: 14 },
      ],
      sides: [],
      evidence: { quantity: 'killed', counted: 'killed', figures: [{ doc: 1, value: 14, text: '14 people', outlier: false }, { doc: 0, value: 140, text: '140 people', outlier: true }] },
    };
    const glance = storyAtAGlance(comparisonOf(documents, { groups: [group('g1', { 0: [1], 1: [1] })], differences: [figures] }));
    expect(glance.figures).toEqual([
      {
        difference: 0,
        group: 'g1',
        number: 1,
        counted: 'killed',
        figures: [
          { doc: 0, paragraph: 1, text: '140 people', value: 140, outlier: true },
          { doc: 1, paragraph: 1, text: '14 people', value: 14, outlier: false },
        ],
      },
    ]);
  });

  it('shortens at a word, with an ellipsis', () => {
    expect(shorten('short', 10)).toBe('short');
    expect(shorten('one two three four five', 14)).toBe('one two three…');
    expect(shorten('  spaced\n  out  ', 20)).toBe('spaced out');
  });
});

describe('on the bundled sample', () => {
  const documents = readdirSync(SAMPLES_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => makeSourceDocument({ path: join(SAMPLES_DIR, name), text: readFileSync(join(SAMPLES_DIR, name), 'utf8') }));
  const comparison = compareDocuments(documents, { lexicon: defaultLexicon() });
  const glance = storyAtAGlance(comparison);
  const docOf = (label: string): number => documents.findIndex((document) => document.label === label);
  const [wire, lantern, dispatch, courier] = ['Amberline Wire', 'Harlowmere Lantern', 'Quillon Dispatch', 'Veskin Valley Courier'].map(docOf);

  it('has every piece, naming sources by index only', () => {
    expect(glance.headlines.map((headline) => headline.doc)).toEqual([0, 1, 2, 3]);
    for (const headline of glance.headlines) expect(headline.marks.length).toBeGreaterThan(0);
    const wireHeadline = glance.headlines[wire!]!;
    expect(wireHeadline.marks.map((mark) => wireHeadline.text.slice(mark.start, mark.end))).toContain('140');
    expect(glance.voices).toHaveLength(4);
    expect(glance.leads.map((lead) => lead.number)).toEqual([1, 1, 1, 1]);
    expect(glance.passages.length).toBeGreaterThan(0);
    expect(glance.contrasts.map((contrast) => contrast.category)).toEqual(['loaded', 'attribution', 'figures', 'quote', 'hedge']);
    for (const contrast of glance.contrasts) expect(comparison.groups.some((group) => group.id === comparison.differences[contrast.difference]!.group)).toBe(true);
    // Sources are indices: no label is written anywhere in it.
    const json = JSON.stringify(glance);
    for (const document of documents) expect(json).not.toContain(document.label);
  });

  it('says who speaks in each, and who only one lets speak', () => {
    const names = (doc: number) => glance.voices[doc]!.speakers.map((speaker) => speaker.name);
    for (const doc of [wire!, lantern!, dispatch!, courier!]) expect(names(doc).some((name) => name.includes('Maraghan'))).toBe(true);
    // The Dispatch quotes the mayor; the Wire only reports what she said.
    expect(glance.voices[dispatch!]!.speakers.find((speaker) => speaker.name.includes('Fennimore-Quist'))).toMatchObject({ direct: 1, paraphrased: 0 });
    expect(glance.voices[wire!]!.speakers.find((speaker) => speaker.name.includes('Fennimore-Quist'))).toMatchObject({ direct: 0, paraphrased: 1 });
    expect(glance.soleVoices).toContainEqual(expect.objectContaining({ doc: lantern, name: 'Residents of Millrace Lane' }));
    // "claimed" against "said": the Wire's reporting verbs, as the summary counts them.
    expect(glance.voices[wire!]!.verbs).toContainEqual(expect.objectContaining({ term: 'claimed', tone: 'doubt' }));
  });

  it('finds the baker’s passage: near the top of one story, buried in others', () => {
    const baker = glance.passages.find((passage) => passage.text.includes('back door'))!;
    expect(baker.leads).toEqual([lantern]);
    expect(baker.buried).toContain(wire);
    expect(glance.passages[0]!.leads.length).toBeGreaterThan(0);
    expect(glance.passages[0]!.buried.length).toBeGreaterThan(0);
  });

  it('gives the paragraphs only one source has, and the death tolls that conflict', () => {
    expect(glance.unique.map((item) => item.doc)).toEqual([lantern, courier]);
    expect(glance.unique[0]!.lines[0]!.text).toMatch(/^Residents of Millrace Lane said/);
    const deaths = glance.figures.find((conflict) => conflict.counted === 'killed')!;
    expect(deaths.figures.find((figure) => figure.outlier)).toMatchObject({ doc: wire, text: '140 killed' });
  });

  it('is the first section of the HTML report, naming the sources by their labels', () => {
    const html = comparisonReport({ id: 'c1', title: 'Sample', comparison, notes: [] });
    const { document } = new JSDOM(html).window;
    const main = document.querySelector('main')!;
    expect(main.firstElementChild!.matches('section.glance')).toBe(true);
    const section = main.querySelector('section.glance')!;
    expect(section.querySelector('h2')!.textContent).toBe('The story at a glance');
    expect([...section.querySelectorAll('h3')].map((h) => h.textContent)).toEqual([
      'Headlines, and what each story opens with',
      'Who gets to speak',
      'What leads, what is buried',
      'The strongest contrasts',
      'Only one source reports',
      'Figures that conflict',
    ]);
    expect(section.querySelectorAll('ol li')).toHaveLength(5);
    expect(section.textContent).toContain('Residents of Millrace Lane (Harlowmere Lantern)');
    expect(section.querySelectorAll('mark.g-word').length).toBeGreaterThan(0);
    // It links nowhere (the report has no links) and marks nothing as a kind of difference.
    expect(section.querySelectorAll('a, [href], mark[class^="k-"]')).toHaveLength(0);
  });
});
