import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES, openSources, readAtMost } from '../../src/main/services/sources.js';
import { useTempFolders } from './helpers.js';

const tempFolder = useTempFolders();

/** Text with characters that differ between encodings: curly quotes, an e acute, a euro sign, a dash. */
const ARTICLE = 'Storm hits the coast\n\nThe mayor said “we are ready” in Genève – repairs cost €3m.\n\nMore rain is expected.\n';

function utf16le(text: string): Buffer {
  return Buffer.from(text, 'utf16le');
}

function utf16be(text: string): Buffer {
  const le = utf16le(text);
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return be;
}

/** Windows-1252 bytes for ARTICLE (its characters all exist in that code page). */
function windows1252(text: string): Buffer {
  const special: Record<string, number> = { '“': 0x93, '”': 0x94, '–': 0x96, '€': 0x80 };
  return Buffer.from([...text].map((ch) => special[ch] ?? ch.charCodeAt(0)));
}

describe('openSources: encodings', () => {
  const variants: Record<string, Buffer> = {
    'utf8.txt': Buffer.from(ARTICLE, 'utf8'),
    'utf8-bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE, 'utf8')]),
    'utf16le-bom.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(ARTICLE)]),
    'utf16be-bom.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(ARTICLE)]),
    'utf16le-nobom.txt': utf16le(ARTICLE),
    'utf16be-nobom.txt': utf16be(ARTICLE),
    'windows1252.txt': windows1252(ARTICLE),
    'crlf.txt': Buffer.from(ARTICLE.replace(/\n/g, '\r\n'), 'utf8'),
    'cr.txt': Buffer.from(ARTICLE.replace(/\n/g, '\r'), 'utf8'),
  };

  for (const [name, bytes] of Object.entries(variants)) {
    it(`decodes ${name} to the same text`, async () => {
      const folder = await tempFolder();
      const path = join(folder, name);
      await writeFile(path, bytes);
      const { documents, problems } = await openSources([path]);
      expect(problems).toEqual([]);
      expect(documents).toHaveLength(1);
      expect(documents[0]!.text).toBe(ARTICLE);
      expect(documents[0]!.path).toBe(path);
      expect(documents[0]!.paragraphs.length).toBeGreaterThan(0);
    });
  }

  it('gives every encoding of one text the same hash', async () => {
    const folder = await tempFolder();
    const paths = await Promise.all(
      Object.entries(variants).map(async ([name, bytes]) => {
        await writeFile(join(folder, name), bytes);
        return join(folder, name);
      }),
    );
    const { documents } = await openSources(paths);
    expect(new Set(documents.map((document) => document.hash)).size).toBe(1);
  });

  it('says in the metadata which encoding it used', async () => {
    const folder = await tempFolder();
    const expected: Record<string, string> = { 'utf8.txt': 'utf-8', 'utf16be-nobom.txt': 'utf-16be', 'windows1252.txt': 'windows-1252', 'utf16le-bom.txt': 'utf-16le' };
    for (const [name, encoding] of Object.entries(expected)) {
      await writeFile(join(folder, name), variants[name]!);
      const { documents } = await openSources([join(folder, name)]);
      expect(documents[0]!.metadata).toEqual({ format: 'text', encoding });
    }
  });

  it('reads a file in the encoding the person chose, by absolute or given path', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'chosen.txt');
    await writeFile(path, variants['windows1252.txt']!);
    const asLatin2 = await openSources([path], { encodings: { [path]: 'windows-1250' } });
    expect(asLatin2.documents[0]!.metadata?.encoding).toBe('windows-1250');
    const relative = join(folder, '.', 'chosen.txt');
    const byGiven = await openSources([relative], { encodings: { [relative]: 'utf-8' } });
    // Read as UTF-8, the Windows-1252 quote bytes do not decode: reported, not dropped.
    expect(byGiven.documents[0]!.metadata?.encoding).toBe('utf-8');
    expect(byGiven.documents[0]!.metadata?.undecodable?.count).toBeGreaterThan(0);
  });

  it('reports a UTF-16 file with broken bytes instead of dropping them', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'broken16.txt');
    // A byte-order mark, some text, then a lone high surrogate.
    await writeFile(path, Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le('Hello'), Buffer.from([0x00, 0xd8]), utf16le(' world')]));
    const { documents, problems } = await openSources([path]);
    expect(problems).toEqual([]);
    // The broken unit is shown as U+FFFD and reported, with where it is.
    expect(documents[0]!.text).toContain('Hello\ufffd world');
    expect(documents[0]!.metadata?.undecodable).toMatchObject({ count: 1, firstLine: 1, firstColumn: 6 });
  });
});

describe('openSources: files that cannot be opened', () => {
  it('reports each bad file clearly and still opens the good ones', async () => {
    const folder = await tempFolder();
    const good = join(folder, 'good.txt');
    const empty = join(folder, 'empty.txt');
    const blank = join(folder, 'blank.txt');
    const binary = join(folder, 'photo.jpg');
    const controls = join(folder, 'controls.bin');
    const huge = join(folder, 'huge.txt');
    const missing = join(folder, 'missing.txt');
    const directory = join(folder, 'a-folder');
    await writeFile(good, ARTICLE);
    await writeFile(empty, '');
    await writeFile(blank, '  \n\n\t \n');
    await writeFile(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x00, 0x00, 0x07, 0x08]));
    await writeFile(controls, Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))));
    // A sparse file just over the limit: no 25 MB written, but its size says 25 MB + 1.
    const handle = await open(huge, 'w');
    await handle.truncate(MAX_SOURCE_BYTES + 1);
    await handle.close();
    await mkdir(directory);

    const { documents, problems } = await openSources([empty, good, blank, binary, controls, huge, missing, directory]);

    expect(documents.map((document) => document.path)).toEqual([good]);
    const byFile = new Map(problems.map((problem) => [problem.path, problem.message]));
    expect(byFile.size).toBe(7);
    expect(byFile.get(empty)).toBe(`"empty.txt" is empty. Save the article's text in it, or choose another file.`);
    expect(byFile.get(blank)).toMatch(/^"blank\.txt" has no text in it/);
    expect(byFile.get(binary)).toMatch(/^"photo\.jpg" does not look like text\. It looks like a picture \(JPEG\).*Save the article as plain text/);
    expect(byFile.get(controls)).toMatch(/^"controls\.bin" does not look like text/);
    expect(byFile.get(huge)).toMatch(/^"huge\.txt" is too large to open \(25\.0 MB; the limit is 25 MB\)/);
    expect(byFile.get(missing)).toMatch(/^"missing\.txt" could not be found\..*choose it again/);
    expect(byFile.get(directory)).toMatch(/^"a-folder" is a folder, not a file\. Open the article files inside it instead\./);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('reports a file it may not read', async () => {
    const folder = await tempFolder();
    const locked = join(folder, 'locked.txt');
    await writeFile(locked, ARTICLE, { mode: 0o000 });
    const { problems } = await openSources([locked]);
    expect(problems[0]!.message).toMatch(/not allowed to read "locked\.txt"/);
  });

  it('resolves relative paths and opens the same file once', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'one.txt');
    await writeFile(path, ARTICLE);
    const relative = join(folder, '.', 'one.txt');
    const { documents } = await openSources([path, relative]);
    expect(documents).toHaveLength(1);
  });

  it('never throws, even for nothing at all', async () => {
    await expect(openSources([])).resolves.toEqual({ documents: [], problems: [] });
  });
});

describe('readAtMost', () => {
  it('starts from the size the file gave and grows when the file turns out longer, up to the limit', async () => {
    const folder = await tempFolder();
    const file = join(folder, 'grown.txt');
    const bytes = Buffer.from(Array.from({ length: 5000 }, (_v, i) => 97 + (i % 26)));
    await writeFile(file, bytes);
    // The file said 10 bytes when it was looked at, then grew: all of it is read.
    expect((await readAtMost(file, 10_000, 10)).equals(bytes)).toBe(true);
    // Never past the limit, whatever the file says.
    expect((await readAtMost(file, 1234, 10)).equals(bytes.subarray(0, 1234))).toBe(true);
    expect((await readAtMost(file, 1234, 1_000_000)).length).toBe(1234);
    // A file that shrank: only what is there.
    expect((await readAtMost(file, 10_000, 9000)).equals(bytes)).toBe(true);
  });
});
