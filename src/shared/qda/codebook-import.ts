import { codebookSchema, codeIdFromLabel, CODE_ID_PATTERN, type Codebook, type CodebookCode } from '../contract/codebook.js';
import { hashText } from '../core/hash.js';
import { PARALLAX_CODE_ROOT, QDA_CODEBOOK_NAMESPACE, QDA_PROJECT_NAMESPACE } from './project.js';

/**
 * A codebook made in another QDA program (MAXQDA, NVivo, ATLAS.ti, QualCoder…) taken into
 * Parallax's: from a REFI-QDA codebook (`.qdc`, root `CodeBook` in `urn:QDA-XML:codebook:1.0`) or
 * a project (`project.qde` of a `.qdpx`, whose `CodeBook` has the same shape).
 *
 * Parallax's codebook is one level deep: codes under family headings. A nested code keeps the
 * names of the folders above it as its family ("Topics › Economy"); a code that cannot be coded
 * (a folder) becomes a heading only. Codes already in the codebook are skipped, never changed.
 *
 * Pure: the XML is parsed in main into the small tree below.
 */

/** An XML element as the reader gives it: namespace, local name, attributes, children, its own text. */
export interface XmlElement {
  readonly uri: string;
  readonly local: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

/** A code of the file, flattened, in document order. */
export interface RefiCode {
  readonly guid: string;
  readonly name: string;
  readonly codable: boolean;
  readonly description: string;
  /** The names of the codes above it, outermost first. */
  readonly path: readonly string[];
  readonly hasChildren: boolean;
  readonly color?: string;
  /** In Parallax's own branch of an export of Parallax's. */
  readonly parallax: boolean;
}

export interface RefiCodebook {
  /** The file's kind: a codebook or a project. */
  readonly kind: 'codebook' | 'project';
  readonly codes: readonly RefiCode[];
  /** How many sets of codes it has (Parallax keeps none). */
  readonly sets: number;
}

export type RefiRead = { readonly ok: true; readonly codebook: RefiCodebook } | { readonly ok: false; readonly problem: string };

const child = (element: XmlElement, local: string): XmlElement | undefined => element.children.find((candidate) => candidate.local === local);
const childrenNamed = (element: XmlElement, local: string): XmlElement[] => element.children.filter((candidate) => candidate.local === local);
const tidy = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Whether a namespace is REFI-QDA's (any version), or none at all (some programs leave it out). */
function isQdaNamespace(uri: string): boolean {
  return uri === '' || uri.startsWith('urn:QDA-XML:');
}

/** The codes of a REFI-QDA codebook or project document, or why it is not one. */
export function readRefiCodebook(root: XmlElement): RefiRead {
  if (!isQdaNamespace(root.uri) || (root.local !== 'CodeBook' && root.local !== 'Project')) {
    const where = root.uri ? ` in the namespace “${root.uri}”` : '';
    return { ok: false, problem: `it is not a REFI-QDA codebook or project: its root element is <${root.local}>${where}, not <CodeBook> (${QDA_CODEBOOK_NAMESPACE}) or <Project> (${QDA_PROJECT_NAMESPACE})` };
  }
  const kind = root.local === 'Project' ? 'project' : 'codebook';
  const book = kind === 'project' ? child(root, 'CodeBook') : root;
  const list = book ? child(book, 'Codes') : undefined;
  if (!list) return { ok: false, problem: kind === 'project' ? 'the project has no codebook (no <CodeBook> with <Codes>)' : 'the codebook has no <Codes>' };
  const codes: RefiCode[] = [];
  const walk = (elements: readonly XmlElement[], path: readonly string[], parallax: boolean): void => {
    for (const element of elements) {
      if (element.local !== 'Code') continue;
      const guid = (element.attributes.guid ?? '').replace(/[{}]/g, '').toLowerCase();
      const name = tidy(element.attributes.name ?? '');
      const inParallax = parallax || guid === PARALLAX_CODE_ROOT;
      const nested = childrenNamed(element, 'Code');
      const color = element.attributes.color;
      codes.push({
        guid,
        name,
        // isCodable is required; a file without it is read as codable (the common case).
        codable: (element.attributes.isCodable ?? 'true').trim() !== 'false' && element.attributes.isCodable?.trim() !== '0',
        description: (child(element, 'Description')?.text ?? '').trim(),
        path,
        hasChildren: nested.length > 0,
        ...(color ? { color } : {}),
        parallax: inParallax,
      });
      walk(nested, [...path, name], inParallax);
    }
  };
  walk(list.children, [], false);
  // Sets of codes: in a codebook file beside its codes; in a project among its other sets.
  const setList = kind === 'project' ? child(root, 'Sets') : child(book!, 'Sets');
  const sets = setList ? childrenNamed(setList, 'Set').filter((set) => childrenNamed(set, 'MemberCode').length > 0).length : 0;
  return { ok: true, codebook: { kind, codes, sets } };
}

export interface SkippedCode {
  readonly label: string;
  readonly reason: string;
}

export interface CodebookMerge {
  /** The codebook with the new codes at the end. */
  readonly codebook: Codebook;
  readonly added: readonly CodebookCode[];
  readonly skipped: readonly SkippedCode[];
  /** What the file has that Parallax's codebook cannot keep (colours, sets), in sentences. */
  readonly notices: readonly string[];
}

const MAX_LABEL = 100;
const MAX_FAMILY = 100;
const MAX_DESCRIPTION = 2_000;
const MAX_CODES = 1_000;

/** The text cut to at most `max` UTF-16 units (as the codebook's limits count), never inside a character, with "…". */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const character of text) {
    if (out.length + character.length > max - 1) break;
    out += character;
  }
  return `${out.trimEnd()}…`;
}

const plural = (count: number, one: string, many = `${one}s`): string => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/**
 * The codes of a REFI-QDA file merged into `current`: each codable code not there yet is added at
 * the end (its family the names of the folders above it); codes already there (the same name,
 * under the same heading or with no heading on either side) are skipped, and so are folders with
 * no codes, names too long, codes past the codebook's limit and Parallax's own analysis codes.
 */
export function mergeRefiCodebook(current: Codebook, file: RefiCodebook): CodebookMerge {
  const added: CodebookCode[] = [];
  const skipped: SkippedCode[] = [];
  const notices: string[] = [];
  const codes: CodebookCode[] = [...current.codes];
  const ids = new Set(codes.map((code) => code.id));
  const fold = (text: string | undefined): string => (text ?? '').normalize('NFKC').toLocaleLowerCase();
  const clash = (label: string, family: string | undefined): CodebookCode | undefined =>
    codes.find((code) => fold(code.label) === fold(label) && (fold(code.family) === fold(family) || !code.family || !family));

  let parallax = 0;
  let colours = 0;
  let shortened = 0;
  for (const code of file.codes) {
    if (code.parallax) {
      parallax++;
      continue;
    }
    if (code.color) colours++;
    const label = code.name;
    if (!label) {
      skipped.push({ label: '(no name)', reason: 'it has no name' });
      continue;
    }
    if (!code.codable) {
      // A folder: its name heads the codes inside it. Said only when nothing is inside.
      if (!code.hasChildren) skipped.push({ label, reason: 'it is a folder with no codes in it' });
      continue;
    }
    if (label.length > MAX_LABEL) {
      skipped.push({ label: shorten(label, 60), reason: `its name is longer than ${MAX_LABEL} characters` });
      continue;
    }
    const family = code.path.length > 0 ? shorten(code.path.join(' › '), MAX_FAMILY) : undefined;
    const existing = clash(label, family);
    if (existing) {
      const fromFile = added.includes(existing);
      skipped.push({ label, reason: fromFile ? 'it is in the file twice' : `the codebook has it already${existing.family ? ` (under “${existing.family}”)` : ''}` });
      continue;
    }
    if (codes.length >= MAX_CODES) {
      skipped.push({ label, reason: `the codebook is full (${MAX_CODES.toLocaleString('en')} codes at most)` });
      continue;
    }
    let base = codeIdFromLabel(label);
    if (!base || !CODE_ID_PATTERN.test(base)) base = `code-${hashText(label).slice(0, 6)}`;
    if (ids.has(base) && family) {
      const withFamily = `${codeIdFromLabel(family.split(' › ').at(-1) ?? '')}-${base}`.replace(/^-+/, '').slice(0, 60).replace(/-+$/, '');
      if (withFamily && CODE_ID_PATTERN.test(withFamily)) base = withFamily;
    }
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base.slice(0, 55)}-${n}`;
    let description = code.description;
    if (description.length > MAX_DESCRIPTION) {
      description = shorten(description, MAX_DESCRIPTION);
      shortened++;
    }
    const entry: CodebookCode = { id, label, description, ...(family ? { family } : {}) };
    ids.add(id);
    codes.push(entry);
    added.push(entry);
  }
  if (parallax > 0) notices.push(`Parallax’s own analysis codes (${plural(parallax, 'code')}) were left out: Parallax adds them again when it exports.`);
  if (colours > 0) notices.push(`The colours of ${plural(colours, 'code')} were not kept: Parallax’s codebook has no colours.`);
  if (file.sets > 0) notices.push(`${plural(file.sets, 'set')} of codes ${file.sets === 1 ? 'was' : 'were'} not kept: Parallax’s codebook has no sets.`);
  if (shortened > 0) notices.push(`The descriptions of ${plural(shortened, 'code')} were shortened to ${MAX_DESCRIPTION.toLocaleString('en')} characters.`);
  const codebook = codebookSchema.parse({ ...current, codes });
  return { codebook, added, skipped, notices };
}
