import type { Nodes, Parents, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { SourceBlock } from './document.js';

/**
 * Markdown articles as plain text blocks, for `makeSourceDocument`.
 *
 * The text is parsed as CommonMark (mdast-util-from-markdown, pure JavaScript) and only words are
 * kept: emphasis markers, link targets and image addresses are gone, raw HTML is dropped whole
 * (with the text inside an inline <script> or <style>), so no markup reaches the page.
 *
 * - the first level-1 heading (ATX `# ...` or setext `===`) is the title; other headings are headings;
 * - paragraphs, list items, block quotes and code are body text;
 * - a paragraph of images only becomes their alt texts, as a caption (none when they have none);
 * - YAML front matter (`---` ... `---` at the very start) is dropped;
 * - nesting is bounded before parsing (see `boundNesting`): a list nested 2,000 deep or a line of
 *   50,000 `>` would otherwise take minutes and gigabytes, or overflow the stack.
 */
export function markdownToBlocks(markdown: string): SourceBlock[] {
  const tree = fromMarkdown(boundNesting(stripFrontMatter(markdown)));
  const blocks: SourceBlock[] = [];
  let hasTitle = false;

  const visit = (node: RootContent): void => {
    switch (node.type) {
      case 'heading': {
        const text = phrasingText(node.children);
        if (!text) return;
        const kind = node.depth === 1 && !hasTitle ? 'title' : 'heading';
        if (kind === 'title') hasTitle = true;
        blocks.push({ text, kind });
        return;
      }
      case 'paragraph': {
        const onlyImages = node.children.every((child) => child.type === 'image' || child.type === 'imageReference' || isBlank(child));
        if (onlyImages) {
          const alt = node.children
            // An alt text is words, but may hold markup written as text: keep only the words.
            .map((child) => (child.type === 'image' || child.type === 'imageReference' ? (child.alt ?? '').replace(/<[^>]*>?/g, ' ').trim() : ''))
            .filter(Boolean)
            .join(' ');
          if (alt) blocks.push({ text: alt, kind: 'caption' });
          return;
        }
        const text = phrasingText(node.children);
        if (text) blocks.push({ text, kind: 'body' });
        return;
      }
      case 'code':
        if (node.value.trim()) blocks.push({ text: node.value, kind: 'body' });
        return;
      case 'blockquote':
      case 'list':
      case 'listItem':
        for (const child of node.children) visit(child as RootContent);
        return;
      // Raw HTML, link definitions, rules and anything else that is not words: nothing.
      default:
        return;
    }
  };
  for (const child of tree.children) visit(child);
  return blocks;
}

/** A paragraph child that is only white space between images. */
function isBlank(node: PhrasingContent): boolean {
  return node.type === 'text' && node.value.trim() === '';
}

/** Inline content as words: text, code and link text kept; markers, HTML, addresses and images dropped. */
function phrasingText(children: readonly PhrasingContent[]): string {
  let text = '';
  /** Inside an inline <script> or <style>: its text is code, not words. */
  let skippingUntil: string | null = null;
  const walk = (node: Nodes): void => {
    if (node.type === 'html') {
      const tag = /^<\s*(\/?)\s*([a-z][a-z0-9-]*)/i.exec(node.value);
      if (tag) {
        const name = tag[2]!.toLowerCase();
        if (!tag[1] && (name === 'script' || name === 'style') && !new RegExp(`</\\s*${name}`, 'i').test(node.value)) skippingUntil = name;
        else if (tag[1] && name === skippingUntil) skippingUntil = null;
      }
      return;
    }
    if (skippingUntil) return;
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        text += node.value;
        return;
      case 'break':
        text += ' ';
        return;
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        return;
      default:
        // Children are walked from a stack, not by recursion: emphasis can nest thousands deep.
        if ('children' in node) for (let i = (node as Parents).children.length - 1; i >= 0; i--) pending.push((node as Parents).children[i]!);
    }
  };
  const pending: Nodes[] = [...children].reverse();
  for (let node = pending.pop(); node; node = pending.pop()) walk(node);
  return text.replace(/\s+/g, ' ').trim();
}

/** YAML front matter, as static-site generators write it, is metadata, not article text. */
function stripFrontMatter(markdown: string): string {
  const match = /^\ufeff?---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(markdown);
  return match ? markdown.slice(match[0].length) : markdown;
}

/** Block quotes and list markers kept at the start of one line; those beyond are dropped. */
export const MAX_MARKDOWN_MARKERS = 20;
/** Columns of white space kept at the start of a line and between its markers. */
export const MAX_MARKDOWN_INDENT = 40;

/**
 * The Markdown with every line's nesting bounded, so the parser never sees pathological depth:
 * of the block-quote and list markers (`>`, `-`, `+`, `*`, `1.`, `1)`) a line starts with, the
 * first `MAX_MARKDOWN_MARKERS` are kept, and white space at its start or between them is cut to
 * `MAX_MARKDOWN_INDENT` columns (a list indented deeper than that becomes a sibling of the deepest
 * item, not its child). An article nests a few levels at most, so its lines are left exactly as
 * they are; the parse of the rest takes time in proportion to the text, not to its depth squared.
 * The lines are scanned by hand, not with a regular expression, whose backtracking overflows on
 * a line of millions of markers.
 */
export function boundNesting(markdown: string): string {
  let out = '';
  let start = 0;
  while (start < markdown.length) {
    let end = markdown.indexOf('\n', start);
    if (end < 0) end = markdown.length;
    out += boundLine(markdown.slice(start, end));
    if (end < markdown.length) out += '\n';
    start = end + 1;
  }
  return out;
}

const isSpace = (character: string | undefined): boolean => character === ' ' || character === '\t';

/** The length of the container marker at `at` (`>`, a bullet or an ordered-list number), or 0. */
function markerAt(line: string, at: number): number {
  const character = line[at];
  if (character === '>') return 1;
  const endsMarker = (after: number): boolean => after >= line.length || isSpace(line[after]);
  if ((character === '-' || character === '+' || character === '*') && endsMarker(at + 1)) return 1;
  let digits = 0;
  while (digits < 9 && line.charCodeAt(at + digits) >= 48 && line.charCodeAt(at + digits) <= 57) digits++;
  if (digits > 0 && (line[at + digits] === '.' || line[at + digits] === ')') && endsMarker(at + digits + 1)) return digits + 1;
  return 0;
}

function boundLine(line: string): string {
  // A line that starts with a word nests nothing: most lines end here.
  if (!/^[ \t>\-+*0-9]/.test(line)) return line;
  let bounded = '';
  let changed = false;
  let markers = 0;
  let column = 0;
  let at = 0;
  for (;;) {
    const spaceStart = at;
    while (isSpace(line[at])) at++;
    if (at > spaceStart) {
      const width = columns(line.slice(spaceStart, at), column);
      if (width > MAX_MARKDOWN_INDENT || markers > MAX_MARKDOWN_MARKERS) changed = true;
      if (markers <= MAX_MARKDOWN_MARKERS) {
        const kept = Math.min(width, MAX_MARKDOWN_INDENT);
        bounded += width > MAX_MARKDOWN_INDENT ? ' '.repeat(kept) : line.slice(spaceStart, at);
        column += kept;
      }
    }
    const length = markerAt(line, at);
    if (length === 0) break;
    if (++markers > MAX_MARKDOWN_MARKERS) changed = true;
    else {
      bounded += line.slice(at, at + length);
      column += length;
    }
    at += length;
  }
  if (!changed) return line;
  // The line's own text follows, after white space (which a list marker needs).
  const rest = line.slice(at);
  return bounded + (rest === '' || isSpace(bounded.at(-1)) ? '' : ' ') + rest;
}

/** How many columns white space starting at `column` takes, with tab stops every 4 columns. */
function columns(space: string, column: number): number {
  let at = column;
  for (const character of space) at = character === '\t' ? at + 4 - (at % 4) : at + 1;
  return at - column;
}
