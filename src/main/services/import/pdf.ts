import type { ParagraphKind, SourceMetadata } from '../../../shared/contract/comparison.js';
import type { SourceBlock } from '../../../shared/core/document.js';
import { ImportProblem, displayName } from './problem.js';

/**
 * PDF files as plain text blocks, rebuilt from the positioned text pdf.js finds on each page.
 *
 * pdf.js runs with `isEvalSupported: false` (no code is compiled from a font or a function in the
 * file), without font faces, system fonts or range requests, and with its worker code loaded in
 * this thread from the installed package (nothing is fetched). The parse itself runs in Parallax's
 * import worker, off the main thread.
 *
 * Reading order is the order of the text in the file, which is the order a browser or a word
 * processor printed it in. Pieces of text on one baseline make a line; lines make a paragraph
 * until the gap to the next line is clearly larger than the line spacing or the size of the type
 * changes; a word broken with a hyphen at a line end is joined again. Lines that repeat on most
 * pages at the top or bottom (the date, title, address and page number a browser prints) and bare
 * page numbers are page furniture and are left out. Larger type on the first page is the title,
 * larger type elsewhere a heading, smaller type a caption.
 */

/** One run of text on a page, as pdf.js gives it, in PDF units from the page's bottom left. */
export interface PdfTextRun {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** The type size (the height of the text's scale). */
  readonly size: number;
}

export interface PdfPageText {
  readonly width: number;
  readonly height: number;
  readonly runs: readonly PdfTextRun[];
}

interface Line {
  text: string;
  readonly x: number;
  readonly y: number;
  right: number;
  readonly size: number;
  readonly page: number;
}

interface Paragraph {
  text: string;
  readonly size: number;
  readonly page: number;
  /** The y of its first line, from the page bottom. */
  readonly top: number;
  lastY: number;
}

/** Lines of one page: runs on the same baseline, in the file's order, joined with spaces where there are gaps. */
function linesOfPage(page: PdfPageText, pageIndex: number): Line[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  for (const run of page.runs) {
    if (run.text === '') continue;
    const sameLine = current && Math.abs(run.y - current.y) <= Math.max(current.size, run.size) * 0.5 && run.x >= current.right - current.size;
    if (!current || !sameLine) {
      if (/^\s+$/.test(run.text)) continue;
      current = { text: run.text, x: run.x, y: run.y, right: run.x + run.width, size: run.size, page: pageIndex };
      lines.push(current);
      continue;
    }
    const gap = run.x - current.right;
    const needsSpace = gap > run.size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(run.text);
    current.text += (needsSpace ? ' ' : '') + run.text;
    current.right = Math.max(current.right, run.x + run.width);
  }
  for (const line of lines) line.text = line.text.replace(/\s+/g, ' ').trim();
  return lines.filter((line) => line.text.length > 0);
}

/** Page numbers and the like, on their own. */
const PAGE_NUMBER = /^(page\s*)?#(\s*(of|\/)\s*#)?$|^[-–—]\s*#\s*[-–—]$/i;
/** An address, as a browser prints at the foot of a page, maybe with the page number after it. */
const ADDRESS = /^(https?:\/\/|file:\/\/|www\.)\S+(\s+#(\s*\/\s*#)?)?$/i;
/** A date and time, as a browser prints at the head of a page, with the page title after it. */
const PRINT_STAMP = /^#{1,4}[/.-]#{1,2}[/.-]#{1,4},?\s+#{1,2}:#{2}(\s*(am|pm))?\b/i;

const furnitureKey = (text: string): string => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/** Whether a line sits in the top or bottom tenth of its page, where running heads and feet are. */
function inMargin(line: Line, page: PdfPageText): boolean {
  return line.y > page.height * 0.9 || line.y < page.height * 0.1;
}

/** Remove running heads and feet: repeated on most pages in the margins, or page numbers, addresses and print stamps there. */
function dropPageFurniture(pages: readonly PdfPageText[], linesByPage: Line[][]): Line[][] {
  const pagesWith = new Map<string, number>();
  linesByPage.forEach((lines, index) => {
    const keys = new Set(lines.filter((line) => inMargin(line, pages[index]!)).map((line) => furnitureKey(line.text)));
    for (const key of keys) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  });
  const repeatedOn = Math.max(2, Math.ceil(pages.length * 0.6));
  return linesByPage.map((lines, index) =>
    lines.filter((line) => {
      const key = furnitureKey(line.text);
      if (PAGE_NUMBER.test(key)) return false;
      if (!inMargin(line, pages[index]!)) return true;
      return !(ADDRESS.test(key) || PRINT_STAMP.test(key) || (pages.length > 1 && (pagesWith.get(key) ?? 0) >= repeatedOn));
    }),
  );
}

const median = (values: readonly number[]): number | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const sizeKey = (size: number): number => Math.round(size * 2) / 2;
const sameSize = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(a, b) * 0.1;
const ENDS_SENTENCE = /[.!?…:;"”’')\]]$/;

/** Join a line to the text before it, mending a word broken with a hyphen at the line end. */
function joinLine(before: string, line: string): string {
  if (/\u00ad$/.test(before)) return before.slice(0, -1) + line;
  if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(line)) return before.slice(0, -1) + line;
  return `${before} ${line}`;
}

/**
 * Rebuild paragraphs, with their kinds, from the text runs of each page. Exported for tests; the
 * import reads runs from pdf.js and calls this.
 */
export function blocksFromPdfPages(pages: readonly PdfPageText[]): SourceBlock[] {
  const linesByPage = dropPageFurniture(
    pages,
    pages.map((page, index) => linesOfPage(page, index)),
  );

  // The usual line spacing for each type size: the median gap between lines of that size.
  const gapsBySize = new Map<number, number[]>();
  for (const lines of linesByPage) {
    for (let i = 1; i < lines.length; i++) {
      const previous = lines[i - 1]!;
      const line = lines[i]!;
      const gap = previous.y - line.y;
      if (sameSize(previous.size, line.size) && gap > line.size * 0.8 && gap < line.size * 2.5) {
        const key = sizeKey(line.size);
        gapsBySize.set(key, [...(gapsBySize.get(key) ?? []), gap]);
      }
    }
  }
  const spacing = (size: number): number => median(gapsBySize.get(sizeKey(size)) ?? []) ?? size * 1.2;

  const paragraphs: Paragraph[] = [];
  for (const lines of linesByPage) {
    let current: Paragraph | undefined;
    for (const line of lines) {
      const gap = current ? current.lastY - line.y : 0;
      const continues =
        current !== undefined && sameSize(current.size, line.size) && gap > 0 && gap <= spacing(line.size) * 1.4;
      if (continues) {
        current!.text = joinLine(current!.text, line.text);
        current!.lastY = line.y;
      } else {
        current = { text: line.text, size: line.size, page: line.page, top: line.y, lastY: line.y };
        paragraphs.push(current);
      }
    }
  }

  // A paragraph cut by a page break (or a column break) goes on: join it when it stopped mid-sentence.
  const merged: Paragraph[] = [];
  for (const paragraph of paragraphs) {
    const previous = merged[merged.length - 1];
    const brokenOff = previous && (paragraph.page !== previous.page || paragraph.top > previous.lastY);
    if (previous && brokenOff && sameSize(previous.size, paragraph.size) && !ENDS_SENTENCE.test(previous.text)) {
      previous.text = joinLine(previous.text, paragraph.text);
      previous.lastY = paragraph.lastY;
      continue;
    }
    merged.push({ ...paragraph });
  }

  // The body's type size is the one most of the text is set in.
  const charsBySize = new Map<number, number>();
  for (const paragraph of merged) charsBySize.set(sizeKey(paragraph.size), (charsBySize.get(sizeKey(paragraph.size)) ?? 0) + paragraph.text.length);
  const bodySize = [...charsBySize.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;

  // The title: the largest type on the first page with text, if it is clearly larger than the body.
  const firstPage = merged[0]?.page;
  let titleIndex = -1;
  merged.forEach((paragraph, index) => {
    if (paragraph.page !== firstPage || paragraph.size < bodySize * 1.15 || paragraph.text.length > 300) return;
    if (titleIndex < 0 || paragraph.size > merged[titleIndex]!.size + 0.01) titleIndex = index;
  });

  return merged.map((paragraph, index): SourceBlock => {
    let kind: ParagraphKind;
    if (index === titleIndex) kind = 'title';
    else if (paragraph.size >= bodySize * 1.15 && paragraph.text.length <= 300) kind = 'heading';
    else if (paragraph.size <= bodySize * 0.92) {
      // Small type above the headline is the page's masthead or section line; elsewhere a caption.
      kind = titleIndex >= 0 && index < titleIndex ? 'boilerplate' : paragraph.text.length < 400 ? 'caption' : 'body';
    } else kind = 'body';
    return { text: paragraph.text, kind };
  });
}

/** pdf.js, loaded on first use, with its worker code in this thread (pdf.js's "fake worker"), so nothing is fetched. */
interface PdfJs {
  getDocument(source: Record<string, unknown>): { promise: Promise<PdfDocumentProxy>; destroy(): Promise<void> };
}
interface PdfDocumentProxy {
  readonly numPages: number;
  getPage(number: number): Promise<{
    getViewport(options: { scale: number }): { width: number; height: number };
    getTextContent(): Promise<{ items: readonly { str?: string; transform?: readonly number[]; width?: number }[] }>;
    cleanup(): void;
  }>;
  getMetadata(): Promise<{ info?: Record<string, unknown> }>;
  destroy(): Promise<void>;
}

let pdfjsLoading: Promise<PdfJs> | undefined;

function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= (async () => {
    const globals = globalThis as { pdfjsWorker?: unknown };
    globals.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
  })();
  return pdfjsLoading;
}

/** At most this many pages are read: no article is longer. */
export const MAX_PDF_PAGES = 300;

export interface PdfSource {
  readonly blocks: SourceBlock[];
  readonly metadata: SourceMetadata;
  readonly title?: string;
}

export async function pdfToSource(bytes: Uint8Array, path: string): Promise<PdfSource> {
  const name = displayName(path);
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of the buffer it is given: give it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  let document: PdfDocumentProxy;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const kind = (error as { name?: string } | null)?.name;
    if (kind === 'PasswordException') {
      throw new ImportProblem(`"${name}" is protected by a password. Open it in a PDF reader, save a copy without the password, and open that.`);
    }
    throw new ImportProblem(`"${name}" could not be read as a PDF (it may be damaged or incomplete). Download or save it again, and open the new copy.`);
  }
  try {
    const warnings: string[] = [];
    const pageCount = Math.min(document.numPages, MAX_PDF_PAGES);
    if (document.numPages > MAX_PDF_PAGES) warnings.push(`Only the first ${MAX_PDF_PAGES} of its ${document.numPages} pages were read.`);
    const pages: PdfPageText[] = [];
    const pagesWithoutText: number[] = [];
    for (let number = 1; number <= pageCount; number++) {
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs: PdfTextRun[] = [];
      for (const item of content.items) {
        const transform = item.transform;
        if (typeof item.str !== 'string' || !transform || transform.length < 6) continue;
        runs.push({
          text: item.str,
          x: transform[4]!,
          y: transform[5]!,
          width: item.width ?? 0,
          size: Math.hypot(transform[2]!, transform[3]!) || Math.hypot(transform[0]!, transform[1]!),
        });
      }
      if (!runs.some((run) => run.text.trim())) pagesWithoutText.push(number);
      pages.push({ width: viewport.width, height: viewport.height, runs });
      page.cleanup();
    }

    const blocks = blocksFromPdfPages(pages);
    const words = blocks.reduce((count, block) => count + block.text.split(/\s+/).filter(Boolean).length, 0);
    if (words < 5) {
      throw new ImportProblem(
        `"${name}" has no text layer (it is probably a scan). Parallax needs text: run it through text recognition (OCR) in a PDF tool first, or copy the article's text from its web page and paste it.`,
      );
    }
    if (pagesWithoutText.length > 0) {
      const which = pagesWithoutText.length === 1 ? `Page ${pagesWithoutText[0]} has` : `Pages ${pagesWithoutText.join(', ')} have`;
      warnings.push(`${which} no text (scanned, or only pictures), so nothing from ${pagesWithoutText.length === 1 ? 'it' : 'them'} is shown.`);
    }

    const { info } = await document.getMetadata().catch(() => ({ info: undefined }));
    const infoText = (key: string): string | undefined => {
      const value = info?.[key];
      return typeof value === 'string' && value.trim() ? value.replace(/\s+/g, ' ').trim() : undefined;
    };
    const title = blocks.find((block) => block.kind === 'title')?.text ?? infoText('Title');
    // A browser writes the page's <title>, "Headline – Outlet", as the PDF's title: the outlet is the rest.
    let siteName: string | undefined;
    const pdfTitle = infoText('Title');
    if (title && pdfTitle && pdfTitle.startsWith(title) && pdfTitle.length > title.length) {
      const rest = /^\s*[-–—|·:]\s*(.{2,60})$/.exec(pdfTitle.slice(title.length));
      siteName = rest?.[1]?.trim();
    }
    const language = infoText('Language');
    const byline = infoText('Author');
    const metadata: SourceMetadata = {
      format: 'pdf',
      ...(siteName ? { siteName } : {}),
      ...(byline ? { byline } : {}),
      ...(language ? { language } : {}),
      ...(warnings.length > 0 ? { warnings } : {}),
    };
    return { blocks, metadata, ...(title ? { title } : {}) };
  } finally {
    await document.destroy().catch(() => undefined);
  }
}
