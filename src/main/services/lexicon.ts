import { basename, dirname, join } from 'node:path';
import { parseLexicon, withIncludedSets, type Lexicon, type LexiconSet } from '../../shared/contract/lexicon.js';
import { checkedWhenBuilt } from './checked-lexicons.js';
import { FileRefusedError, readRegularTextFile, readRegularTextFileSync, type SafeReadOptions } from './safe-read.js';

/** A lexicon file (or one it includes) larger than this is refused unread: the default one is under 1 MB. */
export const MAX_LEXICON_BYTES = 20 * 1024 * 1024;

/** The default lexicon's file inside a resources folder (resources/ in the repository, the app's resources when packaged). */
export function defaultLexiconPath(resourcesDir: string): string {
  return join(resourcesDir, 'lexicon', 'default.json');
}

export type LexiconOutcome = { readonly ok: true; readonly lexicon: Lexicon } | { readonly ok: false; readonly message: string };

/** A file's text, or why it could not be read: an error code, or a refusal in words (not a file, too large). */
type Read = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly code: string; readonly refused?: string };

/** One file's text as a lexicon, or why it is not one. */
function parseLexiconText(path: string, read: Read): LexiconOutcome {
  const name = basename(path);
  if (!read.ok) {
    if (read.refused) return { ok: false, message: read.refused };
    return {
      ok: false,
      message: read.code === 'ENOENT' ? `The lexicon "${name}" could not be found at ${path}.` : `The lexicon "${name}" could not be read (${read.code}).`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(read.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: `The lexicon "${name}" is not valid JSON: ${error instanceof Error ? error.message : String(error)}.` };
  }
  // A shipped lexicon the build already checked, unchanged since, is not checked again (checked-lexicons.ts).
  if (checkedWhenBuilt(read.text)) return { ok: true, lexicon: value as Lexicon };
  const parsed = parseLexicon(value);
  if (!parsed.ok) {
    const shown = parsed.problems.slice(0, 5).join('; ');
    const more = parsed.problems.length > 5 ? ` (and ${parsed.problems.length - 5} more)` : '';
    return { ok: false, message: `The lexicon "${name}" does not fit the lexicon format (parallax.lexicon/1): ${shown}${more}.` };
  }
  return { ok: true, lexicon: parsed.lexicon };
}

/** The lexicon with the sets of the files it includes (read from its folder) appended. */
function withIncludes(path: string, main: LexiconOutcome, reads: readonly (readonly [file: string, read: Read])[]): LexiconOutcome {
  if (!main.ok) return main;
  const included: { file: string; lexicon: Lexicon }[] = [];
  for (const [file, read] of reads) {
    const outcome = parseLexiconText(join(dirname(path), file), read);
    if (!outcome.ok) return { ok: false, message: `${outcome.message.replace(/\.$/, '')} (included by "${basename(path)}").` };
    included.push({ file, lexicon: outcome.lexicon });
  }
  const merged = withIncludedSets(main.lexicon, included);
  if (!merged.ok) return { ok: false, message: `The lexicon "${basename(path)}" cannot be read with the files it includes: ${merged.problems.slice(0, 5).join('; ')}.` };
  return { ok: true, lexicon: merged.lexicon };
}

const readError = (error: unknown): Read =>
  error instanceof FileRefusedError ? { ok: false, code: error.reason, refused: error.message } : { ok: false, code: (error as NodeJS.ErrnoException).code ?? String(error) };

/** How a lexicon file is read: an ordinary file of at most MAX_LEXICON_BYTES (a pipe or a device is refused, see safe-read.ts). */
const lexiconFile = (file: string): SafeReadOptions => ({ maxBytes: MAX_LEXICON_BYTES, what: `The lexicon "${basename(file)}"` });

/**
 * Read and check a lexicon file, with the files it includes (`includes`, in the same folder); a
 * clear message naming the file when it cannot be used.
 */
export async function loadLexicon(path: string): Promise<LexiconOutcome> {
  const read = async (file: string): Promise<Read> => {
    try {
      return { ok: true, text: await readRegularTextFile(file, lexiconFile(file)) };
    } catch (error) {
      return readError(error);
    }
  };
  const main = parseLexiconText(path, await read(path));
  const files = main.ok ? (main.lexicon.includes ?? []) : [];
  const reads = await Promise.all(files.map(async (file) => [file, await read(join(dirname(path), file))] as const));
  return withIncludes(path, main, reads);
}

/** `loadLexicon`, synchronously: for scripts and tests. */
export function loadLexiconSync(path: string): LexiconOutcome {
  const read = (file: string): Read => {
    try {
      return { ok: true, text: readRegularTextFileSync(file, lexiconFile(file)) };
    } catch (error) {
      return readError(error);
    }
  };
  const main = parseLexiconText(path, read(path));
  const files = main.ok ? (main.lexicon.includes ?? []) : [];
  return withIncludes(path, main, files.map((file) => [file, read(join(dirname(path), file))] as const));
}

/** What the person changed about the default word sets (the store's `lexicon` field). */
export interface LexiconChanges {
  /** Sets added or edited: one whose id is a default set's replaces it whole; the others are added. */
  readonly saved: LexiconSet[];
  /** Ids of default sets taken away. */
  readonly removed: string[];
}

/**
 * The lexicon in use: the person's own sets, in the order they were added, then the default's sets
 * in their order, less those removed and with those edited replaced. Their own sets come first
 * because where two sets hold the same term the first set wins the match: a person who makes
 * "slammed" and "criticised" a loaded-term set means it to count over the default's reporting verb
 * "criticised". Worked out from the default each time, so sets a newer default brings are in use
 * at once.
 */
export function applyLexiconChanges(base: Lexicon, changes: LexiconChanges | null): Lexicon {
  if (!changes) return base;
  const removed = new Set(changes.removed);
  const saved = new Map(changes.saved.map((set) => [set.id, set]));
  const baseIds = new Set(base.sets.map((set) => set.id));
  const sets = [
    ...changes.saved.filter((set) => !baseIds.has(set.id)),
    ...base.sets.filter((set) => !removed.has(set.id)).map((set) => saved.get(set.id) ?? set),
  ];
  return { ...base, sets };
}

/** The changes with `set` added, or replacing the set with its id. Null when that leaves none. */
export function withSavedSet(changes: LexiconChanges | null, set: LexiconSet): LexiconChanges {
  const saved = changes?.saved ?? [];
  const at = saved.findIndex((other) => other.id === set.id);
  return {
    saved: at === -1 ? [...saved, set] : saved.map((other, i) => (i === at ? set : other)),
    removed: (changes?.removed ?? []).filter((id) => id !== set.id),
  };
}

/** The changes with the set `id` taken away (hidden, when it is a default set). Null when none are left. */
export function withRemovedSet(changes: LexiconChanges | null, base: Lexicon, id: string): LexiconChanges | null {
  const saved = (changes?.saved ?? []).filter((set) => set.id !== id);
  const removed = (changes?.removed ?? []).filter((other) => other !== id);
  if (base.sets.some((set) => set.id === id)) removed.push(id);
  return saved.length === 0 && removed.length === 0 ? null : { saved, removed };
}
