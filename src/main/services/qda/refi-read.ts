import { basename } from 'node:path';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { readRefiCodebook, type RefiCodebook, type XmlElement } from '../../../shared/qda/codebook-import.js';
import { FileRefusedError, readRegularFile } from '../safe-read.js';

/**
 * Reading a REFI-QDA codebook (`.qdc`) or project (`.qdpx`) that another program made, for its
 * codes. Files come from anywhere, so every step is bounded: the file's size, the size
 * `project.qde` unpacks to (checked before it is unpacked), the XML's depth and number of
 * elements; a DTD is refused (no entities are ever expanded). What does not read is refused whole
 * with the reason, in words for the person.
 */

/** A `.qdc` (or a bare `project.qde`) larger than this is not a codebook. */
export const MAX_XML_BYTES = 64 * 1024 * 1024;
/** A `.qdpx` is read whole to find its `project.qde`; larger ones hold media, not a codebook worth this. */
export const MAX_QDPX_BYTES = 512 * 1024 * 1024;
const MAX_DEPTH = 256;
const MAX_ELEMENTS = 2_000_000;

export type RefiFileRead = { readonly ok: true; readonly codebook: RefiCodebook } | { readonly ok: false; readonly problem: string };

class Refused extends Error {}

/** The XML parsed into a small tree (namespaces resolved), or a thrown `Refused` with what is wrong. */
export function parseXmlTree(text: string): XmlElement {
  interface Building {
    uri: string;
    local: string;
    attributes: Record<string, string>;
    children: Building[];
    text: string;
  }
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: Building[] = [];
  let root: Building | undefined;
  let count = 0;
  parser.on('error', (error) => {
    throw new Refused(`it is not well-formed XML (${error.message.replace(/^undefined:/, 'line ')})`);
  });
  parser.on('doctype', () => {
    throw new Refused('it declares a DTD, which a REFI-QDA file never has');
  });
  parser.on('opentag', (tag) => {
    if (++count > MAX_ELEMENTS) throw new Refused(`it has more than ${MAX_ELEMENTS.toLocaleString('en')} elements`);
    if (stack.length >= MAX_DEPTH) throw new Refused(`its elements are nested more than ${MAX_DEPTH} deep`);
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) if (!attribute.prefix) attributes[attribute.local] = attribute.value;
    const element: Building = { uri: tag.uri, local: tag.local, attributes, children: [], text: '' };
    stack.at(-1)?.children.push(element);
    if (!root) root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (text: string): void => {
    const element = stack.at(-1);
    if (element) element.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw new Refused(`it is not well-formed XML (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!root) throw new Refused('it has no XML element');
  return root;
}

/** Bytes as text: UTF-8 (REFI-QDA's encoding), or UTF-16 when a byte-order mark says so. */
function decode(bytes: Uint8Array, what: string): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new Refused(`${what} is not UTF-8 text`);
  }
}

const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);

/** `project.qde` out of a `.qdpx`'s bytes, checked before it is unpacked. */
function projectOf(bytes: Uint8Array): string {
  const unzip = (keep: (file: { name: string; originalSize: number }) => boolean): Record<string, Uint8Array> => {
    try {
      return unzipSync(bytes, { filter: keep });
    } catch (error) {
      throw new Refused(`it is not a readable zip file (${error instanceof Error ? error.message : String(error)})`);
    }
  };
  // First only the list of .qde files, nothing unpacked; then the one that is the project.
  const entries: { name: string; size: number }[] = [];
  unzip((file) => {
    if (/\.qde$/i.test(file.name)) entries.push({ name: file.name, size: file.originalSize });
    return false;
  });
  // The specification's place is the top: "project.qde"; a single .qde anywhere else is taken too.
  const chosen = entries.find((entry) => entry.name.toLowerCase() === 'project.qde') ?? (entries.length === 1 ? entries[0] : undefined);
  if (!chosen) {
    throw new Refused(entries.length === 0 ? 'the .qdpx has no project.qde inside: it is not a REFI-QDA project' : `the .qdpx has ${entries.length} .qde files and none is project.qde`);
  }
  if (chosen.size > MAX_XML_BYTES) throw new Refused(`its ${chosen.name} would unpack to more than ${MAX_XML_BYTES / 1024 / 1024} MB`);
  let taken = false;
  const files = unzip((file) => {
    if (taken || file.name !== chosen.name) return false;
    taken = true;
    return true;
  });
  const data = files[chosen.name];
  if (!data || data.length !== chosen.size) throw new Refused(`its ${chosen.name} could not be unpacked whole`);
  return decode(data, chosen.name);
}

/** The codes of a `.qdc` or `.qdpx` file (told apart by their bytes, not their names). */
export async function readRefiCodebookFile(path: string): Promise<RefiFileRead> {
  try {
    let bytes: Uint8Array;
    try {
      // An ordinary file only (not a pipe or a device), and never more than the limit.
      bytes = new Uint8Array(await readRegularFile(path, { maxBytes: MAX_QDPX_BYTES, what: 'it' }));
    } catch (error) {
      if (error instanceof FileRefusedError && error.reason === 'too-large') {
        return { ok: false, problem: `it is larger than ${MAX_QDPX_BYTES / 1024 / 1024} MB; export the codebook alone (.qdc) from the other program and import that` };
      }
      if (error instanceof FileRefusedError) return { ok: false, problem: error.message.replace(/\.$/, '') };
      return { ok: false, problem: `it could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
    }
    let text: string;
    if (isZip(bytes)) text = projectOf(bytes);
    else if (bytes.length > MAX_XML_BYTES) return { ok: false, problem: `it is larger than ${MAX_XML_BYTES / 1024 / 1024} MB, too large for a codebook` };
    else text = decode(bytes, basename(path));
    if (!/^\s*</.test(text.replace(/^\uFEFF/, ''))) return { ok: false, problem: 'it is neither a REFI-QDA codebook (.qdc, XML) nor a project (.qdpx, a zip)' };
    const read = readRefiCodebook(parseXmlTree(text));
    return read.ok ? read : { ok: false, problem: read.problem };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.message };
    return { ok: false, problem: `it could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}
