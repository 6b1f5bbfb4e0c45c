import { describe, expect, it } from 'vitest';
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

  it('puts neutral labels into notes Parallax wrote, longest name first, whole words only', () => {
    const labels = sourceLabels(docs, true);
    expect(labels.scrub('Only Fenwick Gazette reports this; Gazette leaves it out')).toBe('Only Source A reports this; Source B leaves it out');
    expect(labels.scrub('gazette’s figure')).toBe('Source B’s figure');
    // Not inside other words, and a numeric label is not found inside a number.
    expect(labels.scrub('Gazettes and 46,000 people; 000: 12')).toBe('Gazettes and 46,000 people; Source C: 12');
  });
});
