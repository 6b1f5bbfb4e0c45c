import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceDocument } from '../../src/shared/contract/comparison.js';
import type { Lexicon } from '../../src/shared/contract/lexicon.js';
import { loadLexiconSync } from '../../src/main/services/lexicon.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';

/** The repository's root folder. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The seed articles live beside the checkout (`../shared/seeds`), never inside the repository. */
export const SEEDS_DIR = resolve(REPO_ROOT, '..', 'shared', 'seeds');

export const SAMPLES_DIR = join(REPO_ROOT, 'resources', 'samples');

export function seedPaths(): string[] {
  if (!existsSync(SEEDS_DIR)) {
    throw new Error(`The seed articles are missing: expected them in ${SEEDS_DIR} (CI checks out shared/ beside the repository).`);
  }
  return readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(SEEDS_DIR, name));
}

/** A seed by its number ("000" … "004"), as a source document. */
export function seedDocument(number: string): SourceDocument {
  const path = seedPaths().find((candidate) => candidate.split(/[\\/]/).pop()!.startsWith(`${number}_`));
  if (!path) throw new Error(`No seed ${number} in ${SEEDS_DIR}`);
  return makeSourceDocument({ path, text: readFileSync(path, 'utf8') });
}

/** The paragraph texts of a document, with their kinds. */
export function paragraphTexts(document: SourceDocument): { text: string; kind: string }[] {
  return document.paragraphs.map((paragraph) => ({ text: document.text.slice(paragraph.start, paragraph.end), kind: paragraph.kind }));
}

/** Index of the first paragraph whose text includes `needle`. */
export function paragraphWith(document: SourceDocument, needle: string): number {
  const index = document.paragraphs.findIndex((paragraph) => document.text.slice(paragraph.start, paragraph.end).includes(needle));
  if (index < 0) throw new Error(`No paragraph of ${document.label} contains "${needle}"`);
  return index;
}

/** The default lexicon shipped in resources/lexicon, with the files it includes, checked against its schema. */
export function defaultLexicon(): Lexicon {
  const loaded = loadLexiconSync(join(REPO_ROOT, 'resources', 'lexicon', 'default.json'));
  if (!loaded.ok) throw new Error(`The default lexicon does not fit its schema: ${loaded.message}`);
  return loaded.lexicon;
}
