import { describe, expect, it } from 'vitest';
import type { Difference } from '../../src/shared/contract/comparison';
import { displayLabel, neutralLabel, sourceLabels } from '../../src/renderer/src/lib/sourceLabel';

const docs = [
  { label: 'Fenwick Gazette', title: 'Bridge closes after storm', path: '/news/fenwick-gazette.txt' },
  { label: 'Gazette', title: 'Storm shuts bridge', path: '/news/gazette.txt' },
  { label: '000', title: 'A title from a numbered file', path: '/news/000_abc.txt' },
];

describe('neutralLabel', () => {
  it('counts A to Z, then AA, AB…', () => {
    expect([0, 1, 2, 25, 26, 27, 49].map(neutralLabel)).toEqual(['Source A', 'Source B', 'Source C', 'Source Z', 'Source AA', 'Source AB', 'Source AX']);
  });
});

describe('displayLabel', () => {
  it('shows the label, or the neutral one in blind mode or when the label is blank', () => {
    expect(displayLabel(docs[0], 0, false)).toBe('Fenwick Gazette');
    expect(displayLabel(docs[0], 0, true)).toBe('Source A');
    expect(displayLabel({ label: '  ' }, 3, false)).toBe('Source D');
    expect(displayLabel(undefined, 1, false)).toBe('Source B');
  });
});

describe('sourceLabels', () => {
  it('shows names, titles and metadata when names are not hidden', () => {
    const labels = sourceLabels(docs, false);
    expect(labels.hidden).toBe(false);
    expect(labels.label(1)).toBe('Gazette');
    expect(labels.title(0)).toBe('Bridge closes after storm');
    expect(labels.metadata('/news/gazette.txt')).toBe('/news/gazette.txt');
    expect(labels.labelForPath('/news/gazette.txt')).toBe('Gazette');
    expect(labels.labelForPath('/elsewhere/closed-source.txt')).toBe('closed-source.txt');
    expect(labels.scrub('Only Gazette reports this')).toBe('Only Gazette reports this');
  });

  it('hides names, titles, metadata and file names in blind mode', () => {
    const labels = sourceLabels(docs, true);
    expect(labels.hidden).toBe(true);
    expect(labels.label(0)).toBe('Source A');
    expect(labels.title(0)).toBeUndefined();
    expect(labels.metadata('By Ann Other')).toBeUndefined();
    expect(labels.labelForPath('/news/gazette.txt')).toBe('Source B');
    expect(labels.labelForPath('/elsewhere/closed-source.txt')).toBe('A source not open now');
  });

  it('describes a difference with the names shown: neutral labels in blind mode, with no real name let through', () => {
    const difference: Difference = {
      group: '',
      kind: 'omission',
      spans: [{ doc: 0, start: 0, end: 10 }],
      rule: 'paragraph-one-side',
      sides: [
        { doc: 0, part: 'has', terms: [] },
        { doc: 1, part: 'lacks', terms: [] },
        { doc: 2, part: 'lacks', terms: [] },
      ],
    };
    expect(sourceLabels(docs, false).describe(difference)).toBe('Only Fenwick Gazette reports this; Gazette, 000 leave it out');
    const blind = sourceLabels(docs, true).describe(difference);
    expect(blind).toBe('Only Source A reports this; Source B, Source C leave it out');
    expect(blind).not.toMatch(/Gazette|000/);
    // The words of the articles are quoted as they are written, names and all: only the names
    // Parallax gives the sources change.
    const clause: Difference = {
      group: 'g1',
      kind: 'omission',
      spans: [{ doc: 1, start: 0, end: 10 }],
      rule: 'clause-one-side',
      sides: [
        { doc: 1, part: 'has', terms: [{ text: 'the mayor told reporters' }] },
        { doc: 0, part: 'lacks', terms: [] },
      ],
    };
    expect(sourceLabels(docs, true).describe(clause)).toBe('Only Source B says “the mayor told reporters”; Source A leaves it out');
  });

  it('gives the saved note of a difference from an older comparison, with names hidden in blind mode', () => {
    const legacy: Difference = { group: 'g1', kind: 'hedge', spans: [], note: 'Gazette hedges with “may”; Fenwick Gazette states it plainly' };
    expect(sourceLabels(docs, false).describe(legacy)).toBe('Gazette hedges with “may”; Fenwick Gazette states it plainly');
    expect(sourceLabels(docs, true).describe(legacy)).toBe('Source B hedges with “may”; Source A states it plainly');
  });

  it('puts neutral labels into summaries Parallax wrote and saved earlier, longest name first, whole words only', () => {
    const labels = sourceLabels(docs, true);
    expect(labels.scrub('Only Fenwick Gazette reports this; Gazette leaves it out')).toBe('Only Source A reports this; Source B leaves it out');
    expect(labels.scrub('gazette’s figure')).toBe('Source B’s figure');
    // Not inside other words, and a numeric label is not found inside a number.
    expect(labels.scrub('Gazettes and 46,000 people; 000: 12')).toBe('Gazettes and 46,000 people; Source C: 12');
  });
});
