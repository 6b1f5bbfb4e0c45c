import type { Comparison, SourceDocument } from '../../../shared/contract/comparison';
import { targetAnchors, type Note, type NoteTarget } from '../../../shared/contract/notes';

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

/** Where each note stands on the comparison as it is now. */
export interface NotePlacement {
  /** Notes by `doc:paragraph`. */
  readonly placed: ReadonlyMap<string, readonly Note[]>;
  /** Notes that could not be put on a paragraph: their source changed or is not open. Never dropped. */
  readonly unplaced: readonly Note[];
}

const paragraphText = (doc: SourceDocument, index: number): string | undefined => {
  const block = doc.paragraphs[index];
  return block ? doc.text.slice(block.start, block.end) : undefined;
};

/**
 * Put each note on its paragraph. A note on the text it was written on goes where it was written.
 * When the source changed, it goes on the paragraph with exactly its quoted words (the same index
 * first), and otherwise nowhere: it is listed as unplaced rather than shown on the wrong passage.
 * (Fuzzy re-anchoring by quote and context is for later.)
 */
export function placeNotes(notes: readonly Note[], comparison: Comparison): NotePlacement {
  const placed = new Map<string, Note[]>();
  const unplaced: Note[] = [];
  const docs = new Map(comparison.documents.map((doc, index) => [doc.path, index]));
  for (const note of notes) {
    const anchor = targetAnchors(note.target)[0];
    if (!anchor) {
      unplaced.push(note);
      continue;
    }
    const d = docs.get(anchor.source);
    const doc = d === undefined ? undefined : comparison.documents[d];
    let paragraph: number | undefined;
    if (doc && d !== undefined) {
      const index = anchor.paragraph;
      if (doc.hash === anchor.sourceHash && index < doc.paragraphs.length) paragraph = index;
      else if (paragraphText(doc, index) === anchor.quote.exact) paragraph = index;
      else {
        const found = doc.paragraphs.findIndex((_, p) => paragraphText(doc, p) === anchor.quote.exact);
        if (found >= 0) paragraph = found;
      }
    }
    if (paragraph === undefined || d === undefined) {
      unplaced.push(note);
      continue;
    }
    const key = `${d}:${paragraph}`;
    placed.set(key, [...(placed.get(key) ?? []), note]);
  }
  return { placed, unplaced };
}
