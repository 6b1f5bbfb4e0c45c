import type { ParagraphKind } from '../../../shared/contract/comparison.js';
import type { SourceBlock } from '../../../shared/core/document.js';

/**
 * Reducing a parsed HTML tree (a web page's article, or the HTML mammoth writes for a Word file)
 * to plain text blocks. Only the text of text nodes is kept; no tag, attribute or address survives.
 *
 * The types below are the few DOM members used, so that this file needs neither the DOM library
 * types nor jsdom's: jsdom's nodes satisfy them.
 */

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument extends DomNode {
  readonly documentElement: DomElement;
  readonly body: DomElement | null;
  readonly title: string;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  cloneNode(deep: boolean): DomDocument;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose content is never article text, and may be active content: dropped with all they hold. */
export const DROPPED_ELEMENTS = [
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'svg', 'math', 'canvas', 'video', 'audio', 'source', 'track', 'img', 'picture', 'map', 'area',
  'input', 'select', 'option', 'textarea', 'button', 'head', 'title', 'meta', 'link', 'base', 'param', 'dialog',
] as const;
const DROPPED = new Set<string>(DROPPED_ELEMENTS);

/** Blocks and the kind their text is. */
const BLOCK_KINDS: Readonly<Record<string, ParagraphKind>> = {
  h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading',
  p: 'body', li: 'body', blockquote: 'body', pre: 'body', td: 'body', th: 'body', dd: 'body', dt: 'body',
  address: 'body', figcaption: 'caption', caption: 'caption',
};

/** Elements that only hold blocks: a boundary between paragraphs, with no kind of their own. */
const CONTAINERS = new Set([
  'html', 'body', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'ul', 'ol', 'dl',
  'menu', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup', 'col', 'form', 'fieldset', 'legend', 'details',
  'summary', 'center', 'hgroup', 'hr', 'figure', 'br', 'wbr',
]);

/** Inside a figure, these are credits: caption text. */
const CREDIT = /\b(credit|caption|byline|source|copyright|photographer)\b/i;

export interface ReduceOptions {
  /** Also drop page furniture: navigation, page header and footer, asides, forms, hidden elements. */
  readonly dropPageFurniture?: boolean;
}

const FURNITURE = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu', 'dialog']);
const FURNITURE_ROLES = /^(navigation|banner|contentinfo|complementary|search|dialog|alert|alertdialog|menu|menubar)$/i;

function isHidden(element: DomElement): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style') ?? '';
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/**
 * The text blocks of an element, in document order: headings as headings, figure captions and
 * credits as captions, paragraphs, list items, quotes, preformatted text and table cells as body.
 * Text that sits loose in a container becomes a block of its own. White space is collapsed.
 */
export function blocksFromElement(root: DomNode, options: ReduceOptions = {}): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let buffer = '';

  const flush = (kind: ParagraphKind): void => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    buffer = '';
    if (text) blocks.push({ text, kind });
  };

  const walk = (node: DomNode, kind: ParagraphKind, inFigure: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      buffer += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return; // comments, processing instructions, doctypes
    const element = node as DomElement;
    const tag = element.tagName.toLowerCase();
    if (DROPPED.has(tag)) return;
    if (options.dropPageFurniture && (FURNITURE.has(tag) || FURNITURE_ROLES.test(element.getAttribute('role') ?? '') || isHidden(element))) {
      return;
    }
    const blockKind = BLOCK_KINDS[tag];
    const isCredit = inFigure && (tag === 'small' || tag === 'cite' || CREDIT.test(element.getAttribute('class') ?? ''));
    if (blockKind === undefined && !CONTAINERS.has(tag) && !isCredit) {
      // Inline: its words join the block around it (a line break is a space).
      for (const child of Array.from(node.childNodes)) walk(child, kind, inFigure);
      return;
    }
    flush(kind);
    const figure = inFigure || tag === 'figure';
    const inner: ParagraphKind = figure ? 'caption' : (blockKind ?? kind);
    for (const child of Array.from(node.childNodes)) walk(child, inner, figure);
    flush(inner);
  };

  for (const child of Array.from(root.childNodes)) walk(child, 'body', false);
  flush('body');
  return blocks;
}

/** Collapse white space, as blocks are. */
export function plainText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
