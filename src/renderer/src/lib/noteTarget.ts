import type { SourceDocument } from '../../../shared/contract/comparison';
import type { Note, NoteTarget } from '../../../shared/contract/notes';

/** How much text before and after a passage a note keeps, to find it again if the source changes. */
export const QUOTE_CONTEXT = 32;

/**
 * The target of a note on a whole paragraph: the source and its hash, the paragraph's index, its
 * text with some context (W3C TextQuoteSelector) and its offsets (TextPositionSelector).
 */
export function paragraphTarget(doc: SourceDocument, paragraph: number): NoteTarget | undefined {
  const block = doc.paragraphs[paragraph];
  if (!block) return undefined;
  const { text } = doc;
  return {
    kind: 'paragraph',
    source: doc.path,
    sourceHash: doc.hash,
    paragraph,
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(block.start, block.end),
      prefix: text.slice(Math.max(0, block.start - QUOTE_CONTEXT), block.start),
      suffix: text.slice(block.end, block.end + QUOTE_CONTEXT),
    },
    position: { type: 'TextPositionSelector', start: block.start, end: block.end },
  };
}

/** Whether a note was written on this paragraph of this source. */
export function isNoteOn(note: Note, doc: SourceDocument, paragraph: number): boolean {
  return note.target.source === doc.path && note.target.paragraph === paragraph;
}
