import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markdownToBlocks } from '../../src/shared/core/markdown.js';
import { detectFormat, looksLikeHtml } from '../../src/main/services/import/detect.js';
import { blocksFromPdfPages, type PdfTextRun } from '../../src/main/services/import/pdf.js';
import { importDocument } from '../../src/main/services/import/pool.js';
import { htmlToSource } from '../../src/main/services/import/html.js';
import { REPO_ROOT } from '../support/seeds.js';

const FORMATS = join(REPO_ROOT, 'tests', 'fixtures', 'formats');

describe('markdownToBlocks', () => {
  it('keeps words and kinds, and drops markers, addresses and HTML', () => {
    const blocks = markdownToBlocks(
      ['Title here', '==========', '', 'Some *emphasis*, a [link](http://x.example "t") and `code`.', '', '## Part two', '', '1. first', '2. second', '', '<div>raw <b>html</b></div>', '', '    indented code', '', '![alt text](p.png)', '', '# Another h1'].join('\n'),
    );
    expect(blocks).toEqual([
      { text: 'Title here', kind: 'title' },
      { text: 'Some emphasis, a link and code.', kind: 'body' },
      { text: 'Part two', kind: 'heading' },
      { text: 'first', kind: 'body' },
      { text: 'second', kind: 'body' },
      { text: 'indented code', kind: 'body' },
      { text: 'alt text', kind: 'caption' },
      { text: 'Another h1', kind: 'heading' },
    ]);
  });

  describe('edge cases', () => {
    it('drops front matter, images without alt, and the words of inline <script>', () => {
      expect(markdownToBlocks('---\ntitle: x\n---\nText <script>alert(1)</script> goes on.\n\n![](a.png)')).toEqual([{ text: 'Text goes on.', kind: 'body' }]);
    });
    it('gives nothing for nothing', () => {
      expect(markdownToBlocks('')).toEqual([]);
      expect(markdownToBlocks('<p>only html</p>\n')).toEqual([]);
    });
  });
});

describe('detectFormat', () => {
  const bytes = (text: string): Uint8Array => Buffer.from(text, 'latin1');
  it('believes the first bytes before the name', () => {
    expect(detectFormat('/a/x.txt', bytes('%PDF-1.7\n'))).toEqual({ format: 'pdf' });
    expect(detectFormat('/a/x.bin', readFileSync(join(FORMATS, 'article.docx')))).toEqual({ format: 'docx' });
    expect(detectFormat('/a/x.html', bytes('<p>hi'))).toEqual({ format: 'html' });
    expect(detectFormat('/a/x.markdown', bytes('# hi'))).toEqual({ format: 'markdown' });
    expect(detectFormat('/a/x.log', bytes('hi'))).toEqual({ format: 'text' });
  });
  it('refuses other office files and files that only bear a name, saying what to do', () => {
    expect(detectFormat('/a/old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toMatchObject({ refused: expect.stringMatching(/^"old\.doc" is an older Microsoft Office file.*save it as \.docx/) });
    expect(detectFormat('/a/x.zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatchObject({ refused: expect.stringContaining('a zip archive') });
    expect(detectFormat('/a/fake.pdf', bytes('hello'))).toMatchObject({ refused: expect.stringContaining('is named as a PDF but is not one') });
    expect(detectFormat('/a/fake.docx', bytes('hello'))).toMatchObject({ refused: expect.stringContaining('is named as a Word document but is not one') });
    expect(detectFormat('/a/x.rtf', bytes('{\\rtf1\\ansi'))).toMatchObject({ refused: expect.stringContaining('Rich Text') });
  });
  it('tells a saved web page by its first tag', () => {
    expect(looksLikeHtml('\ufeff  <!-- saved -->\n<!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">')).toBe(true);
    expect(looksLikeHtml('Storm hits coast\n<html> is a tag')).toBe(false);
  });
});

describe('blocksFromPdfPages', () => {
  const line = (text: string, y: number, size = 10, x = 50): PdfTextRun => ({ text, x, y, width: text.length * size * 0.5, size });
  const page = (...runs: PdfTextRun[]) => ({ width: 600, height: 800, runs });

  it('mends words broken at line ends, splits paragraphs at gaps and size changes, and finds the title', () => {
    const blocks = blocksFromPdfPages([
      page(
        line('Harbour talks resume', 700, 20),
        line('The negoti-', 660),
        line('ations went on late into the night, and both', 648),
        line('sides said they were close.', 636),
        line('A second paragraph starts after a gap.', 612),
      ),
    ]);
    expect(blocks).toEqual([
      { text: 'Harbour talks resume', kind: 'title' },
      { text: 'The negotiations went on late into the night, and both sides said they were close.', kind: 'body' },
      { text: 'A second paragraph starts after a gap.', kind: 'body' },
    ]);
  });

  it('drops running heads, feet and page numbers, and joins a paragraph cut by a page break', () => {
    const furniture = (n: number) => [line('12/03/2031, 10:00 Harbour talks resume – The Record', 780, 7), line(`https://record.example/talks ${n}/2`, 20, 7)];
    const blocks = blocksFromPdfPages([
      page(...furniture(1), line('The talks went on late into the night and', 700), line('both sides', 688)),
      page(...furniture(2), line('said they were close to a deal.', 700), line('3', 40)),
    ]);
    expect(blocks).toEqual([{ text: 'The talks went on late into the night and both sides said they were close to a deal.', kind: 'body' }]);
  });
});

describe('the import worker', () => {
  const builtWorker = join(REPO_ROOT, 'out', 'main', 'import-worker.js');

  it('reads a PDF, a Word file and a web page in the built worker thread', async () => {
    if (!existsSync(builtWorker)) throw new Error(`The import worker is not built: ${builtWorker} is missing. Run \`npx electron-vite build\` first.`);
    const worker = pathToFileURL(builtWorker);
    const pdf = await importDocument({ format: 'pdf', path: join(FORMATS, 'printed.pdf'), bytes: readFileSync(join(FORMATS, 'printed.pdf')) }, { worker });
    expect(pdf).toMatchObject({ ok: true, title: 'Ring road jams as Westmere bridge stays shut', metadata: { format: 'pdf' } });
    const docx = await importDocument({ format: 'docx', path: join(FORMATS, 'article.docx'), bytes: readFileSync(join(FORMATS, 'article.docx')) }, { worker });
    expect(docx).toMatchObject({ ok: true, metadata: { format: 'docx' } });
    const html = await importDocument({ format: 'html', path: join(FORMATS, 'saved-page.html'), text: readFileSync(join(FORMATS, 'saved-page.html'), 'utf8') }, { worker });
    expect(html).toMatchObject({ ok: true, metadata: { siteName: 'Harbourside Daily' } });
    const scan = await importDocument({ format: 'pdf', path: join(FORMATS, 'scan.pdf'), bytes: readFileSync(join(FORMATS, 'scan.pdf')) }, { worker });
    expect(scan).toMatchObject({ ok: false, message: expect.stringContaining('has no text layer') });
  });

  it('ends a worker that takes too long, and says so', async () => {
    const started = Date.now();
    const result = await importDocument(
      { format: 'pdf', path: '/x/slow.pdf', bytes: new Uint8Array([1, 2, 3]) },
      { worker: pathToFileURL(join(FORMATS, 'never-answers.worker.mjs')), timeoutMs: 300 },
    );
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^"slow\.pdf" took too long to read/) });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('gives the same blocks in-process as htmlToSource, for pasted HTML', async () => {
    const html = readFileSync(join(FORMATS, 'saved-page.html'), 'utf8');
    const inProcess = await importDocument({ format: 'html', path: 'Pasted', text: html }, { worker: 'in-process' });
    expect(inProcess).toEqual({ ok: true, ...htmlToSource(html, 'Pasted') });
  });
});
