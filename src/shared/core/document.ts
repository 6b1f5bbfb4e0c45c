import type { ParagraphKind, SourceDocument, SourceMetadata } from '../contract/comparison.js';
import { hashText } from './hash.js';
import { classifyParagraphs, segmentText, type TextRange } from './segment.js';

/** One block of a structured document (HTML, Markdown, Word), with its kind when the structure says. */
export interface SourceBlock {
  readonly text: string;
  /** The kind the document's structure gives (an <h2> is a heading); undefined lets Parallax judge. */
  readonly kind?: ParagraphKind;
}

/**
 * What a source is made from: either its plain `text` (paragraphs are found in it), or `blocks`
 * from a structured format (joined with blank lines into the text as shown).
 */
export interface SourceInput {
  readonly path: string;
  readonly text?: string;
  readonly blocks?: readonly SourceBlock[];
  readonly label?: string;
  readonly title?: string;
  readonly metadata?: SourceMetadata;
}

/**
 * A short label for a source from its file name: "riverside-ledger.txt" gives "Riverside Ledger".
 * Long hex runs (hashes in scraped file names) are dropped.
 */
export function labelFromPath(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  const stemName = name.replace(/\.[^.]+$/, '') || name;
  const words = stemName
    .split(/[\s_\-.]+/)
    .filter((word) => word.length > 0 && !/^[0-9a-f]{8,}$/i.test(word))
    .map((word) => (/^\p{Ll}/u.test(word) ? word[0]!.toUpperCase() + word.slice(1) : word));
  return words.length > 0 ? words.join(' ') : stemName;
}

/** Join structured blocks into one text, one block per paragraph, separated by a blank line. */
function joinBlocks(blocks: readonly SourceBlock[]): { text: string; ranges: TextRange[]; hints: (ParagraphKind | undefined)[] } {
  let text = '';
  const ranges: TextRange[] = [];
  const hints: (ParagraphKind | undefined)[] = [];
  for (const block of blocks) {
    // Inside a block, runs of white space (line breaks of the markup included) become one space.
    const clean = block.text.replace(/[ \t\r\n\f\v]+/g, ' ').trim();
    if (!clean) continue;
    if (text) text += '\n\n';
    ranges.push({ start: text.length, end: text.length + clean.length });
    hints.push(block.kind);
    text += clean;
  }
  return { text, ranges, hints };
}

/** Turn a decoded text, or a structured document's blocks, into a source: paragraphs, kinds, label, title, hash. */
export function makeSourceDocument(input: SourceInput): SourceDocument {
  let text: string;
  let paragraphs;
  if (input.blocks) {
    const joined = joinBlocks(input.blocks);
    text = joined.text;
    paragraphs = classifyParagraphs(text, joined.ranges, joined.hints);
  } else {
    text = input.text ?? '';
    paragraphs = segmentText(text);
  }
  const titleParagraph = paragraphs.find((paragraph) => paragraph.kind === 'title');
  const firstText = paragraphs.find((paragraph) => paragraph.kind !== 'boilerplate');
  const fromText = titleParagraph ?? firstText;
  let title = input.title?.trim() || (fromText ? text.slice(fromText.start, fromText.end) : '');
  // "Headline | Section News" or "Headline - Outlet": keep the headline.
  title = title.replace(/\s+/g, ' ').replace(/\s+[|｜]\s+[^|]{1,40}$/u, '');
  if (title.length > 160) title = title.slice(0, 157).trimEnd() + '…';
  const label = input.label?.trim() || input.metadata?.siteName?.trim() || labelFromPath(input.path);
  return {
    path: input.path,
    label,
    title,
    text,
    paragraphs,
    hash: hashText(text),
    ...(input.metadata ? { metadata: input.metadata } : {}),
  };
}

/** What a person decided about a source, remembered for its file. */
export interface SourcePreferences {
  /** The label to show instead of the one Parallax found. */
  readonly label?: string;
  /**
   * Paragraphs marked as article text ('body') or junk ('boilerplate'), by `paragraphKey`, so that
   * the choice follows the paragraph's words, not its position, when the file changes.
   */
  readonly kinds?: Readonly<Record<string, 'body' | 'boilerplate'>>;
}

/** A key for a paragraph's words, stable across edits elsewhere in the file. */
export function paragraphKey(document: SourceDocument, index: number): string {
  const paragraph = document.paragraphs[index];
  if (!paragraph) return '';
  return hashText(document.text.slice(paragraph.start, paragraph.end).replace(/\s+/g, ' ').trim());
}

/** A source with a person's choices applied: their label, and paragraphs they marked as text or junk. */
export function applySourcePreferences(document: SourceDocument, preferences: SourcePreferences | undefined): SourceDocument {
  if (!preferences) return document;
  const kinds = preferences.kinds ?? {};
  let changed = false;
  const paragraphs = document.paragraphs.map((paragraph, index) => {
    const choice = kinds[paragraphKey(document, index)];
    if (!choice) return paragraph;
    const articleKinds: readonly ParagraphKind[] = ['title', 'heading', 'body'];
    const kind: ParagraphKind = choice === 'boilerplate' ? 'boilerplate' : articleKinds.includes(paragraph.kind) ? paragraph.kind : 'body';
    if (kind === paragraph.kind) return paragraph;
    changed = true;
    return { ...paragraph, kind };
  });
  const label = preferences.label?.trim();
  if (!changed && !label) return document;
  return { ...document, paragraphs: changed ? paragraphs : document.paragraphs, label: label || document.label };
}
