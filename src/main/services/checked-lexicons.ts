import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseLexicon } from '../../shared/contract/lexicon.js';

/**
 * Lexicon files that were checked when Parallax was built, known by their content.
 *
 * Checking the shipped lexicon against its schema took about 20 ms of every `parallax compare`
 * (issue 13: most of what the command does before reading a word). The build checks the files of
 * resources/lexicon instead, once, and keeps the digest of each file that passes and that the check
 * gives back unchanged (no text trimmed, no field dropped, the fields in the schema's order): a file
 * with one of these digests is that file, and reading it gives what the check would give. Any other
 * file, or any file when this code runs from its source, is checked as before.
 */

declare const __PARALLAX_CHECKED_LEXICONS__: readonly string[] | undefined;

const checked: ReadonlySet<string> = new Set(typeof __PARALLAX_CHECKED_LEXICONS__ === 'undefined' ? [] : __PARALLAX_CHECKED_LEXICONS__);

/** The digest by which a lexicon file's text is known: SHA-256 of its text (UTF-8), in hex. */
export function lexiconDigest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Whether this text is that of a lexicon file the build checked and found exactly as the check gives it back. */
export function checkedWhenBuilt(text: string): boolean {
  return checked.size > 0 && checked.has(lexiconDigest(text));
}

/**
 * For the build (electron.vite.config.ts): the digests of the lexicon files in `folder` that pass
 * the check and that it gives back exactly as they are. A file that fails is left out, and is
 * checked, and refused with its reasons, when it is read.
 */
export function lexiconFilesToTrust(folder: string): string[] {
  const digests: string[] = [];
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.json')).sort()) {
    const text = readFileSync(join(folder, name), 'utf8');
    let value: unknown;
    try {
      value = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      continue;
    }
    const parsed = parseLexicon(value);
    if (parsed.ok && isDeepStrictEqual(parsed.lexicon, value) && JSON.stringify(parsed.lexicon) === JSON.stringify(value)) digests.push(lexiconDigest(text));
  }
  return digests;
}
