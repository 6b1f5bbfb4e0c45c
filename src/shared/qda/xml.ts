/**
 * Writing XML by hand, safely: the five predefined entities escaped, and the characters XML 1.0
 * forbids (most C0 controls, lone surrogates, U+FFFE and U+FFFF) left out, so whatever a note or
 * a code name holds, the document stays well-formed.
 *
 * Pure: no Node, no DOM.
 */

/** Characters XML 1.0 does not allow anywhere in a document (§2.2 Char). */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text without the characters XML 1.0 forbids. */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** Text for an element's content: `&`, `<`, `>` escaped, `\r` kept as a reference (a parser would turn it into `\n`). */
export function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Text for an attribute value in double quotes: the five entities, and tabs and line breaks as references so they survive. */
export function escapeAttribute(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** An element's attributes; those undefined are left out. */
export type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;

/** An element to write: its name, attributes, and either text or child elements. */
export interface XmlNode {
  readonly name: string;
  readonly attributes?: Attributes;
  readonly text?: string;
  readonly children?: readonly (XmlNode | null | undefined | false)[];
}

/** Shorthand for an element. */
export function el(name: string, attributes: Attributes = {}, children: XmlNode['children'] | string = []): XmlNode {
  return typeof children === 'string' ? { name, attributes, text: children } : { name, attributes, children };
}

function attributeText(attributes: Attributes | undefined): string {
  let out = '';
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === undefined) continue;
    out += ` ${key}="${escapeAttribute(String(value))}"`;
  }
  return out;
}

/** The element written out, indented by two spaces a level (text content is written exactly). */
export function writeXml(node: XmlNode, depth = 0): string {
  const indent = '  '.repeat(depth);
  const open = `${indent}<${node.name}${attributeText(node.attributes)}`;
  if (node.text !== undefined) return `${open}>${escapeText(node.text)}</${node.name}>\n`;
  const children = (node.children ?? []).filter((child): child is XmlNode => Boolean(child));
  if (children.length === 0) return `${open}/>\n`;
  return `${open}>\n${children.map((child) => writeXml(child, depth + 1)).join('')}${indent}</${node.name}>\n`;
}

/** A whole document: the XML declaration and the root element. */
export function xmlDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${writeXml(root)}`;
}
