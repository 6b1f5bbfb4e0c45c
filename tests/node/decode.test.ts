import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { TEXT_ENCODINGS, type TextEncoding } from '../../src/shared/contract/api.js';
import { decodeBytes, describeEncoding, undecodableMessage, type DecodedText, type DecodeOutcome } from '../../src/main/services/decode.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/encodings');
const bytesOf = (name: string): Uint8Array => readFileSync(join(FIXTURES, name));
const textOf = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

function decoded(outcome: DecodeOutcome): DecodedText {
  if (!outcome.ok) throw new Error(`expected text, got ${outcome.reason}: ${outcome.message}`);
  return outcome.value;
}

function refused(outcome: DecodeOutcome): { reason: string; message: string } {
  if (outcome.ok) throw new Error(`expected a refusal, got text in ${outcome.value.encoding}`);
  return outcome;
}

describe('decodeBytes: the fixtures (tests/fixtures/encodings/README.md)', () => {
  // file, what it must decode to, the encoding reported, whether a BOM was removed
  const cases: [string, string, TextEncoding, boolean][] = [
    ['article.utf8.txt', 'article.utf8.txt', 'utf-8', false],
    ['article.utf8-bom.txt', 'article.utf8.txt', 'utf-8', true],
    ['article.utf8-crlf.txt', 'article.utf8.txt', 'utf-8', false],
    ['article.utf16le-bom.txt', 'article.utf8.txt', 'utf-16le', true],
    ['article.utf16be-bom.txt', 'article.utf8.txt', 'utf-16be', true],
    ['article.utf16le.txt', 'article.utf8.txt', 'utf-16le', false],
    ['article.windows-1252.txt', 'article.utf8.txt', 'windows-1252', false],
    ['article.windows-1252-crlf.txt', 'article.utf8.txt', 'windows-1252', false],
    ['latin1-article.utf8.txt', 'latin1-article.utf8.txt', 'utf-8', false],
    ['latin1-article.iso-8859-1.txt', 'latin1-article.utf8.txt', 'windows-1252', false],
    ['cyrillic.utf8.txt', 'cyrillic.utf8.txt', 'utf-8', false],
    ['cyrillic.windows-1251.txt', 'cyrillic.utf8.txt', 'windows-1251', false],
    ['japanese.utf8.txt', 'japanese.utf8.txt', 'utf-8', false],
    ['japanese.shift_jis.txt', 'japanese.utf8.txt', 'shift_jis', false],
  ];

  it.each(cases)('%s decodes to exactly %s', (file, expected, encoding, bomStripped) => {
    const value = decoded(decodeBytes(bytesOf(file)));
    expect(value.text).toBe(textOf(expected));
    expect(value.encoding).toBe(encoding);
    expect(value.bomStripped).toBe(bomStripped);
    expect(value.confident).toBe(true);
    expect(value.undecodable).toBeUndefined();
  });

  it('keeps the no-break space and has no BOM or carriage return left', () => {
    for (const file of ['article.utf8-bom.txt', 'article.utf16be-bom.txt', 'article.windows-1252-crlf.txt']) {
      const { text } = decoded(decodeBytes(bytesOf(file)));
      expect(text).toContain('€48\u00a0000');
      expect(text).not.toContain('\uFEFF');
      expect(text).not.toContain('\r');
    }
  });

  it('reports the three bad bytes of invalid-bytes.utf8.txt, the first on line 5, column 43', () => {
    const value = decoded(decodeBytes(bytesOf('invalid-bytes.utf8.txt')));
    expect(value.encoding).toBe('utf-8');
    expect(value.text).toBe(textOf('invalid-bytes.expected.txt'));
    expect(value.undecodable).toEqual({ count: 3, firstOffset: 245, firstLine: 5, firstColumn: 43 });
    expect(value.text[245]).toBe('\uFFFD');
    expect(value.text.slice(240, 250)).toBe('Zoë M\uFFFDnard');
  });

  it('does not count a U+FFFD that the file really holds', () => {
    const value = decoded(decodeBytes(bytesOf('invalid-bytes.expected.txt')));
    expect(value.text).toBe(textOf('invalid-bytes.expected.txt'));
    expect(value.undecodable).toBeUndefined();
  });
});

describe('decodeBytes: undecodable bytes', () => {
  it('counts replacement characters after line ends are normalised, in the returned text', () => {
    const bytes = Buffer.concat([Buffer.from('one\r\ntwo\r\nth', 'utf8'), Buffer.from([0xff]), Buffer.from('ree é à ü\r\n', 'utf8')]);
    const value = decoded(decodeBytes(bytes));
    expect(value.text).toBe('one\ntwo\nth\uFFFDree é à ü\n');
    expect(value.undecodable).toEqual({ count: 1, firstOffset: 10, firstLine: 3, firstColumn: 3 });
  });

  it('counts columns in characters, not UTF-16 units', () => {
    const bytes = Buffer.concat([Buffer.from('😀😀 café ', 'utf8'), Buffer.from([0xc3]), Buffer.from(' ö', 'utf8')]);
    const value = decoded(decodeBytes(bytes));
    expect(value.text).toBe('😀😀 café \uFFFD ö');
    expect(value.undecodable).toMatchObject({ count: 1, firstOffset: 10, firstLine: 1, firstColumn: 9 });
  });

  it('tells real and decoding-error U+FFFD apart, even next to each other', () => {
    // a real U+FFFD, a cut-short sequence (E2 80), and a real one again right after it
    const bytes = Buffer.concat([
      Buffer.from('a \uFFFD ü b ', 'utf8'),
      Buffer.from([0xe2, 0x80]),
      Buffer.from('\uFFFD c', 'utf8'),
    ]);
    const value = decoded(decodeBytes(bytes));
    expect(value.text).toBe('a \uFFFD ü b \uFFFD\uFFFD c');
    expect(value.undecodable).toEqual({ count: 1, firstOffset: 8, firstLine: 1, firstColumn: 9 });
  });

  it('reports a lone surrogate and an odd last byte in UTF-16', () => {
    const body = Buffer.concat([Buffer.from('ok ', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from(' end', 'utf16le'), Buffer.from([0x41])]);
    const value = decoded(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), body])));
    expect(value.text).toBe('ok \uFFFD end\uFFFD');
    expect(value.undecodable).toEqual({ count: 2, firstOffset: 3, firstLine: 1, firstColumn: 4 });
  });

  it('tells them apart in UTF-16 and GB18030 too', () => {
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('x \uFFFD y ', 'utf-16be'), Buffer.from([0xdc, 0x00]), iconv.encode(' z', 'utf-16be')]);
    expect(decoded(decodeBytes(be)).undecodable).toEqual({ count: 1, firstOffset: 6, firstLine: 1, firstColumn: 7 });
    const gb = Buffer.concat([iconv.encode('中文 \uFFFD ', 'gb18030'), Buffer.from([0xff]), iconv.encode(' 新闻', 'gb18030')]);
    const value = decoded(decodeBytes(gb, { encoding: 'gb18030' }));
    expect(value.text).toBe('中文 \uFFFD \uFFFD 新闻');
    expect(value.undecodable).toEqual({ count: 1, firstOffset: 5, firstLine: 1, firstColumn: 6 });
  });

  it('reports the bytes Windows-1252 leaves unused, not drops them', () => {
    const value = decoded(decodeBytes(Buffer.from([0x41, 0x81, 0x42, 0x8d]), { encoding: 'windows-1252' }));
    expect(value.text).toBe('A\uFFFDB\uFFFD');
    expect(value.undecodable?.count).toBe(2);
  });

  it('describes undecodable text in a sentence', () => {
    expect(undecodableMessage({ count: 3, firstOffset: 245, firstLine: 12, firstColumn: 5 }, 'utf-8')).toBe(
      '3 characters could not be read as Unicode (UTF-8), the first on line 12, column 5. ' +
        'If the text looks wrong, choose its encoding and open it again.',
    );
    expect(undecodableMessage({ count: 130_854, firstOffset: 0, firstLine: 1, firstColumn: 1 }, 'shift_jis')).toMatch(
      /^130,854 characters could not be read as Japanese \(Shift_JIS\), the first on line 1, column 1\. /,
    );
    expect(undecodableMessage({ count: 1, firstOffset: 0, firstLine: 1, firstColumn: 1 }, 'windows-1252')).toBe(
      '1 character could not be read as Western European (Windows-1252), on line 1, column 1. ' +
        'If the text looks wrong, choose its encoding and open it again.',
    );
  });
});

describe('decodeBytes: a chosen encoding', () => {
  it('overrides detection', () => {
    const utf8 = bytesOf('article.utf8.txt');
    const asLatin1 = decoded(decodeBytes(utf8, { encoding: 'iso-8859-1' }));
    expect(asLatin1.encoding).toBe('iso-8859-1');
    expect(asLatin1.text).toContain('Zoë'.replace('ë', 'Ã«'));
    expect(asLatin1.confident).toBe(true);

    const cp1252 = bytesOf('article.windows-1252.txt');
    expect(decoded(decodeBytes(cp1252)).encoding).toBe('windows-1252');
    const asMac = decoded(decodeBytes(cp1252, { encoding: 'macintosh' }));
    expect(asMac.encoding).toBe('macintosh');
    expect(asMac.text).toContain('ZoÎ MÈnard');
  });

  it('reads a file the detector gets wrong once the person says what it is', () => {
    const polish = 'Żółta łódź płynęła po jeziorze, a dzieci śpiewały piosenki o lecie.\n';
    for (const encoding of ['iso-8859-2', 'windows-1250'] as const) {
      expect(decoded(decodeBytes(iconv.encode(polish, encoding), { encoding })).text).toBe(polish);
    }
  });

  it('removes the BOM of that encoding only', () => {
    const withBom = bytesOf('article.utf8-bom.txt');
    const asUtf8 = decoded(decodeBytes(withBom, { encoding: 'utf-8' }));
    expect(asUtf8.bomStripped).toBe(true);
    expect(asUtf8.text).toBe(textOf('article.utf8.txt'));
    const as1252 = decoded(decodeBytes(withBom, { encoding: 'windows-1252' }));
    expect(as1252.bomStripped).toBe(false);
    expect(as1252.text.startsWith('ï»¿Harbour')).toBe(true);
  });

  it('decodes every encoding a person can choose', () => {
    const sample = Buffer.from('Plain words 123.\r\n', 'ascii');
    for (const encoding of TEXT_ENCODINGS) {
      const bytes = encoding.startsWith('utf-16') ? iconv.encode('Plain words 123.\r\n', encoding) : sample;
      const value = decoded(decodeBytes(bytes, { encoding }));
      expect(value.text, encoding).toBe('Plain words 123.\n');
      expect(value.encoding).toBe(encoding);
      expect(describeEncoding(encoding)).toMatch(/\(.+\)$/);
    }
  });
});

describe('decodeBytes: detection', () => {
  it('recognises UTF-16 BE without a BOM by its NUL bytes', () => {
    const value = decoded(decodeBytes(iconv.encode(textOf('article.utf8.txt'), 'utf-16be')));
    expect(value.encoding).toBe('utf-16be');
    expect(value.text).toBe(textOf('article.utf8.txt'));
  });

  describe('UTF-16 without a BOM in scripts whose characters have no NUL byte (issue 14)', () => {
    const RUSSIAN =
      'Мост через гавань закрыли во вторник утром, после того как инженеры нашли трещины в двух опорах.\n' +
      'Городской совет сообщил, что паромы будут ходить каждые полчаса, пока мост не откроют снова.\n';
    const UKRAINIAN_WITH_LATIN = 'Міст закрили у вівторок (BBC News, Reuters). Рада обіцяє пороми щопівгодини.\n';
    const CHINESE = '港口大桥星期二早上关闭，工程师在两个桥墩上发现了裂缝。\n市议会说，在大桥重新开放之前，渡轮每半小时开一班。\n';
    const JAPANESE = '港の橋は火曜日の朝に閉鎖された。技術者が二本の橋脚にひびを見つけたためだ。\n';
    const KOREAN = '항구 다리가 화요일 아침에 폐쇄되었다. 기술자들이 교각 두 곳에서 균열을 발견했다.\n';

    it('reads Cyrillic as UTF-16 LE and BE', () => {
      for (const text of [RUSSIAN, UKRAINIAN_WITH_LATIN]) {
        for (const encoding of ['utf-16le', 'utf-16be'] as const) {
          const value = decoded(decodeBytes(iconv.encode(text, encoding)));
          expect(value.encoding, `${encoding}: ${text.slice(0, 10)}`).toBe(encoding);
          expect(value.text).toBe(text);
          expect(value.bomStripped).toBe(false);
          expect(value.undecodable).toBeUndefined();
        }
      }
    });

    it('reads Chinese, Japanese and Korean as UTF-16 BE and LE', () => {
      for (const text of [CHINESE, JAPANESE, KOREAN]) {
        for (const encoding of ['utf-16be', 'utf-16le'] as const) {
          const value = decoded(decodeBytes(iconv.encode(text, encoding)));
          expect(value.encoding, `${encoding}: ${text.slice(0, 5)}`).toBe(encoding);
          expect(value.text).toBe(text);
        }
      }
    });

    it('reads CRLF line ends in it as LF, as with a BOM', () => {
      expect(decoded(decodeBytes(iconv.encode(RUSSIAN.replaceAll('\n', '\r\n'), 'utf-16le'))).text).toBe(RUSSIAN);
    });

    it('still refuses binary: random bytes, bytes full of NULs, and Western text broken by a NUL', () => {
      let seed = 14;
      const random = Buffer.from(Array.from({ length: 8192 }, () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff));
      expect(refused(decodeBytes(random)).reason).toBe('binary');
      const executable = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64), random.subarray(0, 2048), Buffer.alloc(512)]);
      expect(refused(decodeBytes(executable)).reason).toBe('binary');
      const english = Buffer.from('The harbour wall gave way at dawn on Tuesday, the port authority said. Twelve boats were damaged.\n'.repeat(20), 'latin1');
      english[500] = 0;
      english[1200] = 0;
      expect(refused(decodeBytes(english)).reason).toBe('binary');
      // Text with an odd byte dropped is no longer UTF-16 in step: refused, not read as nonsense.
      const shifted = iconv.encode(CHINESE.repeat(5), 'utf-16be').subarray(1);
      expect(decodeBytes(shifted).ok && decodeBytes(shifted)).toBeFalsy();
    });
  });

  it('reads UTF-8 with a few damaged bytes as UTF-8, not as a single-byte encoding', () => {
    const value = decoded(decodeBytes(bytesOf('invalid-bytes.utf8.txt')));
    expect(value.encoding).toBe('utf-8');
  });

  it('falls back to Windows-1252, marked as a guess, when the detector has nothing to go on', () => {
    const value = decoded(decodeBytes(Buffer.from([0x43, 0x61, 0x66, 0xe9])));
    expect(value.text).toBe('Café');
    expect(value.encoding).toBe('windows-1252');
    expect(value.confident).toBe(false);
  });

  it('decodes Central European text with a Central European encoding', () => {
    const polish =
      'Żółta łódź płynęła po jeziorze, a dzieci śpiewały piosenki. Wieczorem wszyscy wrócili do domu, ' +
      'zmęczeni, ale szczęśliwi, że pogoda była tak piękna przez cały dzień.\n';
    for (const encoding of ['windows-1250', 'iso-8859-2'] as const) {
      const value = decoded(decodeBytes(iconv.encode(polish, encoding)));
      expect(value.encoding).toBe(encoding);
      expect(value.text).toBe(polish);
      // The two differ only in a few letters, and the detector scores them alike: a guess.
      expect(value.confident).toBe(false);
    }
  });

  it('keeps whitespace-only text (the caller decides what to do with it)', () => {
    expect(decoded(decodeBytes(Buffer.from(' \r\n\t\n'))).text).toBe(' \n\t\n');
  });
});

describe('decodeBytes: files that are not text', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);

  it.each([
    ['a PNG picture', png, /PNG/],
    ['a JPEG picture', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]), /JPEG/],
    ['a GIF picture', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), /GIF/],
    ['a PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'), /PDF/],
    ['a .docx (ZIP)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), /\.docx/],
    ['an old .doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /Word/],
  ])('refuses %s, saying what it looks like', (_name, bytes, kind) => {
    const outcome = refused(decodeBytes(bytes));
    expect(outcome.reason).toBe('binary');
    expect(outcome.message).toMatch(kind);
    expect(outcome.message).toMatch(/^It looks like .+, not text\. Save the article as plain text/);
  });

  it('refuses a picture even when an encoding was chosen', () => {
    expect(refused(decodeBytes(png, { encoding: 'utf-8' })).reason).toBe('binary');
  });

  it('refuses random bytes with NULs in them', () => {
    // A fixed pseudo-random sequence (a linear congruential generator), so the test is repeatable.
    const bytes = new Uint8Array(4096);
    let state = 12345;
    for (let i = 0; i < bytes.length; i++) {
      state = (state * 1103515245 + 12345) >>> 0;
      bytes[i] = state >>> 24;
    }
    bytes[100] = 0;
    const outcome = refused(decodeBytes(bytes));
    expect(outcome.reason).toBe('binary');
    expect(outcome.message).toBe('It does not look like text: it has bytes that plain text does not have. Save the article as plain text (.txt) and open that.');
  });

  it('refuses bytes that are mostly control characters, even without NULs', () => {
    const bytes = Buffer.from('\x01\x02\x03\x04 text \x05\x06\x07\x08\x0e\x0f\x10', 'latin1');
    expect(refused(decodeBytes(bytes)).reason).toBe('binary');
  });

  it('refuses UTF-16 that is mostly control characters', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('\x01\x02\x03\x04\x05ab', 'utf16le')]);
    const outcome = refused(decodeBytes(bytes));
    expect(outcome.reason).toBe('binary');
    expect(outcome.message).toContain('UTF-16');
  });
});

describe('decodeBytes: empty files', () => {
  it.each([
    ['no bytes', Buffer.alloc(0)],
    ['only a UTF-8 BOM', Buffer.from([0xef, 0xbb, 0xbf])],
    ['only a UTF-16 LE BOM', Buffer.from([0xff, 0xfe])],
    ['only a UTF-16 BE BOM', Buffer.from([0xfe, 0xff])],
  ])('%s is empty', (_name, bytes) => {
    const outcome = refused(decodeBytes(bytes));
    expect(outcome.reason).toBe('empty');
    expect(outcome.message).toBe('It is empty. Save the article’s text in it, or choose another file.');
  });

  it('is empty with a chosen encoding too', () => {
    expect(refused(decodeBytes(Buffer.from([0xef, 0xbb, 0xbf]), { encoding: 'utf-8' })).reason).toBe('empty');
    expect(refused(decodeBytes(new Uint8Array(0), { encoding: 'big5' })).reason).toBe('empty');
  });
});
