import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UserFacingError } from './dispatch.js';
import { pathExists, writeFileDurably } from './durable-file.js';
import { escapeHtml } from '../../shared/notes/export/report.js';

/**
 * Text pasted into Parallax becomes a file in the data folder (`<dataDir>/pasted/`), so that it can
 * be reopened from Recent and compared like any other source. Plain text is kept as a .txt file;
 * HTML from the clipboard as a small .html document, which the importer reads like any web page
 * (inertly, through Readability), so no markup reaches the window.
 */

export const PASTED_FOLDER = 'pasted';

/** The name given to pasted text with no words to name it by. */
export const DEFAULT_PASTED_NAME = 'Pasted text';

export interface PastedSource {
  /** What the person pasted as plain text (the clipboard's text/plain). */
  readonly text: string;
  /** The clipboard's text/html, when it had some. */
  readonly html?: string | undefined;
  /** A name for the source; blank: the first words of the text. */
  readonly name: string;
}

export interface SavedPaste {
  readonly path: string;
  /** The name to show as the source's label. */
  readonly name: string;
}

/** A short name from the first words of the text: "Storm hits Riverside as …", or "Pasted text". */
export function nameForPastedText(text: string, maxLength = 60): string {
  const firstLine = text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).find((line) => line.length > 0) ?? '';
  if (!firstLine) return DEFAULT_PASTED_NAME;
  if (firstLine.length <= maxLength) return firstLine;
  const cut = firstLine.slice(0, maxLength);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > maxLength / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/** A file-name-safe slug of a name: lower case letters and digits of any script, joined by dashes. */
export function slugFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'pasted-text';
}

/** The visible text of some HTML, roughly: enough to tell whether it holds any words at all. */
function visibleWords(html: string): string {
  return html
    .replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/gi, ' ')
    .trim();
}

/** A whole HTML document around a pasted fragment, declared UTF-8 and titled with the source's name. */
export function htmlDocumentFor(name: string, html: string): string {
  // The clipboard may hold a whole document (with Windows' fragment markers around it): keep it,
  // but make sure it says it is UTF-8, which is how it is saved.
  if (/<html[\s>]/i.test(html)) {
    return /<meta[^>]+charset/i.test(html) ? html : `<meta charset="utf-8">\n${html}`;
  }
  return `<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(name)}</title>\n</head>\n<body>\n${html}\n</body>\n</html>\n`;
}

/**
 * Save pasted text durably as `<dataDir>/pasted/<timestamp>-<slug>.txt` (or `.html`), never over
 * an existing file. Refuses a paste with no words in it.
 */
export async function savePastedSource(dataDir: string, paste: PastedSource, now: Date = new Date()): Promise<SavedPaste> {
  const html = paste.html !== undefined && visibleWords(paste.html) !== '' ? paste.html : undefined;
  const text = paste.text.replace(/\r\n?/g, '\n');
  if (text.trim() === '' && html === undefined) {
    throw new UserFacingError(
      'There was no text to add: the clipboard held no words. Copy the article’s text (or the article in your browser) and paste again.',
      'invalid-request',
    );
  }
  const name = paste.name.replace(/\s+/g, ' ').trim() || nameForPastedText(text.trim() ? text : visibleWords(html ?? ''));
  const folder = join(dataDir, PASTED_FOLDER);
  await mkdir(folder, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const extension = html !== undefined ? 'html' : 'txt';
  const content = html !== undefined ? htmlDocumentFor(name, html) : text.endsWith('\n') ? text : `${text}\n`;
  for (let n = 1; ; n++) {
    const path = join(folder, `${stamp}-${slugFor(name)}${n > 1 ? `-${n}` : ''}.${extension}`);
    if (await pathExists(path)) continue;
    await writeFileDurably(path, content);
    return { path, name };
  }
}

