import type { Comparison, SourceDocument } from '../contract/comparison.js';
import type { Anchor, DifferenceTarget, GroupTarget, ParagraphTarget, PassageTarget } from '../contract/notes.js';
import { describeDifference, labelNamer } from '../core/describe.js';

/**
 * Building what a note is written on, for each of the four kinds of target.
 *
 * Every anchor keeps the quoted words with some context before and after them (W3C
 * TextQuoteSelector) and their offsets (TextPositionSelector), plus the source's hash, so that
 * `reanchor` can find the passage again when the source changes. Group and difference ids are
 * never stored: they change when a comparison is worked out again.
 */

/** How much text before and after a passage a note keeps, to find it again if the source changes. */
export const QUOTE_CONTEXT = 32;

/** The index of the paragraph holding `offset`, or of the last paragraph starting before it; -1 if none. */
export function paragraphAt(doc: SourceDocument, offset: number): number {
  const { paragraphs } = doc;
  let low = 0;
  let high = paragraphs.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (paragraphs[middle]!.start <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** An anchor on `doc.text[start, end)`, in the paragraph given or the one holding `start`. */
export function anchorOn(doc: SourceDocument, start: number, end: number, paragraph = paragraphAt(doc, start)): Anchor {
  const { text } = doc;
  return {
    source: doc.path,
    sourceHash: doc.hash,
    paragraph: Math.max(0, paragraph),
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** A note on a whole paragraph; undefined when the paragraph does not exist. */
export function paragraphTarget(doc: SourceDocument, paragraph: number): ParagraphTarget | undefined {
  const block = doc.paragraphs[paragraph];
  if (!block) return undefined;
  return { kind: 'paragraph', ...anchorOn(doc, block.start, block.end, paragraph) };
}

/**
 * A note on a passage a person selected, `doc.text[start, end)`. Undefined when the range is empty,
 * out of the text, or only white space (there would be nothing to find again).
 */
export function passageTarget(doc: SourceDocument, start: number, end: number): PassageTarget | undefined {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > doc.text.length || end <= start) return undefined;
  if (doc.text.slice(start, end).trim() === '') return undefined;
  return { kind: 'passage', ...anchorOn(doc, start, end) };
}

/** A note on a group of aligned paragraphs: one anchor per member paragraph. Undefined for an unknown id. */
export function groupTarget(comparison: Comparison, groupId: string): GroupTarget | undefined {
  const group = comparison.groups.find((candidate) => candidate.id === groupId);
  if (!group) return undefined;
  const anchors: Anchor[] = [];
  for (const member of group.members) {
    const doc = comparison.documents[member.doc];
    if (!doc) continue;
    for (const paragraph of member.paragraphs) {
      const block = doc.paragraphs[paragraph];
      if (block) anchors.push(anchorOn(doc, block.start, block.end, paragraph));
    }
  }
  // The contract keeps at most 200 anchors; a group that large is already beyond reading.
  return anchors.length > 0 ? { kind: 'group', anchors: anchors.slice(0, 200) } : undefined;
}

/**
 * A note on one classified difference: its kind, its description, and one anchor per span. Undefined for
 * an index out of range or a difference with no span in the comparison's text.
 */
export function differenceTarget(comparison: Comparison, differenceIndex: number): DifferenceTarget | undefined {
  const difference = comparison.differences[differenceIndex];
  if (!difference) return undefined;
  const anchors: Anchor[] = [];
  for (const span of difference.spans) {
    const doc = comparison.documents[span.doc];
    if (!doc || span.end <= span.start || span.end > doc.text.length) continue;
    anchors.push(anchorOn(doc, span.start, span.end));
  }
  if (anchors.length === 0) return undefined;
  // The difference in words as the note keeps it, naming the sources by their labels (blind mode
  // puts neutral ones in when it shows the note).
  const summary = describeDifference(difference, labelNamer(comparison.documents)).slice(0, 1_000);
  return { kind: 'difference', differenceKind: difference.kind, summary, anchors: anchors.slice(0, 200) };
}
