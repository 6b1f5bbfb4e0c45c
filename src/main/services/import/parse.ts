import type { SourceMetadata } from '../../../shared/contract/comparison.js';
import type { SourceBlock } from '../../../shared/core/document.js';
import { ImportProblem, displayName } from './problem.js';

/**
 * The one function the import worker runs: parse a structured document (a web page, Markdown, a
 * Word file or a PDF) into text blocks and metadata. It never throws; a file that cannot be read
 * gives a problem in words for the person. Each parser is loaded only when a file of its format
 * comes.
 */

/** What the worker is asked to read: a web page's or Markdown file's decoded text, or a Word file's or PDF's bytes. */
export type ImportRequest =
  | { readonly format: 'html' | 'markdown'; readonly path: string; readonly text: string }
  | { readonly format: 'docx' | 'pdf'; readonly path: string; readonly bytes: Uint8Array };

export type ImportResult =
  | { readonly ok: true; readonly blocks: SourceBlock[]; readonly metadata: SourceMetadata; readonly title?: string }
  | { readonly ok: false; readonly message: string };

export async function parseDocument(request: ImportRequest): Promise<ImportResult> {
  try {
    switch (request.format) {
      case 'html': {
        const { htmlToSource } = await import('./html.js');
        return { ok: true, ...htmlToSource(request.text, request.path) };
      }
      case 'markdown': {
        const { markdownToBlocks } = await import('../../../shared/core/markdown.js');
        const blocks = markdownToBlocks(request.text);
        if (blocks.length === 0) {
          throw new ImportProblem(`"${displayName(request.path)}" has no text in it, only Markdown markup. Save the article's text in it, or choose another file.`);
        }
        return { ok: true, blocks, metadata: { format: 'markdown' } };
      }
      case 'docx': {
        const { docxToSource } = await import('./docx.js');
        return { ok: true, ...(await docxToSource(request.bytes, request.path)) };
      }
      case 'pdf': {
        const { pdfToSource } = await import('./pdf.js');
        return { ok: true, ...(await pdfToSource(request.bytes, request.path)) };
      }
      default:
        return { ok: false, message: `"${displayName((request as { path: string }).path)}" is not a kind of file the importer reads.` };
    }
  } catch (error) {
    if (error instanceof ImportProblem) return { ok: false, message: error.message };
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `"${displayName(request.path)}" could not be read (${detail}). Please report this with the file.` };
  }
}
