import { basename, join } from 'node:path';
import type { ApiHandlers, CodebookState, SettingsState } from '../../shared/contract/api.js';
import { CODEBOOK_FORMAT, codebookSchema, codeIdFromLabel, parseCodebook, type Codebook, type CodebookCode } from '../../shared/contract/codebook.js';
import { UserFacingError } from './dispatch.js';
import { FileRefusedError, readRegularTextFile } from './safe-read.js';
import type { NotesStore } from './store.js';

/**
 * The API's handlers for notes, the person's settings and their codebook, over the notes store.
 * Kept apart from api.ts (which wires every channel) so each part stays small.
 */

type NotesChannels =
  | 'notes:list'
  | 'notes:listAll'
  | 'notes:save'
  | 'notes:delete'
  | 'settings:get'
  | 'settings:set'
  | 'codebook:get'
  | 'codebook:save'
  | 'codebook:addCode'
  | 'codebook:reset';
export type NotesHandlers = Pick<ApiHandlers, NotesChannels>;

export interface NotesApiOptions {
  /** The name new notes get while the person has set none (the computer account's name). */
  readonly authorFallback: string;
  /** The default codebook, used while the person has none of their own. */
  readonly defaultCodebook: Codebook;
}

/** The default codebook's file inside a resources folder (resources/ in the repository, the app's resources when packaged). */
export function defaultCodebookPath(resourcesDir: string): string {
  return join(resourcesDir, 'codebook', 'default.json');
}

/** An empty codebook, for when the default one cannot be read: notes can still be tagged with codes added in place. */
export const EMPTY_CODEBOOK: Codebook = { format: CODEBOOK_FORMAT, name: 'Your codes', codes: [] };

export type CodebookOutcome = { readonly ok: true; readonly codebook: Codebook } | { readonly ok: false; readonly message: string };

/** A codebook file larger than this is refused unread: the default one is a few kilobytes. */
export const MAX_CODEBOOK_BYTES = 20 * 1024 * 1024;

/** Read and check a codebook file; a clear message naming the file when it cannot be used. */
export async function loadCodebook(path: string): Promise<CodebookOutcome> {
  const name = basename(path);
  let value: unknown;
  try {
    // An ordinary file of at most 20 MB: a pipe, a device or a huge file is refused unread.
    value = JSON.parse((await readRegularTextFile(path, { maxBytes: MAX_CODEBOOK_BYTES, what: `The codebook "${name}"` })).replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof FileRefusedError) return { ok: false, message: error.message };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: `The codebook "${name}" could not be found at ${path}.` };
    return { ok: false, message: `The codebook "${name}" could not be read (${code ?? (error instanceof Error ? error.message : String(error))}).` };
  }
  const parsed = parseCodebook(value);
  if (!parsed.ok) {
    return { ok: false, message: `The codebook "${name}" does not fit the codebook format (${CODEBOOK_FORMAT}): ${parsed.problems.slice(0, 3).join('; ')}.` };
  }
  return { ok: true, codebook: parsed.codebook };
}

/** An id for a new code: from its label, made unique with a number when taken. */
function freshCodeId(label: string, taken: ReadonlySet<string>): string {
  const base = codeIdFromLabel(label) || 'code';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function createNotesHandlers(store: NotesStore, options: NotesApiOptions): NotesHandlers {
  const settingsState = (): SettingsState => {
    const { author, threshold } = store.settings();
    return { author, authorFallback: options.authorFallback, ...(threshold !== undefined ? { threshold } : {}) };
  };
  const codebookInUse = (): Codebook => store.codebook() ?? options.defaultCodebook;
  const codebookState = (): CodebookState => ({ codebook: codebookInUse(), changed: store.codebook() !== null });
  /** Keep the person's codebook; one that equals the default is kept as "the default" (null). */
  const keepCodebook = async (codebook: Codebook | null): Promise<CodebookState> => {
    const same = codebook !== null && JSON.stringify(codebook) === JSON.stringify(options.defaultCodebook);
    await store.setCodebook(same ? null : codebook);
    return codebookState();
  };

  return {
    'notes:list': async (request) => store.listNotes(request.comparisonId),
    'notes:listAll': async () => store.listAllNotes(),
    'notes:save': (request) => store.saveNote(request, request.author ?? (store.settings().author || options.authorFallback)),
    'notes:delete': async (request) => ({ deleted: await store.deleteNote(request.id) }),
    'settings:get': async () => settingsState(),
    'settings:set': async (request) => {
      const { threshold: kept, ...current } = store.settings();
      // Not given: kept as it is. null: back to the default, which is kept as no setting at all.
      const threshold = request.threshold === undefined ? kept : (request.threshold ?? undefined);
      await store.setSettings({
        ...current,
        ...(request.author !== undefined ? { author: request.author } : {}),
        ...(threshold !== undefined ? { threshold } : {}),
      });
      return settingsState();
    },
    'codebook:get': async () => codebookState(),
    'codebook:save': (request) => keepCodebook(request.codebook),
    'codebook:addCode': async (request) => {
      const current = codebookInUse();
      const label = request.code.label;
      const existing = current.codes.find(
        (code) => (request.code.id !== undefined && code.id === request.code.id) || code.label.toLocaleLowerCase() === label.toLocaleLowerCase(),
      );
      if (existing) return { ...codebookState(), code: existing };
      const code: CodebookCode = {
        id: request.code.id ?? freshCodeId(label, new Set(current.codes.map((other) => other.id))),
        label,
        description: request.code.description ?? '',
        ...(request.code.family ? { family: request.code.family } : {}),
      };
      const checked = codebookSchema.safeParse({ ...current, codes: [...current.codes, code] });
      if (!checked.success) {
        throw new UserFacingError(`The code "${label}" could not be added: ${checked.error.issues[0]?.message ?? 'it does not fit the codebook'}.`, 'invalid-request');
      }
      return { ...(await keepCodebook(checked.data)), code };
    },
    'codebook:reset': () => keepCodebook(null),
  };
}
