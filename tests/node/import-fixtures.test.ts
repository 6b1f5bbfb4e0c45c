import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../src/shared/contract/comparison.js';
import { openSources } from '../../src/main/services/sources.js';
import { describeSeed, fingerprint, formatSeedExpected, type SeedExpected } from '../support/seed-expected.js';
import { REPO_ROOT, paragraphTexts, seedPaths } from '../support/seeds.js';

/**
 * Reviewed expectations for real files opened through `openSources`, as VS Code's diff fixtures
 * are kept: each input has an expected JSON that a person has read. When one is missing, the test
 * writes what Parallax found as `*.actual.json` beside it and fails until a person has checked it
 * and renamed it to `*.expected.json`.
 *
 * The seeds' expectations do not copy the seeds (their text is not ours): they point at each
 * paragraph by its first words, length and a hash of its text (tests/support/seed-expected.ts).
 */

const FORMATS_DIR = join(REPO_ROOT, 'tests', 'fixtures', 'formats');
const SEEDS_EXPECTED_DIR = join(REPO_ROOT, 'tests', 'fixtures', 'seeds-expected');

interface Expected {
  readonly label: string;
  readonly title: string;
  readonly metadata?: unknown;
  readonly paragraphs: readonly { kind: string; text: string }[];
}

function describeDocument(document: SourceDocument): Expected {
  return {
    label: document.label,
    title: document.title,
    ...(document.metadata ? { metadata: document.metadata } : {}),
    paragraphs: paragraphTexts(document).map(({ kind, text }) => ({ kind, text })),
  };
}

/** The reviewed file, or (when there is none) write the actual one out beside it and fail. */
function readReviewed<T>(actual: T, expectedFile: string, format: (actual: T) => string): T {
  if (!existsSync(expectedFile)) {
    const actualFile = expectedFile.replace(/\.expected\.json$/, '.actual.json');
    writeFileSync(actualFile, format(actual));
    expect.fail(`No reviewed expectation ${basename(expectedFile)}: wrote ${basename(actualFile)}. Read it, and rename it to ${basename(expectedFile)} if it is right.`);
  }
  return JSON.parse(readFileSync(expectedFile, 'utf8')) as T;
}

/** Compare with the reviewed file, or write the actual one out and fail. */
function expectReviewed(actual: Expected, expectedFile: string): void {
  expect(actual).toEqual(readReviewed(actual, expectedFile, (value) => JSON.stringify(value, null, 2) + '\n'));
}

/**
 * Compare a seed with its reviewed fingerprints, paragraph by paragraph: the first paragraph whose
 * kind, boundaries or text differ fails, named by its index and first words.
 */
function expectSeedReviewed(actual: SeedExpected, expectedFile: string): void {
  const expected = readReviewed(actual, expectedFile, formatSeedExpected);
  const name = basename(expectedFile);
  /** A paragraph's first words, as a person finds it in the seed. */
  const quote = ({ words, length }: { words: string; length: number }): string => `"${words}${length > words.length ? '…' : ''}"`;
  expect(actual.label, 'label').toBe(expected.label);
  expect(actual.title, `title (${quote(expected.title)}) of ${name}`).toEqual(expected.title);
  for (let index = 0; index < Math.max(actual.paragraphs.length, expected.paragraphs.length); index++) {
    const want = expected.paragraphs[index];
    const found = actual.paragraphs[index];
    const where = want
      ? `paragraph ${index} (${quote(want)}) of ${name}${found ? (found.words === want.words ? '' : `, found ${quote(found)}`) : ', missing'}`
      : `paragraph ${index} (${quote(found!)}) is not in ${name}`;
    expect(found, where).toEqual(want);
  }
}

async function openOne(path: string): Promise<SourceDocument> {
  const { documents, problems } = await openSources([path]);
  expect(problems).toEqual([]);
  expect(documents).toHaveLength(1);
  return documents[0]!;
}

describe('every format, as reviewed', () => {
  for (const name of ['article.md', 'saved-page.html', 'article.docx', 'printed.pdf']) {
    it(`reads ${name} into the reviewed paragraphs, title, label and metadata`, async () => {
      const path = join(FORMATS_DIR, name);
      const document = await openOne(path);
      expect(document.path).toBe(path);
      expectReviewed(describeDocument(document), join(FORMATS_DIR, `${name}.expected.json`));
    });
  }

  it('gives every format its format in the metadata, and no markup in the text', async () => {
    const formats: Record<string, string> = { 'article.md': 'markdown', 'saved-page.html': 'html', 'article.docx': 'docx', 'printed.pdf': 'pdf' };
    const { documents, problems } = await openSources(Object.keys(formats).map((name) => join(FORMATS_DIR, name)));
    expect(problems).toEqual([]);
    for (const document of documents) {
      expect(document.metadata?.format).toBe(formats[basename(document.path)]);
      expect(document.text).not.toMatch(/<\/?[a-z][^>]*>|\]\(|\*\*|^#/im);
    }
  });

  it('refuses a PDF with no text layer, saying it is probably a scan', async () => {
    const path = join(FORMATS_DIR, 'scan.pdf');
    const { documents, problems } = await openSources([path]);
    expect(documents).toEqual([]);
    expect(problems).toEqual([
      {
        path,
        message: expect.stringMatching(/^"scan\.pdf" has no text layer \(it is probably a scan\)\. Parallax needs text: /),
      },
    ]);
  });
});

/** Every junk line the seeds' README names, as it appears in the seed (a paragraph containing it). */
const SEED_JUNK: Readonly<Record<string, readonly string[]>> = {
  '000': ['Views:', 'La source de cet article se trouve sur ce site', 'LEAVE A REPLY', 'Please enter your comment!', 'Please enter your name here', 'SHARE:', 'spot_imgspot_img'],
  '001': ['By Palestine Chronicle Staff', '(PC, Al Mayadeen, AJA)', 'Source link', 'Latest articles', 'Related articles', 'spot_imgspot_img'],
  '002': ['See also', 'contributed to this report', 'Source link', 'By Ali Raza', 'I am a dedicated', 'Leave a Reply', 'Your email address will not be published'],
  '003': ['Related Article', 'Leave a Comment'],
  '004': [],
};

/** Photo captions and credits the README names: not article text, and not junk either. */
const SEED_CAPTIONS: Readonly<Record<string, readonly string[]>> = {
  '000': ['[Getty/archive]'],
  '001': ['(Photo: Kremlin, via Wikimedia Commons)'],
};

describe('the seed articles, as reviewed', () => {
  for (const path of seedPaths()) {
    const number = basename(path).slice(0, 3);
    it(`reads seed ${number} into its reviewed paragraphs`, async () => {
      const document = await openOne(path);
      expect(document.metadata?.format).toBe('text');
      expectSeedReviewed(describeSeed(document), join(SEEDS_EXPECTED_DIR, `${number}.expected.json`));
    });

    it(`marks every junk line of seed ${number} as boilerplate and no sentence of its article`, async () => {
      const document = await openOne(path);
      const paragraphs = paragraphTexts(document);
      for (const junk of SEED_JUNK[number] ?? []) {
        const matching = paragraphs.filter((paragraph) => paragraph.text.includes(junk));
        expect(matching.length, `a paragraph with "${junk}"`).toBeGreaterThan(0);
        for (const paragraph of matching) expect(paragraph, `"${junk}" is junk`).toMatchObject({ kind: 'boilerplate' });
      }
      for (const caption of SEED_CAPTIONS[number] ?? []) {
        expect(paragraphs.find((paragraph) => paragraph.text.includes(caption))?.kind).toBe('caption');
      }
      // The reviewed file says which paragraphs are article text: none of those may be junk.
      const expectedFile = join(SEEDS_EXPECTED_DIR, `${number}.expected.json`);
      if (existsSync(expectedFile)) {
        const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as SeedExpected;
        const article = new Set(expected.paragraphs.filter((paragraph) => paragraph.kind !== 'boilerplate').map((paragraph) => paragraph.hash));
        for (const paragraph of paragraphs) {
          if (article.has(fingerprint(paragraph.text).hash)) expect(paragraph.kind, paragraph.text).not.toBe('boilerplate');
        }
      }
    });
  }

  it('reads seed 004 as its title and six body paragraphs', async () => {
    const path = seedPaths().find((candidate) => basename(candidate).startsWith('004_'))!;
    const document = await openOne(path);
    expect(document.paragraphs.map((paragraph) => paragraph.kind)).toEqual(['title', 'body', 'body', 'body', 'body', 'body', 'body']);
    // Its title is its first line, whole (read from the seed: its text is not ours to copy).
    expect(document.title).toBe(readFileSync(path, 'utf8').split('\n')[0]!.trim());
  });
});
