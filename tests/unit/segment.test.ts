import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyParagraphs, SEGMENT_PATTERNS, segmentText, splitParagraphs } from '../../src/shared/core/segment.js';
import { tokenize } from '../../src/shared/core/text.js';
import { paragraphTexts, seedDocument } from '../support/seeds.js';

const texts = (text: string): string[] => splitParagraphs(text).map((range) => text.slice(range.start, range.end));

describe('splitParagraphs', () => {
  it('splits blank-line blocks and trims them, keeping offsets into the text', () => {
    const text = '  Headline here  \n\nFirst paragraph.\n\n\n Second one. \n';
    expect(texts(text)).toEqual(['Headline here', 'First paragraph.', 'Second one.']);
    const [first] = splitParagraphs(text);
    expect(first).toEqual({ start: 2, end: 15 });
  });

  it('treats one paragraph per line as separate paragraphs (scraped text without blank lines)', () => {
    const text =
      'A title\nThe first paragraph is long enough to be a paragraph and ends with a full stop, as they do, and goes on and on for a while longer.\nThe second paragraph is also long enough and it ends like the first one does, with a full stop and then nothing.';
    expect(texts(text)).toHaveLength(3);
  });

  it('rejoins a hard-wrapped paragraph into one range', () => {
    const text = 'The council met on Tuesday evening to discuss the\nflood defences along the river, which residents say\nhave been neglected for a decade.\n\nNext paragraph.';
    const result = texts(text);
    expect(result).toHaveLength(2);
    expect(result[0]).toContain('\nflood defences');
  });

  it('handles Windows line endings', () => {
    expect(texts('One.\r\n\r\nTwo.\r\n')).toEqual(['One.', 'Two.']);
  });

  describe('edge cases', () => {
    it('gives nothing for empty or blank text', () => {
      expect(splitParagraphs('')).toEqual([]);
      expect(splitParagraphs(' \n\u00a0\n\t')).toEqual([]);
    });
  });
});

describe('classifyParagraphs', () => {
  it('finds the title, headings, captions and boilerplate', () => {
    const text = [
      'River Town Floods After Levee Gives Way',
      'By Jane Placeholder',
      'Residents wade through the main street on Sunday [Photo/archive]',
      'Water poured into the lower town on Sunday after a section of the levee failed, officials said.',
      'What Went Wrong',
      'Engineers had warned of the weakness in a report two years ago, according to council records.',
      'Share this article',
      'LEAVE A REPLY',
      '© 2026 The Example Gazette. All rights reserved.',
    ].join('\n\n');
    expect(classifyParagraphs(text, splitParagraphs(text)).map((paragraph) => paragraph.kind)).toEqual([
      'title',
      'boilerplate',
      'caption',
      'body',
      'heading',
      'body',
      'boilerplate',
      'boilerplate',
      'boilerplate',
    ]);
  });
});

describe('segmentText on the seeds', () => {
  it('gives seed 004 its title and six body paragraphs', () => {
    const kinds = seedDocument('004').paragraphs.map((paragraph) => paragraph.kind);
    expect(kinds).toEqual(['title', 'body', 'body', 'body', 'body', 'body', 'body']);
  });

  it('sets aside the junk of seed 000 and keeps its article', () => {
    const paragraphs = paragraphTexts(seedDocument('000'));
    const kindOf = (needle: string): string | undefined => paragraphs.find((paragraph) => paragraph.text.includes(needle))?.kind;
    expect(kindOf('Views:')).toBe('boilerplate');
    expect(kindOf('[Getty/archive]')).toBe('caption');
    expect(kindOf('La source de cet article')).toBe('boilerplate');
    expect(kindOf('LEAVE A REPLY')).toBe('boilerplate');
    expect(kindOf('Please enter your comment!')).toBe('boilerplate');
    expect(kindOf('SHARE:')).toBe('boilerplate');
    expect(kindOf('spot_imgspot_img')).toBe('boilerplate');
    expect(kindOf('hell to pay')).toBe('body');
    expect(paragraphs.filter((paragraph) => paragraph.kind === 'body')).toHaveLength(12);
  });

  it('sets aside the "See also" inserts of seed 002, with their no-break space, and its author bio', () => {
    const paragraphs = paragraphTexts(seedDocument('002'));
    const seeAlso = paragraphs.filter((paragraph) => paragraph.text.startsWith('See also'));
    expect(seeAlso.length).toBe(2);
    expect(seeAlso.every((paragraph) => paragraph.kind === 'boilerplate')).toBe(true);
    expect(paragraphs.find((paragraph) => paragraph.text.startsWith('I am a dedicated'))?.kind).toBe('boilerplate');
    expect(paragraphs.find((paragraph) => paragraph.text === 'By Ali Raza')?.kind).toBe('boilerplate');
  });

  it('finds the headings of seed 001', () => {
    const paragraphs = paragraphTexts(seedDocument('001'));
    expect(paragraphs.find((paragraph) => paragraph.text === 'Contentious Factors')?.kind).toBe('heading');
    expect(paragraphs.find((paragraph) => paragraph.text.includes('445,581'))?.kind).toBe('body');
  });

  it('never gives a paragraph outside its text, and paragraphs never overlap', () => {
    for (const number of ['000', '001', '002', '003', '004']) {
      const document = seedDocument(number);
      let previous = 0;
      for (const paragraph of document.paragraphs) {
        expect(paragraph.start).toBeGreaterThanOrEqual(previous);
        expect(paragraph.end).toBeGreaterThan(paragraph.start);
        expect(paragraph.end).toBeLessThanOrEqual(document.text.length);
        expect(document.text.slice(paragraph.start, paragraph.end)).toBe(document.text.slice(paragraph.start, paragraph.end).trim());
        previous = paragraph.end;
      }
    }
  });

  it('segments a text the same way every time', () => {
    const text = 'Title\n\nOne paragraph here.\n\nAnother one.';
    expect(segmentText(text)).toEqual(segmentText(text));
  });
});

describe('classifyParagraphs: its patterns with Unicode classes, tried cheaply first (issue 13)', () => {
  const patterns = SEGMENT_PATTERNS.unicode();
  /** Pieces that make lines near what the patterns match: bylines, dates, credits, "published", inserted headlines. */
  const PLAIN_PIECES = ['By ', 'by ', 'BY\t', 'bY  ', '(', ')', ', ', ',', ' ', '  ', 'Monday', 'day', 'Day', 'Sunday, ', '4', '12', '2024', ' 2024', '10:30', '9.05', ' am', 'PM', 'Published', 'updated', 'Posted', ' on ', 'ON', ':', ' – ', ' - ', ' — ', '—', '–', 'Ana', 'ana', 'Jane Smith', 'O’Neil', 'x', 'ABC', 'A.', '.', '|', '’', '“', '…', 'March', "'", '-', '\n', 'Council Rejects Plan'];
  const OTHER_PIECES = ['É', 'émile', 'Ünal', 'ſ', 'K', 'k', 'ß', '\u0345', '漢字', '𝐀', '·', '•', '\u00a0', 'İ', 'ı', 'Ωmega'];
  const plainLine = fc.array(fc.constantFrom(...PLAIN_PIECES), { maxLength: 12 }).map((pieces) => pieces.join(''));
  const anyLine = fc.array(fc.constantFrom(...PLAIN_PIECES, ...OTHER_PIECES), { maxLength: 12 }).map((pieces) => pieces.join(''));

  it('match on a plain line exactly where the patterns they stand for do', () => {
    fc.assert(
      fc.property(plainLine, (line) => {
        expect(SEGMENT_PATTERNS.notPlain.test(line)).toBe(false);
        for (const { pattern, plain } of patterns) expect(plain.test(line)).toBe(pattern.test(line));
      }),
      { numRuns: 20_000 },
    );
  });

  it('pass every line the patterns match (prechecks)', () => {
    fc.assert(
      fc.property(anyLine, (line) => {
        for (const { pattern, precheck } of patterns) if (pattern.test(line)) expect(precheck(line)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('match the lines they are for', () => {
    const lines = ['By Jane Smith', 'by O’Neil | Reuters', 'Monday, 4 March 2024', 'March 4, 2024 10:30 am', '(AP, Reuters)', '(Reuters)', 'Published on March 4', 'Updated: 12 March 2024', 'Council Rejects Plan – Union Official', 'By Émile Zola', '(Ünal, AFP)'];
    for (const line of lines) expect(patterns.some(({ pattern }) => pattern.test(line)), line).toBe(true);
    for (const line of lines) {
      for (const { pattern, precheck, plain } of patterns) {
        const found = !precheck(line) ? false : SEGMENT_PATTERNS.notPlain.test(line) ? pattern.test(line) : plain.test(line);
        expect(found, `${line} ${pattern}`).toBe(pattern.test(line));
      }
    }
  });

  it('rest on facts about case folding and letters that hold for every code point', () => {
    const single = (source: string, flags: string): RegExp => new RegExp(`^${source}$`, flags);
    const differ: string[] = [];
    const checks: [RegExp, RegExp][] = [
      // The date pattern without its i flag.
      [single('\\p{L}', 'iu'), single('[\\p{L}\\u0345]', 'u')],
      ...'dayampDAYAMP'.split('').map((c): [RegExp, RegExp] => [single(c, 'iu'), single(`[${c.toLowerCase()}${c.toUpperCase()}]`, 'u')]),
      // The precheck of "published", "updated", "posted".
      [single('[pu]', 'iu'), single('[PpUu]', 'u')],
    ];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const c = String.fromCodePoint(cp);
      for (const [a, b] of checks) if (a.test(c) !== b.test(c)) differ.push(`${cp.toString(16)} ${a}`);
    }
    expect(differ).toEqual([]);
  });

  it('give the date pattern as it was written with the i flag', () => {
    const before = /^(\p{L}+day,?\s+)?(\d{1,2}\s+\p{L}+|\p{L}+\s+\d{1,2},?)\s+\d{4}(\s*[|·•,]?\s*\d{1,2}[:.]\d{2}\s*(am|pm)?)?$/iu;
    const date = patterns.find(({ pattern }) => pattern.source.includes('[dD][aA][yY]'))!.pattern;
    fc.assert(
      fc.property(anyLine, (line) => {
        expect(date.test(line)).toBe(before.test(line));
      }),
      { numRuns: 20_000 },
    );
    expect(date.test('Monday, 4 March 2024')).toBe(true);
  });

  it('look for French or Spanish words only in a line with three places one may stand (mayBeForeign)', () => {
    const words = SEGMENT_PATTERNS.foreignWords();
    const cased = fc.tuple(fc.constantFrom(...words), fc.constantFrom('lower', 'upper', 'title')).map(([word, kase]) =>
      kase === 'upper' ? word.toUpperCase() : kase === 'title' ? word[0]!.toUpperCase() + word.slice(1) : word,
    );
    const other = fc.constantFrom(' ', '  ', ', ', '5', 'é', 'É', 'x', 'K', 'K', "'", '’', '-', 'the', 'and', ' de la ', '漢', '\u0301', '.');
    fc.assert(
      fc.property(fc.array(fc.oneof(cased, other), { maxLength: 14 }), (pieces) => {
        const line = pieces.join('');
        const foreign = tokenize(line).filter((token) => words.includes(token.norm)).length;
        if (foreign >= 3) expect(SEGMENT_PATTERNS.mayBeForeign(line)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    expect(segmentText('Title line here\n\nEl presidente de la república se encuentra en la capital.\n\nThe body of the article goes on for a while, long enough to be body text.').map((p) => p.kind)).toEqual(['title', 'boilerplate', 'body']);
  });

  it('classifies a long list of short lines in linear time', () => {
    const lines: string[] = ['A headline of the page'];
    for (let i = 0; i < 20_000; i++) lines.push(i % 3 === 0 ? 'Read more:' : `Another short line ${i}`);
    lines.push('And a long paragraph of body text at the end of it all, which ends as sentences do.');
    const started = performance.now();
    const kinds = segmentText(lines.join('\n\n')).map((paragraph) => paragraph.kind);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(kinds.slice(0, 4)).toEqual(['title', 'boilerplate', 'boilerplate', 'boilerplate']);
    expect(kinds.at(-1)).toBe('body');
  });
});
