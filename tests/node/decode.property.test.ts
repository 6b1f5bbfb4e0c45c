import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { TEXT_ENCODINGS, type TextEncoding } from '../../src/shared/contract/api.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';
import { decodeBytes, scanUtf8, type DecodeOutcome } from '../../src/main/services/decode.js';

/**
 * Properties of decodeBytes over inputs nobody wrote by hand. Run counts are kept small enough for
 * CI (the whole file takes a second or two); raise `numRuns` locally when changing decode.ts.
 */

const REPLACEMENT = '\uFFFD';

/** What must hold for every outcome, whatever the bytes. */
function checkOutcome(outcome: DecodeOutcome): void {
  if (!outcome.ok) {
    expect(['binary', 'empty']).toContain(outcome.reason);
    expect(outcome.message).toMatch(/^[A-Z].*\.$/s);
    return;
  }
  const { text, undecodable } = outcome.value;
  expect(TEXT_ENCODINGS).toContain(outcome.value.encoding);
  expect(text).not.toContain('\r');
  if (undecodable) {
    const { count, firstOffset, firstLine, firstColumn } = undecodable;
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(text.split(REPLACEMENT).length - 1);
    expect(text[firstOffset]).toBe(REPLACEMENT);
    const before = text.slice(0, firstOffset).split('\n');
    expect(firstLine).toBe(before.length);
    expect(firstColumn).toBe([...before[before.length - 1]!].length + 1);
  }
}

/** Every paragraph found in decoded text indexes that text. */
function checkParagraphs(outcome: DecodeOutcome): void {
  if (!outcome.ok) return;
  const { text } = outcome.value;
  const document = makeSourceDocument({ path: '/tmp/any.txt', text });
  expect(document.text).toBe(text);
  let previousEnd = 0;
  for (const paragraph of document.paragraphs) {
    expect(Number.isInteger(paragraph.start) && Number.isInteger(paragraph.end)).toBe(true);
    expect(paragraph.start).toBeGreaterThanOrEqual(previousEnd);
    expect(paragraph.end).toBeGreaterThanOrEqual(paragraph.start);
    expect(paragraph.end).toBeLessThanOrEqual(text.length);
    previousEnd = paragraph.end;
  }
}

/** Bytes that look somewhat like text: no NULs, mostly printable, some high bytes. */
const textLikeBytes = fc.uint8Array({ minLength: 1, maxLength: 2_000, min: 1, max: 255 });

/** Valid UTF-8 with a few arbitrary bytes spliced in, to reach the "mostly UTF-8" path. */
const damagedUtf8 = fc
  .tuple(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0x80, max: 0xff })), { maxLength: 5 }))
  .map(([text, damage]) => {
    const bytes = Buffer.from(text, 'utf8');
    for (const [at, byte] of damage) if (bytes.length > 0) bytes[at % bytes.length] = byte;
    return new Uint8Array(bytes);
  });

describe('decodeBytes on arbitrary bytes', () => {
  it('never throws, and says why when it refuses', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 2_000 }), textLikeBytes, damagedUtf8), (bytes) => {
        const outcome = decodeBytes(bytes);
        checkOutcome(outcome);
        checkParagraphs(outcome);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on files as large as the detector sample (64 KB)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 60_000, maxLength: 70_000, min: 1, max: 255 }), (bytes) => {
        checkOutcome(decodeBytes(bytes));
      }),
      { numRuns: 6 },
    );
  });

  it('never throws with any chosen encoding, and a single-byte encoding keeps every byte', () => {
    const singleByte = new Set<TextEncoding>(['windows-1252', 'iso-8859-1', 'iso-8859-2', 'iso-8859-15', 'windows-1250', 'windows-1251', 'koi8-r', 'macintosh']);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1_000 }), fc.constantFrom(...TEXT_ENCODINGS), (bytes, encoding) => {
        const outcome = decodeBytes(bytes, { encoding });
        checkOutcome(outcome);
        if (outcome.ok && singleByte.has(encoding)) {
          const crlf = Buffer.from(bytes).toString('latin1').split('\r\n').length - 1;
          expect(outcome.value.text.length).toBe(bytes.length - crlf);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('decodeBytes agrees with a plain decoder', () => {
  /** The plain decoders' text, with the byte-order mark of the chosen encoding removed, then line ends normalised. */
  function reference(bytes: Uint8Array, encoding: TextEncoding): string {
    const bom = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] }[encoding as string] ?? [];
    const body = bom.length > 0 && bom.every((byte, i) => bytes[i] === byte) ? bytes.subarray(bom.length) : bytes;
    const text = encoding.startsWith('utf-')
      ? new TextDecoder(encoding, { ignoreBOM: true }).decode(body)
      : iconv.decode(Buffer.from(body), encoding, { stripBOM: false });
    return text.replace(/\r\n?/g, '\n');
  }

  /** How many U+FFFD the bytes really hold, written in `encoding` (aligned to code units). */
  function heldReplacements(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): number {
    const body = Buffer.from(bytes.subarray(encoding === 'utf-8' ? 0 : bytes[0] === 0xff && bytes[1] === 0xfe && encoding === 'utf-16le' ? 2 : bytes[0] === 0xfe && bytes[1] === 0xff && encoding === 'utf-16be' ? 2 : 0));
    const needle = Buffer.from(encoding === 'utf-8' ? [0xef, 0xbf, 0xbd] : encoding === 'utf-16le' ? [0xfd, 0xff] : [0xff, 0xfd]);
    let held = 0;
    for (let at = body.indexOf(needle); at >= 0; at = body.indexOf(needle, at + 1)) {
      if (encoding === 'utf-8' || at % 2 === 0) held++;
    }
    return held;
  }

  // Bytes rich in line ends, lead bytes and the bytes of U+FFFD, where mistakes would show.
  const tricky = fc.uint8Array({ maxLength: 400 }).chain((noise) =>
    fc
      .array(fc.oneof(fc.constantFrom(0x0d, 0x0a, 0xef, 0xbf, 0xbd, 0xff, 0xfd, 0xfe, 0xd8, 0xdc, 0x81, 0x84, 0x31, 0xa4, 0x37, 0x00), fc.integer({ min: 0, max: 255 })), { maxLength: 400 })
      .map((picked) => Uint8Array.from([...noise.subarray(0, 50), ...picked])),
  );

  it('in every encoding a person can choose (line ends handled in the bytes give the same text)', () => {
    fc.assert(
      fc.property(tricky, fc.constantFrom(...TEXT_ENCODINGS), (bytes, encoding) => {
        const outcome = decodeBytes(bytes, { encoding });
        checkOutcome(outcome);
        if (outcome.ok) expect(outcome.value.text).toBe(reference(bytes, encoding));
      }),
      { numRuns: 500 },
    );
  });

  it('counts as undecodable exactly the U+FFFD the file does not hold, in UTF-8 and UTF-16', () => {
    fc.assert(
      fc.property(tricky, fc.constantFrom('utf-8' as const, 'utf-16le' as const, 'utf-16be' as const), (bytes, encoding) => {
        const outcome = decodeBytes(bytes, { encoding });
        if (!outcome.ok) return;
        const shown = outcome.value.text.split(REPLACEMENT).length - 1;
        expect(outcome.value.undecodable?.count ?? 0).toBe(shown - heldReplacements(bytes, encoding));
      }),
      { numRuns: 500 },
    );
  });
});

describe('decodeBytes on GB18030, the one legacy encoding that can hold U+FFFD', () => {
  const character = fc.oneof(
    fc.constantFrom('\uFFFD', '\uFFFE', '中', '文', '新', '闻', 'a', ' ', '\n', '😀'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((ch) => !/^[\0-\x08\x0b\x0e-\x1f\x7f]$/.test(ch)),
  );

  it('gives back the text, with no U+FFFD it holds counted as an error', () => {
    fc.assert(
      fc.property(fc.string({ unit: character, minLength: 1, maxLength: 100 }), (text) => {
        const outcome = decodeBytes(iconv.encode(text, 'gb18030'), { encoding: 'gb18030' });
        checkOutcome(outcome);
        expect(outcome).toMatchObject({ ok: true, value: { text: text.replace(/\r\n?/g, '\n') } });
        expect(outcome.ok && outcome.value.undecodable).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('counts each damaged spot, and never a U+FFFD the file holds', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: character, minLength: 1, maxLength: 100 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(0x81, 0x84, 0xfe, 0xff, 0x30, 0x80)), { minLength: 1, maxLength: 4 }),
        (text, damage) => {
          const bytes = iconv.encode(text, 'gb18030');
          for (const [at, byte] of damage) bytes[at % bytes.length] = byte;
          const outcome = decodeBytes(bytes, { encoding: 'gb18030' });
          checkOutcome(outcome);
          if (!outcome.ok) return;
          const shown = outcome.value.text.split(REPLACEMENT).length - 1;
          const held = bytes.toString('latin1').split('\x84\x31\xa4\x37').length - 1;
          const count = outcome.value.undecodable?.count ?? 0;
          expect(count).toBeLessThanOrEqual(shown);
          expect(count).toBeGreaterThanOrEqual(shown - held);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('decodeBytes gives back any text saved in Unicode', () => {
  // Text as people write it: any character but C0 controls other than tab and line ends (a file
  // full of those is refused as binary, on purpose), with extra line ends and real U+FFFD.
  const character = fc.oneof(
    { weight: 8, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((ch) => !/^[\0-\x08\x0b\x0e-\x1f\x7f]$/.test(ch)) },
    { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\t', ' ', REPLACEMENT, '\u00a0', '\uFEFF') },
  );
  const article = fc.string({ unit: character, minLength: 1, maxLength: 200 });
  const expected = (text: string): string => text.replace(/\r\n?/g, '\n');

  const variants: [string, (text: string) => Uint8Array, TextEncoding][] = [
    ['UTF-8 with a BOM', (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8'],
    ['UTF-16 LE with a BOM', (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]), 'utf-16le'],
    ['UTF-16 BE with a BOM', (text) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]), 'utf-16be'],
  ];

  it.each(variants)('%s', (_name, encode, encoding) => {
    fc.assert(
      fc.property(article, (text) => {
        const outcome = decodeBytes(encode(text));
        checkOutcome(outcome);
        expect(outcome).toMatchObject({ ok: true, value: { encoding, text: expected(text), bomStripped: true } });
        expect(outcome.ok && outcome.value.undecodable).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('UTF-8 without a BOM', () => {
    fc.assert(
      fc.property(article, (text) => {
        // A leading U+FEFF is the BOM, and a text that starts like a PDF or a GIF is taken for one.
        fc.pre(!text.startsWith('\uFEFF') && !/^(%PDF-|GIF8[79]a|RIFF)/.test(text));
        const outcome = decodeBytes(Buffer.from(text, 'utf8'));
        checkOutcome(outcome);
        expect(outcome).toMatchObject({ ok: true, value: { encoding: 'utf-8', text: expected(text), bomStripped: false, confident: true } });
        expect(outcome.ok && outcome.value.undecodable).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});

describe('UTF-8 checked by Node first (issue 13)', () => {
  it("Node's isUtf8 says valid exactly where scanUtf8 finds no invalid byte", () => {
    // Bytes near the edges of UTF-8's ranges, so that lead bytes meet every kind of continuation.
    const edge = fc.constantFrom(0x00, 0x0a, 0x0d, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff);
    fc.assert(
      fc.property(fc.array(fc.oneof(edge, fc.integer({ min: 0, max: 255 })), { maxLength: 24 }), (list) => {
        const bytes = Uint8Array.from(list);
        expect(isUtf8(bytes)).toBe(scanUtf8(bytes).invalid === 0);
      }),
      { numRuns: 50_000 },
    );
  });
});
