import { describe, expect, it } from 'vitest';
import { applySourcePreferences, makeSourceDocument, paragraphKey } from '../../src/shared/core/document.js';
import { seedDocument } from '../support/seeds.js';

const kinds = (document: ReturnType<typeof makeSourceDocument>): string[] => document.paragraphs.map((paragraph) => paragraph.kind);
const texts = (document: ReturnType<typeof makeSourceDocument>): string[] =>
  document.paragraphs.map((paragraph) => document.text.slice(paragraph.start, paragraph.end));

describe('makeSourceDocument from structured blocks', () => {
  const document = makeSourceDocument({
    path: '/pages/saved.html',
    blocks: [
      { text: 'Levee   breach\n floods the lower town', kind: 'title' },
      { text: 'Water reached the square by midnight, the council said.' },
      { text: 'What we know', kind: 'heading' },
      { text: 'Short line', kind: 'body' },
      { text: 'A boat on Quay Street.', kind: 'caption' },
      { text: 'Guessed heading' },
      { text: 'Rescue boats moved along the flooded street. [Photo/archive]', kind: 'body' },
      { text: '   ' },
      { text: 'Share this article' },
    ],
    metadata: { format: 'html', siteName: 'The Example Gazette', byline: 'A. Writer' },
  });

  it('joins the blocks with blank lines, one paragraph each, white space folded', () => {
    expect(texts(document)).toEqual([
      'Levee breach floods the lower town',
      'Water reached the square by midnight, the council said.',
      'What we know',
      'Short line',
      'A boat on Quay Street.',
      'Guessed heading',
      'Rescue boats moved along the flooded street. [Photo/archive]',
      'Share this article',
    ]);
    expect(document.text.split('\n\n')).toHaveLength(8);
  });

  it('keeps the kinds the markup gives, still finds boilerplate and captions, and guesses only where the markup is silent', () => {
    expect(kinds(document)).toEqual(['title', 'body', 'heading', 'body', 'caption', 'heading', 'caption', 'boilerplate']);
  });

  it('takes the outlet from metadata as the label and keeps the metadata', () => {
    expect(document.label).toBe('The Example Gazette');
    expect(document.title).toBe('Levee breach floods the lower town');
    expect(document.metadata?.byline).toBe('A. Writer');
  });

  describe('edge cases', () => {
    it('gives an empty document for no blocks, labelled from the file name', () => {
      const empty = makeSourceDocument({ path: '/x/the-daily.html', blocks: [] });
      expect(empty.text).toBe('');
      expect(empty.paragraphs).toEqual([]);
      expect(empty.label).toBe('The Daily');
    });

    it('drops a section suffix from a title', () => {
      // Seed 003's first line is "<headline> | <section> News": the title keeps the headline only
      // (read from the seed, whose text is not ours to copy here).
      const document = seedDocument('003');
      const firstLine = document.text.slice(0, document.text.indexOf('\n'));
      const [headline, section] = firstLine.split(' | ');
      expect(section).toMatch(/News$/);
      expect(document.title).toBe(headline);
    });
  });
});

describe('applySourcePreferences', () => {
  const document = seedDocument('000');
  const caption = document.paragraphs.findIndex((paragraph) => paragraph.kind === 'caption');
  const body = document.paragraphs.findIndex((paragraph) => paragraph.kind === 'body');

  it('marks paragraphs as text or junk by their words, and renames', () => {
    const changed = applySourcePreferences(document, {
      label: '  Aggregator  ',
      kinds: { [paragraphKey(document, caption)]: 'body', [paragraphKey(document, body)]: 'boilerplate' },
    });
    expect(changed.label).toBe('Aggregator');
    expect(changed.paragraphs[caption]!.kind).toBe('body');
    expect(changed.paragraphs[body]!.kind).toBe('boilerplate');
    expect(document.paragraphs[body]!.kind).toBe('body');
  });

  it('follows a paragraph when the file changes elsewhere', () => {
    const key = paragraphKey(document, body);
    const edited = makeSourceDocument({ path: document.path, text: 'A new first line.\n\n' + document.text });
    const moved = edited.paragraphs.findIndex((_p, index) => paragraphKey(edited, index) === key);
    expect(moved).toBe(body + 1);
    expect(applySourcePreferences(edited, { kinds: { [key]: 'boilerplate' } }).paragraphs[moved]!.kind).toBe('boilerplate');
  });

  it('keeps a title a title when it is marked as article text, and returns the same object when nothing applies', () => {
    const title = document.paragraphs.findIndex((paragraph) => paragraph.kind === 'title');
    expect(applySourcePreferences(document, { kinds: { [paragraphKey(document, title)]: 'body' } })).toBe(document);
    expect(applySourcePreferences(document, { label: '' })).toBe(document);
    expect(applySourcePreferences(document, undefined)).toBe(document);
  });
});
