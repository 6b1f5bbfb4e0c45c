import type { SourceFormat } from '../../../shared/contract/comparison.js';
import { displayName } from './problem.js';

/**
 * What kind of file an article is, from its first bytes and then its name. The bytes win: a PDF
 * saved as .txt is read as a PDF, and a file named .pdf that is not one is refused, not guessed at.
 * Text formats (plain text, Markdown, HTML) are told apart after decoding (see `looksLikeHtml`).
 */
export type Detection = { readonly format: SourceFormat } | { readonly refused: string };

const HTML_EXTENSIONS = /\.(html?|xhtml|xht|shtml|mhtml?)$/i;
const MARKDOWN_EXTENSIONS = /\.(md|markdown|mdown|mkd|mkdn|mdwn)$/i;

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, i) => bytes[at + i] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((ch) => ch.charCodeAt(0));
}

function includesAscii(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, 'latin1');
}

export function detectFormat(path: string, bytes: Uint8Array): Detection {
  const name = displayName(path);
  const head = bytes.subarray(0, 1024);
  // A PDF's header may follow a little junk (the standard allows it within the first 1024 bytes).
  if (startsWith(bytes, ascii('%PDF-')) || includesAscii(head, '%PDF-')) return { format: 'pdf' };

  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (includesAscii(bytes, 'word/document.xml')) return { format: 'docx' };
    const kind = includesAscii(bytes, 'mimetypeapplication/vnd.oasis.opendocument')
      ? 'an OpenDocument file (LibreOffice)'
      : includesAscii(bytes, 'mimetypeapplication/epub')
        ? 'an e-book (EPUB)'
        : includesAscii(bytes, 'xl/workbook.xml')
          ? 'a spreadsheet'
          : includesAscii(bytes, 'ppt/presentation.xml')
            ? 'a presentation'
            : 'a zip archive';
    return {
      refused: `"${name}" is ${kind}, which Parallax does not read. Save the article as a Word document (.docx), a PDF or plain text, and open that.`,
    };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return {
      refused: `"${name}" is an older Microsoft Office file (such as a .doc), which Parallax does not read. Open it in Word or LibreOffice, save it as .docx, and open that.`,
    };
  }
  if (startsWith(bytes, ascii('{\\rtf'))) {
    return {
      refused: `"${name}" is a Rich Text (.rtf) file, which Parallax does not read. Open it in a word processor, save it as .docx or plain text, and open that.`,
    };
  }
  if (/\.pdf$/i.test(name)) {
    return { refused: `"${name}" is named as a PDF but is not one (it may be damaged or incomplete). Download or save it again, and open the new copy.` };
  }
  if (/\.docx$/i.test(name)) {
    return {
      refused: `"${name}" is named as a Word document but is not one (it may be damaged, or an older .doc renamed). Open it in Word or LibreOffice and save it again as .docx.`,
    };
  }
  if (HTML_EXTENSIONS.test(name)) return { format: 'html' };
  if (MARKDOWN_EXTENSIONS.test(name)) return { format: 'markdown' };
  return { format: 'text' };
}

/**
 * Whether decoded text is a web page, whatever its name: a saved page often ends in .txt. It must
 * start (after space and comments) with a doctype, an <html>, <head> or <body> tag, or an XML
 * declaration followed by one of them.
 */
export function looksLikeHtml(text: string): boolean {
  const start = text
    .slice(0, 4096)
    .replace(/^\ufeff/, '')
    .replace(/^(\s|<!--[\s\S]*?-->)+/, '')
    .replace(/^<\?xml[^>]*\?>(\s|<!--[\s\S]*?-->)*/i, '');
  return /^<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(start);
}
