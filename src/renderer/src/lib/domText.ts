/*
 * Between the page's text and offsets into a source's text. A paragraph's words are drawn as
 * several text nodes (split where the sources differ); these helpers count characters across them,
 * so the rest of the app works with offsets only, never DOM positions.
 *
 * They rely on two attributes: `data-doc` on a source's column and `data-paragraph` on each
 * paragraph block, whose `.para__text` holds exactly the paragraph's text.
 */

export interface TextPoint {
  readonly doc: number;
  readonly paragraph: number;
  /** Offset from the start of the paragraph's text. */
  readonly offset: number;
}

function paragraphOf(node: Node): { doc: number; paragraph: number; text: Element } | undefined {
  const element = node instanceof Element ? node : node.parentElement;
  const text = element?.closest('.para__text');
  const para = text?.closest('[data-paragraph]');
  const column = para?.closest('[data-doc]');
  if (!text || !para || !column) return undefined;
  const doc = Number(column.getAttribute('data-doc'));
  const paragraph = Number(para.getAttribute('data-paragraph'));
  return Number.isInteger(doc) && Number.isInteger(paragraph) ? { doc, paragraph, text } : undefined;
}

/** Where a DOM position (node and offset, as a Selection or caret gives it) falls in a paragraph. */
export function pointAt(node: Node, offset: number): TextPoint | undefined {
  const where = paragraphOf(node);
  if (!where) return undefined;
  const before = document.createRange();
  before.selectNodeContents(where.text);
  before.setEnd(node, offset);
  return { doc: where.doc, paragraph: where.paragraph, offset: before.toString().length };
}

/**
 * The selected text as offsets within one paragraph, or undefined when nothing is selected or the
 * selection is not inside one paragraph's text (a selection across paragraphs is cut at the end of
 * the first).
 */
export function selectedPassage(selection: Selection | null): { doc: number; paragraph: number; from: number; to: number } | undefined {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  const start = pointAt(range.startContainer, range.startOffset);
  if (!start) return undefined;
  const end = pointAt(range.endContainer, range.endOffset);
  const to = end && end.doc === start.doc && end.paragraph === start.paragraph ? end.offset : Number.MAX_SAFE_INTEGER;
  if (to <= start.offset) return undefined;
  return { doc: start.doc, paragraph: start.paragraph, from: start.offset, to };
}

/** The element holding a paragraph's text, if it is on the page. */
export function paragraphTextElement(root: ParentNode, doc: number, paragraph: number): Element | null {
  return root.querySelector(`[data-doc="${doc}"] [data-paragraph="${paragraph}"] .para__text`);
}

/** A DOM range over characters `from`…`to` of a paragraph's text element. */
export function rangeIn(element: Element, from: number, to: number): Range | undefined {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && from <= seen + length) {
      range.setStart(node, Math.max(0, from - seen));
      started = true;
    }
    if (started && to <= seen + length) {
      range.setEnd(node, Math.max(0, to - seen));
      return range;
    }
    seen += length;
  }
  return undefined;
}
