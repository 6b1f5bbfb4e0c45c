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
 * - YAML front matter (`---` ... `---` at the very start) is dropped.
 */
export function markdownToBlocks(markdown: string): SourceBlock[] {
  const tree = fromMarkdown(stripFrontMatter(markdown));
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
        if ('children' in node) for (const child of (node as Parents).children) walk(child);
    }
  };
  for (const child of children) walk(child);
  return text.replace(/\s+/g, ' ').trim();
}

/** YAML front matter, as static-site generators write it, is metadata, not article text. */
function stripFrontMatter(markdown: string): string {
  const match = /^\ufeff?---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(markdown);
  return match ? markdown.slice(match[0].length) : markdown;
}
