import { createRequire } from 'node:module';
import type { SourceMetadata } from '../../../shared/contract/comparison.js';
import type { SourceBlock } from '../../../shared/core/document.js';
import { checkDocxArchive } from './docx-archive.js';
import { htmlFragmentToBlocks } from './html.js';
import { ImportProblem, displayName } from './problem.js';

/**
 * Word (.docx) files as plain text blocks.
 *
 * mammoth reads the document's XML and writes its own simple HTML from it (headings, paragraphs,
 * lists, tables): nothing of the file's own markup passes through, images are left out, and
 * external files it names are never read. That HTML goes through the same inert parse and block
 * reduction as a web page, without Readability (a Word file is all article). Word's headings
 * become headings; the first Title or Heading 1 is the title.
 */

interface MammothMessage {
  readonly type: 'warning' | 'error';
  readonly message: string;
}

interface MammothModule {
  convertToHtml(input: { buffer: Buffer }, options: Record<string, unknown>): Promise<{ value: string; messages: MammothMessage[] }>;
  images: { imgElement(convert: () => Promise<{ src: string }>): unknown };
}

const requireCommonJs = createRequire(import.meta.url);

/** Word styles mammoth does not map by itself. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Caption'] => figcaption:fresh",
  "p[style-name='caption'] => figcaption:fresh",
];

export interface DocxSource {
  readonly blocks: SourceBlock[];
  readonly metadata: SourceMetadata;
  readonly title?: string;
}

export async function docxToSource(bytes: Uint8Array, path: string): Promise<DocxSource> {
  // Before anything is unpacked: a .docx that would unpack to gigabytes is refused (docx-archive.ts).
  checkDocxArchive(bytes, path);
  const mammoth = requireCommonJs('mammoth') as MammothModule;
  let result: { value: string; messages: MammothMessage[] };
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        // Pictures are not text: leave them out rather than copy them into the HTML.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
  } catch {
    throw new ImportProblem(
      `"${displayName(path)}" could not be read as a Word document (it may be damaged, or only named .docx). Open it in Word or LibreOffice and save it again as .docx.`,
    );
  }

  const blocks = htmlFragmentToBlocks(result.value);
  // The first level-1 heading (Word's Title or Heading 1) is the document's title.
  const firstH1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(result.value);
  let title: string | undefined;
  if (firstH1) {
    const titleBlocks = htmlFragmentToBlocks(firstH1[0]);
    title = titleBlocks[0]?.text;
    const index = title === undefined ? -1 : blocks.findIndex((block) => block.kind === 'heading' && block.text === title);
    if (index >= 0) blocks[index] = { text: blocks[index]!.text, kind: 'title' };
  }
  if (blocks.length === 0) {
    throw new ImportProblem(`"${displayName(path)}" has no text in it. Open it in Word to check, or choose another file.`);
  }

  // mammoth's notes are mostly about styles it has no mapping for, which change nothing here.
  // Errors, and warnings about content it could not read, are worth telling.
  const warnings = result.messages
    .filter((message) => message.type === 'error' || !/style|image/i.test(message.message))
    .map((message) => `Part of this Word document may be missing: ${message.message}`);
  const metadata: SourceMetadata = { format: 'docx', ...(warnings.length > 0 ? { warnings } : {}) };
  return { blocks, metadata, ...(title ? { title } : {}) };
}
