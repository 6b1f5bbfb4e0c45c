import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Comparison, SourceDocument } from '../../src/shared/contract/comparison.js';
import type { Note } from '../../src/shared/contract/notes.js';
import { compareDocuments } from '../../src/shared/core/compare.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';
import { differenceTarget, groupTarget, paragraphTarget, passageTarget } from '../../src/shared/notes/targets.js';
import { defaultLexicon, REPO_ROOT } from './seeds.js';

/**
 * Invented reporting on an invented flood, with emoji and CJK text (some of it outside the Basic
 * Multilingual Plane: 𠮷 is U+20BB7, two UTF-16 units), written for the REFI-QDA tests.
 */
export const FLOOD_A = [
  'Flood closes the old 𠮷野 bridge 🌊',
  'The river rose overnight and the council said the 𠮷野 bridge would stay shut until Friday.',
  'Residents posted photos 📸 of brown water reaching the 市场 square before dawn.',
  'Engineers said repairs could cost 2 million crowns, according to the council.',
].join('\n\n');

export const FLOOD_B = [
  'Old 𠮷野 bridge shut as river floods 🌊🌊',
  'The river rose overnight and the council claimed the 𠮷野 bridge would probably stay shut until Friday.',
  'Shopkeepers on the 市场 square counted their losses 😢 as the water fell.',
  'Engineers said repairs could cost 3 million crowns.',
].join('\n\n');

/** The QDA-XML Project schema, beside the checkout in shared/ (as CI lays it out). */
export const PROJECT_XSD = resolve(REPO_ROOT, '..', 'shared', 'standards', 'refi-qda', 'Project-mrt2019.xsd');

/** Whether Debian's xmllint (libxml2-utils) is here to validate against the schema. */
export const HAS_XMLLINT = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Validate a project.qde file against the schema; xmllint's complaint when it does not validate. */
export function validateProject(file: string): { ok: boolean; output: string } {
  if (!existsSync(PROJECT_XSD)) throw new Error(`The REFI-QDA schema is missing: expected it at ${PROJECT_XSD} (shared/ beside the checkout).`);
  try {
    execFileSync('xmllint', ['--noout', '--schema', PROJECT_XSD, file], { stdio: 'pipe' });
    return { ok: true, output: '' };
  } catch (error) {
    const failure = error as { stderr?: Buffer; stdout?: Buffer };
    return { ok: false, output: `${failure.stdout?.toString() ?? ''}${failure.stderr?.toString() ?? ''}` };
  }
}

export function floodDocuments(): SourceDocument[] {
  return [
    makeSourceDocument({ path: '/stories/flood/ledger.txt', text: FLOOD_A, label: 'Riverside Ledger', metadata: { format: 'text', siteName: 'Riverside Ledger', byline: 'Mara Quill', published: '2025-03-04' } }),
    makeSourceDocument({ path: '/stories/flood/wire.txt', text: FLOOD_B, label: 'Amber Wire', metadata: { format: 'text' } }),
  ];
}

export function floodComparison(): Comparison {
  return compareDocuments(floodDocuments(), { lexicon: defaultLexicon() });
}

let counter = 0;
function note(comparisonId: string, target: Note['target'], body: string, tags: string[], author = 'Student Ōne'): Note {
  counter += 1;
  return { id: `n-${counter}`, comparisonId, target, body, tags, author, created: '2025-03-05T09:15:30.250Z', updated: '2025-03-06T11:00:00.000Z' };
}

/** Notes of every kind on the flood comparison: a passage on CJK text, a paragraph, a group, a difference, an orphan, tags only. */
export function floodNotes(comparison: Comparison, comparisonId: string): Note[] {
  const [a, b] = comparison.documents as [SourceDocument, SourceDocument];
  const bridge = b.text.indexOf('𠮷野 bridge');
  const notes = [
    note(comparisonId, passageTarget(b, bridge, bridge + '𠮷野 bridge'.length)!, 'Named the same 🌉 — but <B> says "claimed" & hedges.\u0001', ['attribution-shift', 'dam-report']),
    note(comparisonId, paragraphTarget(a, 2)!, 'Only A shows the photos 📸.', ['human-interest'], 'Ana Lí'),
  ];
  const groupId = comparison.groups.find((group) => group.members.length > 1)?.id;
  if (groupId) notes.push(note(comparisonId, groupTarget(comparison, groupId)!, 'The same sentence, two verbs.', ['conflict']));
  const differenceIndex = comparison.differences.findIndex((difference) => difference.spans.length > 1);
  if (differenceIndex >= 0) notes.push(note(comparisonId, differenceTarget(comparison, differenceIndex)!, 'Check the figures with the council.', []));
  // Written on text that is no longer there: an orphan.
  const gone = passageTarget(a, 0, 5)!;
  notes.push(note(comparisonId, { ...gone, sourceHash: 'changed', quote: { ...gone.quote, exact: 'A sentence nobody wrote 字', prefix: 'zz', suffix: 'zz' }, position: { type: 'TextPositionSelector', start: 500, end: 520 } }, 'Lost note', ['conflict']));
  // Codes only, no text.
  const square = a.text.indexOf('市场 square');
  notes.push(note(comparisonId, passageTarget(a, square, square + '市场 square'.length)!, '', ['economic-consequences']));
  return notes;
}

/** What the tests use of the DOM of an XML document (jsdom's DOMParser, a real XML parser). */
export interface XmlEl {
  readonly localName: string;
  readonly namespaceURI: string | null;
  readonly textContent: string | null;
  readonly children: ArrayLike<XmlEl> & Iterable<XmlEl>;
  readonly parentElement: XmlEl | null;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlEl> & Iterable<XmlEl>;
  getElementsByTagNameNS(namespace: string, name: string): ArrayLike<XmlEl> & Iterable<XmlEl>;
}
export interface XmlDoc extends Omit<XmlEl, 'localName' | 'namespaceURI' | 'parentElement' | 'getAttribute'> {
  readonly documentElement: XmlEl;
}
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string) => { window: { DOMParser: new () => { parseFromString(text: string, type: 'application/xml'): XmlDoc } } };
};

/** Parse XML with jsdom's DOMParser, failing on a parse error. */
export function parseXml(xml: string): XmlDoc {
  const document = new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`the XML does not parse: ${error.textContent}`);
  return document;
}

/** A `.qdpx` opened with a real zip reader: its project.qde parsed with a real XML parser (jsdom's), and its files. */
export function openQdpx(bytes: Uint8Array): { files: Record<string, string>; xml: string; document: XmlDoc } {
  const entries = unzipSync(bytes);
  const files: Record<string, string> = {};
  for (const [name, data] of Object.entries(entries)) files[name] = strFromU8(data);
  const xml = files['project.qde'];
  if (xml === undefined) throw new Error(`no project.qde in the zip: ${Object.keys(files).join(', ')}`);
  return { files, xml, document: parseXml(xml) };
}
