import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseLexicon, type Lexicon } from '../../shared/contract/lexicon.js';

/** The default lexicon's file inside a resources folder (resources/ in the repository, the app's resources when packaged). */
export function defaultLexiconPath(resourcesDir: string): string {
  return join(resourcesDir, 'lexicon', 'default.json');
}

export type LexiconOutcome = { readonly ok: true; readonly lexicon: Lexicon } | { readonly ok: false; readonly message: string };

/** Read and check a lexicon file; a clear message naming the file when it cannot be used. */
export async function loadLexicon(path: string): Promise<LexiconOutcome> {
  const name = basename(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message: code === 'ENOENT' ? `The lexicon "${name}" could not be found at ${path}.` : `The lexicon "${name}" could not be read (${code ?? String(error)}).`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: `The lexicon "${name}" is not valid JSON: ${error instanceof Error ? error.message : String(error)}.` };
  }
  const parsed = parseLexicon(value);
  if (!parsed.ok) {
    const shown = parsed.problems.slice(0, 5).join('; ');
    const more = parsed.problems.length > 5 ? ` (and ${parsed.problems.length - 5} more)` : '';
    return { ok: false, message: `The lexicon "${name}" does not fit the lexicon format (parallax.lexicon/1): ${shown}${more}.` };
  }
  return { ok: true, lexicon: parsed.lexicon };
}
