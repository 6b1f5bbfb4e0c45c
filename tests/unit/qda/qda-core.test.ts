import { describe, expect, it } from 'vitest';
import { codePointIndex } from '../../../src/shared/qda/codepoints.js';
import { qdaGuid, sha1, utf8Bytes, uuidV5 } from '../../../src/shared/qda/uuid.js';
import { parseXml } from '../../support/qda.js';
import { el, escapeAttribute, escapeText, xmlDocument, xmlSafe } from '../../../src/shared/qda/xml.js';

const hex = (bytes: Uint8Array): string => [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');

describe('name-based GUIDs', () => {
  it('computes SHA-1 as FIPS 180-4 does', () => {
    expect(hex(sha1(utf8Bytes('')))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(hex(sha1(utf8Bytes('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(sha1(utf8Bytes('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
    expect(hex(sha1(utf8Bytes('a'.repeat(1000))))).toBe('291e9a6c66994949b57ba5e650361e98fc36b1ba');
  });

  it('gives RFC 9562 version-5 UUIDs', () => {
    // The DNS namespace's UUID of "www.example.com", as every UUID library gives it.
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('encodes text as UTF-8, characters outside the BMP as four bytes', () => {
    expect(hex(utf8Bytes('a€𠮷😀'))).toBe('61e282acf0a0aeb7f09f9880');
    expect(hex(utf8Bytes('\ud800'))).toBe('efbfbd');
  });

  it('is stable and tells objects apart', () => {
    expect(qdaGuid('note', 'n-1')).toBe(qdaGuid('note', 'n-1'));
    expect(qdaGuid('note', 'n-1')).not.toBe(qdaGuid('note', 'n-2'));
    expect(qdaGuid('note', 'n-1')).not.toBe(qdaGuid('note-n-1'));
    expect(qdaGuid('selection', 'a', 1, 2)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('code points', () => {
  const text = 'a😀b𠮷c\n字';
  const index = codePointIndex(text);

  it('turns UTF-16 offsets into code point offsets', () => {
    expect(index.length).toBe([...text].length);
    const start = text.indexOf('b');
    expect(index.at(start)).toBe(2);
    const range = index.range(text.indexOf('𠮷'), text.indexOf('c') + 1);
    expect([...text].slice(range.start, range.end).join('')).toBe('𠮷c');
    expect(index.at(text.length)).toBe([...text].length);
  });

  it('widens a range that splits a surrogate pair to the whole character', () => {
    const emoji = text.indexOf('😀');
    const range = index.range(emoji + 1, emoji + 1 + 1);
    expect([...text].slice(range.start, range.end).join('')).toBe('😀');
  });

  it('agrees with Array.from on every offset between characters', () => {
    const sample = '𠮷野 🌊🌊 x\u00e9y 😢 市场';
    const points = codePointIndex(sample);
    let units = 0;
    [...sample].forEach((character, i) => {
      expect(points.at(units)).toBe(i);
      units += character.length;
    });
  });
});

describe('XML writing', () => {
  it('escapes the five entities and drops what XML 1.0 forbids', () => {
    expect(escapeText('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    expect(escapeAttribute(`"it's" <x> & \t\n`)).toBe('&quot;it&apos;s&quot; &lt;x&gt; &amp; &#9;&#10;');
    expect(xmlSafe('ok\u0000\u0001\u0008\u000b\u000c\u001f\ufffe\uffff\ud800 😀 字')).toBe('ok 😀 字');
  });

  it('writes a document a real parser reads back exactly', () => {
    const awkward = `Tom & "Jerry" <b>'s</b>\r\n\ttab 😀\u0002 𠮷`;
    const xml = xmlDocument(el('Root', { xmlns: 'urn:test', name: awkward }, [el('Text', {}, awkward), el('Empty')]));
    const document = parseXml(xml);
    const expected = awkward.replace('\u0002', '');
    expect(document.documentElement.getAttribute('name')).toBe(expected);
    expect(document.getElementsByTagName('Text')[0]!.textContent).toBe(expected);
  });
});
