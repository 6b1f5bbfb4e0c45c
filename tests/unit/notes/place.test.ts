import { describe, expect, it } from 'vitest';
import { placeNotes, reanchor } from '../../../src/shared/notes/place.js';
import { differenceTarget, groupTarget, paragraphTarget, passageTarget } from '../../../src/shared/notes/targets.js';
import { comparisonOf, doc, FERRY_A, FERRY_B, noteOn, rangeOf } from './fixture.js';

const PATH_A = '/articles/ferry-a.txt';
const PATH_B = '/articles/ferry-b.txt';

describe('targets', () => {
  it('a paragraph target quotes the paragraph with context and its offsets', () => {
    const a = doc(PATH_A, FERRY_A);
    const target = paragraphTarget(a, 2)!;
    expect(target.kind).toBe('paragraph');
    expect(target.quote.exact).toBe(a.text.slice(a.paragraphs[2]!.start, a.paragraphs[2]!.end));
    expect(target.quote.prefix).toBe(a.text.slice(a.paragraphs[2]!.start - 32, a.paragraphs[2]!.start));
    expect(target.position).toEqual({ type: 'TextPositionSelector', start: a.paragraphs[2]!.start, end: a.paragraphs[2]!.end });
    expect(target.sourceHash).toBe(a.hash);
    expect(paragraphTarget(a, 99)).toBeUndefined();
  });

  it('a passage target finds its paragraph and refuses empty or out-of-range selections', () => {
    const a = doc(PATH_A, FERRY_A);
    const { start, end } = rangeOf(a.text, 'dredging had been postponed twice');
    const target = passageTarget(a, start, end)!;
    expect(target.paragraph).toBe(2);
    expect(target.quote.exact).toBe('dredging had been postponed twice');
    expect(passageTarget(a, 5, 5)).toBeUndefined();
    expect(passageTarget(a, 0, a.text.length + 1)).toBeUndefined();
    expect(passageTarget(a, a.paragraphs[0]!.end, a.paragraphs[1]!.start)).toBeUndefined();
  });

  it('group and difference targets have one anchor per member paragraph and per span', () => {
    const a = doc(PATH_A, FERRY_A);
    const b = doc(PATH_B, FERRY_B);
    const said = rangeOf(a.text, 'said');
    const claimed = rangeOf(b.text, 'claimed');
    const comparison = comparisonOf(
      [a, b],
      [{ id: 'g1', members: [{ doc: 0, paragraphs: [2] }, { doc: 1, paragraphs: [2] }], score: 0.8 }],
      [
        // Saved before differences carried their rule: its note is the summary.
        { group: 'g1', kind: 'attribution', spans: [{ doc: 0, ...said }, { doc: 1, ...claimed }], note: 'said → claimed' },
        {
          group: 'g1',
          kind: 'wording',
          spans: [{ doc: 0, ...said }],
          rule: 'wording',
          sides: [
            { doc: 0, part: 'has', terms: [{ text: 'said' }] },
            { doc: 1, part: 'lacks', terms: [] },
          ],
        },
      ],
    );
    const group = groupTarget(comparison, 'g1')!;
    expect(group.anchors.map((anchor) => [anchor.source, anchor.paragraph])).toEqual([[PATH_A, 2], [PATH_B, 2]]);
    expect(groupTarget(comparison, 'nope')).toBeUndefined();
    const difference = differenceTarget(comparison, 0)!;
    expect(difference.differenceKind).toBe('attribution');
    expect(difference.summary).toBe('said → claimed');
    expect(difference.anchors.map((anchor) => anchor.quote.exact)).toEqual(['said', 'claimed']);
    // The summary of a difference is its description, naming the sources by their labels.
    expect(differenceTarget(comparison, 1)!.summary).toBe('Ferry A has “said”; Ferry B leaves it out');
    expect(differenceTarget(comparison, 2)).toBeUndefined();
  });
});

describe('reanchor', () => {
  const a = doc(PATH_A, FERRY_A);

  it('is exact while the source is unchanged', () => {
    const target = paragraphTarget(a, 3)!;
    expect(reanchor(target, a, 0)).toEqual({ doc: 0, paragraph: 3, start: a.paragraphs[3]!.start, end: a.paragraphs[3]!.end, how: 'exact' });
  });

  it('is exact when the quote is still at its position in a changed source', () => {
    const target = paragraphTarget(a, 1)!;
    const changed = doc(PATH_A, FERRY_A.replace('by the harbour master', 'by the harbour master on Wednesday'));
    expect(reanchor(target, changed)?.how).toBe('exact');
  });

  it('follows a passage pushed down by a new paragraph above it', () => {
    const { start, end } = rangeOf(a.text, 'a shortage of drinking water');
    const target = passageTarget(a, start, end)!;
    const changed = doc(PATH_A, FERRY_A.replace('\n\n', '\n\nAn update was added at the top of this story in the afternoon.\n\n'));
    const placed = reanchor(target, changed)!;
    expect(placed.how).toBe('moved');
    expect(changed.text.slice(placed.start, placed.end)).toBe('a shortage of drinking water');
    expect(placed.paragraph).toBe(4);
  });

  it('follows a paragraph moved to another place in the article', () => {
    const paragraphs = FERRY_A.split('\n\n');
    const target = paragraphTarget(a, 2)!;
    const moved = doc(PATH_A, [paragraphs[0], paragraphs[1], paragraphs[3], paragraphs[4], paragraphs[2]].join('\n\n'));
    const placed = reanchor(target, moved)!;
    expect(placed.paragraph).toBe(4);
    expect(moved.text.slice(placed.start, placed.end)).toBe(paragraphs[2]);
  });

  it('finds a paragraph again after a few of its words were edited', () => {
    const target = paragraphTarget(a, 2)!;
    const edited = doc(PATH_A, `Breaking.\n\n${FERRY_A.replace('postponed twice', 'postponed three times')}`);
    const placed = reanchor(target, edited)!;
    expect(placed.how).toBe('moved');
    expect(placed.paragraph).toBe(3);
    expect(edited.text.slice(placed.start, placed.end)).toContain('postponed three times');
  });

  it('finds a passage whose words were slightly changed when its context agrees', () => {
    const { start, end } = rangeOf(a.text, 'cold cabins and a shortage');
    const target = passageTarget(a, start, end)!;
    const edited = doc(PATH_A, `Update.\n\n${FERRY_A.replace('cold cabins and a shortage', 'cold cabins, and a shortage')}`);
    const placed = reanchor(target, edited)!;
    expect(edited.text.slice(placed.start, placed.end)).toMatch(/^cold cabins, and a shortage/);
  });

  it('is an orphan when its passage was deleted', () => {
    const { start, end } = rangeOf(a.text, 'though nobody was hurt');
    const target = passageTarget(a, start, end)!;
    const deleted = doc(PATH_A, FERRY_A.replace(', though nobody was hurt', ''));
    expect(reanchor(target, deleted)).toBeNull();
    const paragraphGone = doc(PATH_A, FERRY_A.split('\n\n').filter((_, i) => i !== 3).join('\n\n'));
    expect(reanchor(paragraphTarget(a, 3)!, paragraphGone)).toBeNull();
  });

  it('is an orphan when the passage was rewritten beyond a few edits', () => {
    const target = paragraphTarget(a, 3)!;
    const rewritten = doc(PATH_A, FERRY_A.replace('Passengers described cold cabins and a shortage of drinking water, though nobody was hurt.', 'Travellers told of freezing rooms and little to drink; there were no injuries.'));
    expect(reanchor(target, rewritten)).toBeNull();
  });

  it('picks the occurrence of a repeated quote that its context supports', () => {
    const text = 'The council met on Monday. The mayor said the bridge would reopen.\n\nLater, the engineer said the bridge would reopen in May.';
    const original = doc(PATH_A, text);
    const second = rangeOf(text, 'said the bridge would reopen', 40);
    const target = passageTarget(original, second.start, second.end)!;
    const changed = doc(PATH_A, `Correction appended.\n\n${text}`);
    const placed = reanchor(target, changed)!;
    expect(placed.start).toBe(second.start + 'Correction appended.\n\n'.length);
  });

  it('is an orphan when a repeated quote cannot be told apart by its context', () => {
    // The repeated block is longer than the context a note keeps, so both copies look the same.
    const block = 'By noon the water had risen past the second step and the residents had left their homes. ';
    const text = block + block;
    const original = doc(PATH_A, `Intro line here.\n\n${text}`);
    const { start, end } = rangeOf(original.text, 'the second step');
    const target = passageTarget(original, start, end)!;
    // The words around both occurrences are now the same, and the first one's position changed.
    const changed = doc(PATH_A, `Another intro.\n\n${text}`);
    expect(reanchor(target, changed)).toBeNull();
  });

  it('does not move a short quote to an unrelated place that has the same words', () => {
    const text = 'The mayor spoke first about the budget.\n\nA long time later, the council voted on the proposal.';
    const original = doc(PATH_A, text);
    const { start, end } = rangeOf(text, 'spoke first');
    const target = passageTarget(original, start, end)!;
    const changed = doc(PATH_A, 'The treasurer opened the meeting with figures.\n\nOnly then the mayor, who spoke first at last year’s session, sat down.');
    expect(reanchor(target, changed)).toBeNull();
  });
});

describe('placeNotes', () => {
  const a = doc(PATH_A, FERRY_A);
  const b = doc(PATH_B, FERRY_B);
  const said = rangeOf(a.text, 'said');
  const claimed = rangeOf(b.text, 'claimed');
  const comparison = comparisonOf(
    [a, b],
    [
      { id: 'g1', members: [{ doc: 0, paragraphs: [1] }, { doc: 1, paragraphs: [1] }], score: 0.8 },
      { id: 'g2', members: [{ doc: 0, paragraphs: [2] }, { doc: 1, paragraphs: [2] }], score: 0.7 },
    ],
    [
      { group: 'g2', kind: 'wording', spans: [{ doc: 0, ...rangeOf(a.text, 'postponed') }, { doc: 1, ...rangeOf(b.text, 'put off') }] },
      { group: 'g2', kind: 'attribution', spans: [{ doc: 0, ...said }, { doc: 1, ...claimed }], note: 'said → claimed' },
    ],
  );

  it('places every kind of note on an unchanged comparison', () => {
    const notes = [
      noteOn(paragraphTarget(a, 1)!),
      noteOn(passageTarget(b, claimed.start, claimed.end)!),
      noteOn(groupTarget(comparison, 'g2')!),
      noteOn(differenceTarget(comparison, 1)!),
    ];
    const places = placeNotes(notes, comparison);
    expect(places.map((place) => place.status)).toEqual(['placed', 'placed', 'placed', 'placed']);
    expect(places[0]!.anchors[0]).toMatchObject({ doc: 0, paragraph: 1 });
    expect(places[1]!.anchors[0]).toMatchObject({ doc: 1, paragraph: 2, start: claimed.start, end: claimed.end });
    expect(places[2]!.group).toBe('g2');
    expect(places[3]!.difference).toBe(1);
  });

  it('finds a group and a difference again in a comparison worked out anew, with new ids', () => {
    const group = noteOn(groupTarget(comparison, 'g2')!);
    const difference = noteOn(differenceTarget(comparison, 1)!);
    const a2 = doc(PATH_A, `Latest.\n\n${FERRY_A}`);
    const anew = comparisonOf(
      [b, a2],
      [
        { id: 'x1', members: [{ doc: 0, paragraphs: [1] }, { doc: 1, paragraphs: [2] }], score: 0.8 },
        { id: 'x2', members: [{ doc: 0, paragraphs: [2] }, { doc: 1, paragraphs: [3] }], score: 0.7 },
      ],
      [
        { group: 'x2', kind: 'attribution', spans: [{ doc: 0, ...claimed }, { doc: 1, ...rangeOf(a2.text, 'said') }] },
        { group: 'x2', kind: 'loaded-term', spans: [{ doc: 0, ...claimed }] },
      ],
    );
    const [groupPlace, differencePlace] = placeNotes([group, difference], anew);
    expect(groupPlace!.status).toBe('moved');
    expect(groupPlace!.group).toBe('x2');
    expect(groupPlace!.anchors.map((anchor) => anchor && [anchor.doc, anchor.paragraph])).toEqual([[1, 3], [0, 2]]);
    expect(differencePlace!.difference).toBe(0);
  });

  it('keeps a note on a source that is not in the comparison as an orphan, and never drops one', () => {
    const other = doc('/elsewhere/other.txt', 'Something else entirely.\n\nA second paragraph.');
    const notes = [noteOn(paragraphTarget(other, 1)!), noteOn(paragraphTarget(a, 0)!)];
    const places = placeNotes(notes, comparison);
    expect(places).toHaveLength(2);
    expect(places[0]).toMatchObject({ status: 'orphan', anchors: [null] });
    expect(places[0]!.note).toBe(notes[0]);
    expect(places[1]!.status).toBe('placed');
  });

  it('places a group note whose member in one source is gone on the rest, as moved', () => {
    const group = noteOn(groupTarget(comparison, 'g2')!);
    const shrunk = comparisonOf([a], [], []);
    const [place] = placeNotes([group], shrunk);
    expect(place!.status).toBe('moved');
    expect(place!.anchors[0]).toMatchObject({ doc: 0, paragraph: 2 });
    expect(place!.anchors[1]).toBeNull();
    expect(place!.group).toBeUndefined();
  });
});

describe('reanchor with copies of the quote elsewhere', () => {
  it('finds the edited passage its context supports, not an unrelated copy of the old words', () => {
    const text = 'At the hearing the minister said the bridge was safe, and left.\n\nIn another town entirely, a builder said the bridge was safe too.';
    const original = doc(PATH_A, text);
    const { start, end } = rangeOf(text, 'minister said the bridge was safe');
    const target = passageTarget(original, start, end)!;
    const edited = doc(PATH_A, `New line.\n\n${text.replace('minister said the bridge', 'minister says the bridge')}`);
    const placed = reanchor(target, edited)!;
    expect(edited.text.slice(placed.start, placed.end)).toBe('minister says the bridge was safe');
  });

  it('is an orphan when a long paragraph now appears twice with other paragraphs around both', () => {
    const paragraph = 'Engineers inspected the spillway on Thursday and found the gates working as designed.';
    const original = doc(PATH_A, `First words.\n\n${paragraph}\n\nLast words.`);
    const target = paragraphTarget(original, 1)!;
    const twice = doc(PATH_A, `Alpha line.\n\n${paragraph}\n\nBeta line.\n\n${paragraph}\n\nGamma line.`);
    expect(reanchor(target, twice)).toBeNull();
  });
});
