/*
 * The light formatting of a note's body: **bold**, *italic* (or _italic_), bulleted lists ("- " or
 * "* ") and numbered lists ("1. "), paragraphs split by a blank line. Parsed into plain data that
 * the page renders as React elements, so nothing a person types can become HTML.
 */

export type Inline = { readonly text: string; readonly bold?: boolean; readonly italic?: boolean };

export type Block =
  | { readonly type: 'paragraph'; readonly lines: readonly (readonly Inline[])[] }
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] };

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

/** Split a line at **bold** and *italic* / _italic_ markers; unmatched markers stay as text. */
export function parseInline(line: string): Inline[] {
  const out: Inline[] = [];
  const pattern = /\*\*(.+?)\*\*|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\*)|(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)/g;
  let last = 0;
  for (const match of line.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) out.push({ text: line.slice(last, at) });
    if (match[1] !== undefined) {
      // Italic inside bold ("**a *b* c**") is kept.
      for (const inner of parseInline(match[1])) out.push({ ...inner, bold: true });
    } else out.push({ text: match[2] ?? match[3] ?? '', italic: true });
    last = at + match[0].length;
  }
  if (last < line.length) out.push({ text: line.slice(last) });
  return out;
}

export function parseNoteBody(body: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Inline[][] = [];
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', lines: paragraph });
    if (list) blocks.push({ type: 'list', ordered: list.ordered, items: list.items });
    paragraph = [];
    list = null;
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (line.trim() === '') {
      flush();
    } else if (item) {
      const ordered = numbered !== null;
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(parseInline(item[1] ?? ''));
    } else {
      if (list) flush();
      paragraph.push(parseInline(line));
    }
  }
  flush();
  return blocks;
}

/** The body as plain text, markers removed: for search and for short previews. */
export function plainNoteText(body: string): string {
  return parseNoteBody(body)
    .flatMap((block) => (block.type === 'paragraph' ? block.lines : block.items))
    .map((line) => line.map((part) => part.text).join(''))
    .join(' ');
}
