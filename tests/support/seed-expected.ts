import type { SourceDocument } from '../../src/shared/contract/comparison.js';
import { hashText } from '../../src/shared/core/hash.js';
import { paragraphTexts } from './seeds.js';

/**
 * Reviewed expectations for the seed articles (tests/fixtures/seeds-expected) that point at the
 * seed's text without copying it: the seeds are not ours, so an expected file keeps, for the title
 * and for each paragraph in order, its first few words (to find it), its length and a hash of its
 * exact text (to notice any change to its boundaries or its words), and the paragraph's kind.
 *
 * To regenerate one, delete its `NNN.expected.json` and run tests/node/import-fixtures.test.ts: the
 * test writes `NNN.actual.json` from what Parallax reads, in this shape, for a person to check
 * against the seed and rename.
 */

/** How many words of a text an expectation keeps: enough to find it, too few to copy it. */
export const FINGERPRINT_WORDS = 4;

/** A text, pointed at rather than copied. */
export interface TextFingerprint {
  /** Its first {@link FINGERPRINT_WORDS} words (or fewer), joined by single spaces. */
  readonly words: string;
  /** Its length in UTF-16 code units, as `String.length` counts. */
  readonly length: number;
  /** `hashText` (src/shared/core/hash.ts) of its exact text. */
  readonly hash: string;
}

export interface ParagraphFingerprint extends TextFingerprint {
  readonly kind: string;
}

export interface SeedExpected {
  readonly label: string;
  readonly title: TextFingerprint;
  readonly paragraphs: readonly ParagraphFingerprint[];
}

export function fingerprint(text: string): TextFingerprint {
  const words = text.split(/\s+/).filter(Boolean).slice(0, FINGERPRINT_WORDS).join(' ');
  return { words, length: text.length, hash: hashText(text) };
}

/** What Parallax read from a seed, in the shape of its expected file. */
export function describeSeed(document: SourceDocument): SeedExpected {
  return {
    label: document.label,
    title: fingerprint(document.title),
    paragraphs: paragraphTexts(document).map(({ kind, text }) => ({ kind, ...fingerprint(text) })),
  };
}

/** An expected file's text: one line per paragraph, in order. */
export function formatSeedExpected(expected: SeedExpected): string {
  const paragraphs = expected.paragraphs.map((paragraph) => `    ${JSON.stringify(paragraph)}`).join(',\n');
  return `{\n  "label": ${JSON.stringify(expected.label)},\n  "title": ${JSON.stringify(expected.title)},\n  "paragraphs": [\n${paragraphs}\n  ]\n}\n`;
}
