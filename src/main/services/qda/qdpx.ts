import { strToU8, zipSync, type Zippable } from 'fflate';
import { buildQdaProject, type QdaProject, type QdaProjectInput } from '../../../shared/qda/project.js';

/**
 * A REFI-QDA project as a `.qdpx` file: a zip holding `project.qde` and the sources in `Sources/`
 * (REFI-QDA 1.5 §8). The XML is made by the pure core (src/shared/qda/project.ts); this packs it.
 * The bytes depend only on the input (entries in a fixed order, every entry dated with the
 * export's time), so the same material exported at the same time gives the same file.
 */

/** A file inside a `.qdpx` may be at most 2 GiB less one byte (§8.5). */
export const QDPX_ENTRY_LIMIT = 2_147_483_647;

export class QdpxTooLargeError extends Error {}

/** The `.qdpx` bytes of a project. */
export function packQdpx(project: QdaProject, exported?: string): Uint8Array {
  // The zip format has no dates before 1980; an unreadable or missing time counts as then.
  const time = exported ? Date.parse(exported) : NaN;
  const mtime = new Date(Number.isFinite(time) && time >= Date.UTC(1980, 0, 2) ? time : Date.UTC(1980, 0, 2));
  const files: Zippable = { 'project.qde': [strToU8(project.xml), { mtime }] };
  for (const source of project.sources) {
    const bytes = strToU8(source.text);
    if (bytes.length > QDPX_ENTRY_LIMIT) {
      throw new QdpxTooLargeError(`the source ${source.path} is larger than REFI-QDA allows for one file (2 GB).`);
    }
    files[source.path] = [bytes, { mtime }];
  }
  return zipSync(files, { level: 6 });
}

/** The project of `input`, packed: its bytes and what it holds. */
export function makeQdpx(input: QdaProjectInput): { bytes: Uint8Array; project: QdaProject } {
  const project = buildQdaProject(input);
  return { bytes: packQdpx(project, input.exported), project };
}
