// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AlignmentGroup, Comparison, SentenceLink } from '../../src/shared/contract/comparison';
import { compareDocuments } from '../../src/shared/core/compare';
import { indexComparison } from '../../src/renderer/src/lib/comparisonIndex';
import { eventRows } from '../../src/renderer/src/lib/eventRows';
import { sourceLabels, SourceLabelContext } from '../../src/renderer/src/lib/sourceLabel';
import { elsewhereReasons, passageLookup, relatedEnds, toldElsewhere, whereTold, type ToldPlace } from '../../src/renderer/src/lib/toldElsewhere';
import { ferriesStory } from '../support/ferries';
import { EventView } from '../../src/renderer/src/components/EventView';
import { PresentationView } from '../../src/renderer/src/components/PresentationView';
import { source } from './sources';

/**
 * A source with no paragraph in a passage may still tell it, in a sentence of a paragraph that went
 * to another passage (or that only it has). The passage's related links say where; the event view,
 * presentation mode and "Why together?" must say where, beside "Not reported". Every story below
 * is invented for this test.
 */


const LONG =
  'Volunteers from the village spent a month rewiring the lamp by hand, working on the narrow gallery in all weathers and carrying every cable up the tower steps themselves.';

// A lamp relit at a lighthouse. Harrow Ledger and Pell Gazette tell it in a paragraph of its own
// (passage 1); Wend Times tells it in the second sentence of its paragraph on the storm (passage 3,
// with Harrow Ledger), and in a paragraph only it has; Tull Post does not tell it at all.
const a = source('Harrow Ledger', [
  'Lamp relit at Corran Point',
  'The old lamp at Corran Point shone again on Friday night after a month dark. Volunteers rewired it.',
  'A storm had torn the lantern glass in March, the trust said.',
]);
const b = source('Pell Gazette', [
  'Corran Point light returns',
  'Corran Point lighthouse was lit again on Friday night, volunteers said.',
  'Fishing crews cheered on the harbour wall as the lamp came on.',
]);
const c = source('Wend Times', [
  'Storm damage mended at Corran Point',
  'Fishing crews gathered on the harbour wall.',
  'March gales broke the lantern glass at Corran Point, the trust said. The lamp was lit again on Friday night.',
  LONG,
]);
const d = source('Tull Post', ['Harbour wall crowd', 'A crowd watched from the harbour wall at dusk.']);
const documents = [a, b, c, d];

/** The span of `sentence` in document `doc` (it must occur there). */
function span(doc: number, sentence: string) {
  const start = documents[doc]!.text.indexOf(sentence);
  if (start < 0) throw new Error(`"${sentence}" is not in ${documents[doc]!.label}`);
  return { doc, start, end: start + sentence.length };
}

const A_LAMP = 'The old lamp at Corran Point shone again on Friday night after a month dark.';
const A_RAN = 'Volunteers rewired it.';
const B_LAMP = 'Corran Point lighthouse was lit again on Friday night, volunteers said.';
const C_LAMP = 'The lamp was lit again on Friday night.';

const lampToStorm: SentenceLink = { spans: [span(0, A_LAMP), span(2, C_LAMP)], score: 0.4, basis: 'words', terms: ['lamp', 'friday night'] };
const lampToStormB: SentenceLink = { spans: [span(1, B_LAMP), span(2, C_LAMP)], score: 0.45, basis: 'words', terms: ['lit again', 'Friday night'] };
const lamp: AlignmentGroup = {
  id: 'lamp',
  score: 0.6,
  members: [
    { doc: 0, paragraphs: [1] },
    { doc: 1, paragraphs: [1] },
  ],
  sentences: [{ spans: [span(0, A_LAMP), span(1, B_LAMP)], score: 0.6, basis: 'words', terms: ['Corran Point', 'Friday night'] }],
  related: [
    // Listed first and the strongest, yet to paragraph 3: the order shown is by paragraph, not by this list or by strength.
    { spans: [span(0, A_RAN), span(2, LONG)], score: 0.5, basis: 'words', terms: ['volunteers', 'rewired'] },
    lampToStorm,
    lampToStormB,
    // Its outside end is in a source the passage has (Pell Gazette's paragraph 2, passage 2).
    { spans: [span(0, A_LAMP), span(1, 'Fishing crews cheered on the harbour wall as the lamp came on.')], score: 0.28, terms: ['lamp'] },
    // Broken: both ends inside the passage. Never shown.
    { spans: [span(0, A_LAMP), span(1, B_LAMP)], score: 0.9, terms: ['never'] },
  ],
};
const crews: AlignmentGroup = {
  id: 'crews',
  score: 0.5,
  members: [
    { doc: 1, paragraphs: [2] },
    { doc: 2, paragraphs: [1] },
  ],
};
const storm: AlignmentGroup = {
  id: 'storm',
  score: 0.5,
  members: [
    { doc: 0, paragraphs: [2] },
    { doc: 2, paragraphs: [2] },
  ],
  // The same links from the storm's side: Pell Gazette tells its second sentence in passage 1.
  related: [lampToStorm, lampToStormB],
};
const comparison: Comparison = {
  schema: 'parallax.comparison/1',
  documents,
  groups: [lamp, crews, storm],
  differences: [],
  unique: [
    { doc: 2, paragraph: 3 },
    { doc: 3, paragraph: 0 },
    { doc: 3, paragraph: 1 },
  ],
};
const bare: Comparison = { ...comparison, groups: comparison.groups.map(({ related: _related, ...group }) => group) };

const blind = sourceLabels(documents, true);
const OUTLETS = /Harrow|Pell|Wend|Tull/;

describe('toldElsewhere: where a source with no paragraph in a passage tells it', () => {
  it('gives, for each absent source with a related link, the paragraph, its passage and the sentence, in paragraph order', () => {
    const told = toldElsewhere(comparison, lamp);
    // Wend Times only: Tull Post has no related link, Harrow Ledger and Pell Gazette are in the passage.
    expect(told.map((entry) => entry.doc)).toEqual([2]);
    const [inStorm, alone] = told[0]!.places;
    expect(told[0]!.places).toHaveLength(2);
    expect(inStorm).toMatchObject({ doc: 2, paragraph: 2, passage: { id: 'storm', number: 3 }, sentence: C_LAMP, cut: false });
    expect(inStorm!.start).toBe(span(2, C_LAMP).start);
    // Two links reach the same sentence: one place, the stronger score, the words of both (the stronger's first, each once).
    expect(inStorm!.score).toBe(0.45);
    expect(inStorm!.terms).toEqual(['lit again', 'Friday night', 'lamp']);
    // A paragraph only Wend Times has: no passage, and the long sentence cut at a word.
    expect(alone).toMatchObject({ doc: 2, paragraph: 3, cut: true });
    expect(alone).not.toHaveProperty('passage');
    expect(alone!.sentence.endsWith('…')).toBe(true);
    expect(alone!.sentence.length).toBeLessThanOrEqual(140);
    expect(LONG.startsWith(alone!.sentence.slice(0, -1))).toBe(true);
    expect(toldElsewhere(comparison, lamp, { maxChars: 40 })[0]!.places[1]!.sentence.length).toBeLessThanOrEqual(40);
  });

  it('numbers passages as the event view does, and says nothing for a passage with no related links', () => {
    const index = indexComparison(comparison);
    const lookup = passageLookup(comparison);
    for (const badge of index.groups) for (const member of badge.members) for (const p of member.paragraphs) expect(lookup(member.doc, p)).toEqual({ id: badge.id, number: badge.number });
    expect(lookup(2, 3)).toBeUndefined();
    // From the storm's side: Pell Gazette tells it in passage 1.
    expect(toldElsewhere(comparison, storm)).toEqual([
      { doc: 1, places: [expect.objectContaining({ paragraph: 1, passage: { id: 'lamp', number: 1 }, sentence: B_LAMP })] },
    ]);
    expect(toldElsewhere(comparison, crews)).toEqual([]);
    expect(toldElsewhere(bare, bare.groups[0]!)).toEqual([]);
  });

  it('tells the two ends of each related link apart and leaves out a link with both ends inside', () => {
    const ends = relatedEnds(comparison, lamp);
    expect(ends).toHaveLength(4);
    expect(ends.map((end) => [end.outside.doc, end.paragraph, end.passage?.number])).toEqual([
      [2, 3, undefined],
      [2, 2, 3],
      [2, 2, 3],
      [1, 2, 2],
    ]);
    expect(ends.every((end) => end.inside.doc === 0 || end.inside.doc === 1)).toBe(true);
  });

  it('puts where in words', () => {
    const place = (paragraph: number, number?: number): ToldPlace => ({
      doc: 0,
      paragraph,
      ...(number ? { passage: { id: `g${number}`, number } } : {}),
      start: 0,
      end: 1,
      sentence: '',
      cut: false,
      score: 0.3,
      terms: [],
    });
    expect(whereTold(toldElsewhere(comparison, lamp)[0]!.places)).toBe('in passage 3 and in a paragraph only it has');
    expect(whereTold([place(4, 3)])).toBe('in passage 3');
    expect(whereTold([place(4, 5), place(2, 3), place(3, 3)])).toBe('in passages 3 and 5');
    expect(whereTold([place(1, 2), place(2, 3), place(4, 5)])).toBe('in passages 2, 3 and 5');
    expect(whereTold([place(1), place(2)])).toBe('in paragraphs only it has');
    expect(whereTold([])).toBe('');
  });

  it('lists "Also mentioned elsewhere" for Why together?: source, passage or only in this source, words in common; blind mode hides outlets', () => {
    const shown = elsewhereReasons(lamp, comparison, blind.label);
    expect(shown.total).toBe(3);
    expect(shown.more).toBe(0);
    expect(shown.rows.map((row) => [row.label, row.where, row.terms])).toEqual([
      ['Source B', 'passage 2', ['lamp']],
      ['Source C', 'passage 3', ['lit again', 'Friday night', 'lamp']],
      ['Source C', 'only in this source', ['volunteers', 'rewired']],
    ]);
    expect(JSON.stringify(shown)).not.toMatch(OUTLETS);
    expect(elsewhereReasons(lamp, comparison, blind.label, { limit: 1 })).toMatchObject({ total: 3, more: 2 });
    expect(elsewhereReasons(crews, comparison, blind.label)).toEqual({ rows: [], more: 0, total: 0 });
  });
});

// The invented five-source story of tests/support/ferries.ts: larkspur-post tells the extra
// ferries in the last sentence of its lede, which went to the bridge's passage.
const story = ferriesStory();

describe('toldElsewhere on a comparison worked out by the core', () => {
  it('says the ferries passage is told by the source whose lede went to the bridge passage, in that sentence', () => {
    const compared = compareDocuments(story);
    const index = indexComparison(compared);
    const lede = index.groupOf({ doc: 0, paragraph: 1 });
    expect(lede, 'larkspur-post’s lede is in a passage').toBeDefined();
    const ferries = compared.groups.find((group) => group.id !== lede!.id && !group.members.some((member) => member.doc === 0));
    expect(ferries, 'a passage larkspur-post has no paragraph in').toBeDefined();
    const told = toldElsewhere(compared, ferries!, { passageOf: (d, paragraph) => index.groupOf({ doc: d, paragraph }) });
    expect(told).toEqual([
      {
        doc: 0,
        places: [expect.objectContaining({ paragraph: 1, passage: { id: lede!.id, number: lede!.number }, sentence: 'Quell Lines will add extra ferry sailings.', cut: false })],
      },
    ]);
    expect(told[0]!.places[0]!.terms.length).toBeGreaterThan(0);
  });
});

// Rendering, as the app shows it.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
  host = null;
});
beforeAll(() => {
  // jsdom lays nothing out and has no scrolling boxes.
  if (!Element.prototype.scrollTo) Element.prototype.scrollTo = () => undefined;
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
});

function mount(element: ReturnType<typeof createElement>): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(element));
  return host;
}

function renderEvent(of: Comparison, onSelect: (ref: unknown) => void = () => undefined): HTMLElement {
  const index = indexComparison(of);
  return mount(
    createElement(EventView, {
      comparison: of,
      index,
      rows: eventRows(of, index),
      labels: of.documents.map((_doc, i) => blind.label(i)),
      selected: null,
      onSelect,
      noteCounts: new Map(),
      hiddenKinds: [],
      activeDifference: null,
      focus: null,
    }),
  );
}

const cell = (page: HTMLElement, passage: number, doc: number): HTMLElement => page.querySelector<HTMLElement>(`tr[data-group="${passage}"] td[data-doc="${doc}"]`)!;

describe('the event view’s empty cells', () => {
  it('keep "Not reported" and say where a source mentions the passage’s event elsewhere, with the sentence', () => {
    const page = renderEvent(comparison);
    const told = cell(page, 1, 2);
    expect(told.classList.contains('event-cell--empty')).toBe(true);
    // The same event, not the same facts: not reported here, but the reader is shown where.
    expect(told.querySelector('.event-cell__nothing')!.textContent).toBe('Not reported');
    const places = [...told.querySelectorAll('.told-elsewhere')];
    expect(places.map((place) => place.querySelector('.told-elsewhere__where')!.textContent)).toEqual([
      'Mentions the event in passage 3',
      'Mentions the event in a paragraph only it has',
    ]);
    expect(places[0]!.querySelector('.told-elsewhere__quote')!.textContent).toBe(C_LAMP);
    expect(places[1]!.querySelector('.told-elsewhere__quote')!.textContent!.endsWith('…')).toBe(true);
    // The words for screen readers name the source as the page does (blind here).
    expect(told.querySelector('.visually-hidden')!.textContent).toBe(' by Source C');
    // Tull Post tells none of it.
    const nothing = cell(page, 1, 3);
    expect(nothing.querySelector('.event-cell__nothing')!.textContent).toBe('Not reported');
    expect(nothing.querySelector('.visually-hidden')!.textContent).toBe(' by Source D');
    // From the storm's row, Pell Gazette tells it in passage 1.
    expect(cell(page, 3, 1).querySelector('.told-elsewhere__where')!.textContent).toBe('Mentions the event in passage 1');
    expect(page.textContent).not.toMatch(OUTLETS);
  });

  it('say "Not reported" when the comparison has no related links', () => {
    const page = renderEvent(bare);
    expect(cell(page, 1, 2).textContent).toBe('Not reported by Source C');
    expect(page.querySelector('.told-elsewhere')).toBeNull();
  });

  it('take the reader to the passage: "passage 3" selects the paragraph there and focuses it', async () => {
    const onSelect = vi.fn();
    const page = renderEvent(comparison, onSelect);
    const go = [...cell(page, 1, 2).querySelectorAll('button')];
    expect(go.map((button) => button.textContent)).toEqual(['passage 3', 'a paragraph only it has']);
    act(() => go[0]!.click());
    expect(onSelect).toHaveBeenCalledWith({ doc: 2, paragraph: 2 });
    await act(() => new Promise<void>((done) => requestAnimationFrame(() => done())));
    const focused = document.activeElement as HTMLElement;
    expect(focused.closest('tr')!.getAttribute('data-group')).toBe('3');
    expect(focused.closest('td')!.getAttribute('data-doc')).toBe('2');
    act(() => go[1]!.click());
    expect(onSelect).toHaveBeenLastCalledWith({ doc: 2, paragraph: 3 });
  });

  it('list "Also mentioned elsewhere" under Why together?', () => {
    const page = renderEvent(comparison);
    const why = page.querySelector<HTMLButtonElement>('tr[data-group="1"] .why-button')!;
    act(() => why.click());
    const panel = page.querySelector('.reasons__elsewhere')!;
    expect(panel.querySelector('.reasons__elsewhere-title')!.textContent).toBe('Also mentioned elsewhere');
    expect([...panel.querySelectorAll('.elsewhere-row')].map((row) => row.textContent)).toEqual([
      'Source B, passage 2. In common: lamp',
      'Source C, passage 3. In common: lit again, Friday night, lamp',
      'Source C, only in this source. In common: volunteers, rewired',
    ]);
    // A passage with no related links has no such section.
    act(() => page.querySelector<HTMLButtonElement>('tr[data-group="2"] .why-button')!.click());
    expect(page.querySelectorAll('.reasons__elsewhere')).toHaveLength(1);
  });
});

describe('presentation mode', () => {
  function present(of: Comparison, hidden: boolean): HTMLElement {
    return mount(
      createElement(
        SourceLabelContext.Provider,
        { value: sourceLabels(of.documents, hidden) },
        createElement(PresentationView, { comparison: of, index: indexComparison(of), hiddenKinds: [], onExit: () => undefined }),
      ),
    );
  }

  it('says where a source that does not report the passage mentions its event elsewhere, in blind mode too', () => {
    const page = present(comparison, true);
    expect(page.querySelector('.present__position')!.textContent).toBe('Passage 1 of 3');
    const lines = [...page.querySelectorAll('.present__missing')].map((line) => line.textContent);
    expect(lines).toEqual(['Not reported by Source C, Source D', 'Source C mentions the event in passage 3 and in a paragraph only it has']);
    expect(page.textContent).not.toMatch(OUTLETS);
  });

  it('names the sources as the page does when names are shown, and says "Not reported" of all when there are no related links', () => {
    expect([...present(comparison, false).querySelectorAll('.present__missing')].map((line) => line.textContent)).toEqual([
      'Not reported by Wend Times, Tull Post',
      'Wend Times mentions the event in passage 3 and in a paragraph only it has',
    ]);
    act(() => root?.unmount());
    root = null;
    host?.remove();
    expect([...present(bare, false).querySelectorAll('.present__missing')].map((line) => line.textContent)).toEqual(['Not reported by Wend Times, Tull Post']);
  });
});
