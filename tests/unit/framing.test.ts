import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIFFERENCE_KINDS, type Comparison, type Difference, type SourceDocument, type TextSpan } from '../../src/shared/contract/comparison.js';
import { checkComparison } from '../../src/shared/contract/validate.js';
import { compareDocuments } from '../../src/shared/core/compare.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';
import { said } from '../support/describe.js';
import { defaultLexicon, REPO_ROOT } from '../support/seeds.js';

/**
 * Framing fixtures: each folder under tests/fixtures/framing/<kind>/<case>/ holds two or three short
 * articles we wrote and an `expected.json` a person reviewed (the format is in that folder's
 * README.md). A case without `expected.json` gets `expected.actual.json`, the program's output, and
 * fails until a person has read it, corrected it and renamed it.
 */
const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'framing');

/** A phrase in one file: a span must contain `text`, and/or lie inside an occurrence of `inside`. */
interface SpanWant {
  readonly file: string;
  readonly text?: string;
  readonly inside?: string;
}

interface Matcher {
  /** A difference kind, or "*" for any. */
  readonly kind: string;
  /** Every one of these must be met by some span of the same difference. */
  readonly spans?: readonly SpanWant[];
  /** Phrases the note must contain. */
  readonly note?: readonly string[];
  /** Why a reader wants (or does not want) this. */
  readonly why: string;
  /** A confirmed analysis bug: the expectation is right and the program is not (the test is `it.fails`). */
  readonly bug?: string;
}

interface ClaimsWant {
  readonly quantity?: string;
  readonly rows: readonly { readonly file: string; readonly value: number; readonly outlier: boolean }[];
  readonly why: string;
  readonly bug?: string;
}

interface OmitsWant {
  /** The source that leaves the paragraph out. */
  readonly file: string;
  /** A paragraph of another source that it leaves out. */
  readonly paragraph: { readonly file: string; readonly text: string };
  readonly why: string;
  readonly bug?: string;
}

interface Expected {
  readonly about: string;
  /** The most of any source's article text the differences may mark. */
  readonly maxHighlightedShare: number;
  readonly shareWhy: string;
  /** A confirmed analysis bug that marks more than the bound (the test is `it.fails`). */
  readonly shareBug?: string;
  readonly must: readonly Matcher[];
  readonly mustNot: readonly Matcher[];
  readonly claims?: readonly ClaimsWant[];
  readonly omits?: readonly OmitsWant[];
}

interface Case {
  readonly name: string;
  readonly folder: string;
  readonly files: readonly string[];
  readonly documents: readonly SourceDocument[];
}

function loadCases(): Case[] {
  const cases: Case[] = [];
  for (const kind of readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!kind.isDirectory()) continue;
    for (const entry of readdirSync(join(FIXTURES, kind.name), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const folder = join(FIXTURES, kind.name, entry.name);
      const files = readdirSync(folder)
        .filter((name) => name.endsWith('.txt'))
        .sort();
      const documents = files.map((name) => makeSourceDocument({ path: join(folder, name), text: readFileSync(join(folder, name), 'utf8') }));
      cases.push({ name: `${kind.name}/${entry.name}`, folder, files, documents });
    }
  }
  return cases.sort((x, y) => x.name.localeCompare(y.name));
}

/** Text compared loosely: case and runs of white space do not matter. */
const fold = (text: string): string => text.replace(/\s+/g, ' ').toLowerCase();

/** Where a phrase occurs in a document: all its ranges. */
function occurrences(document: SourceDocument, phrase: string): [number, number][] {
  // Lower case only, so that offsets into the text still hold (the fixtures are plain Latin text).
  const haystack = document.text.toLowerCase();
  const needle = phrase.toLowerCase();
  const found: [number, number][] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push([at, at + needle.length]);
  return found;
}

function docOf(testCase: Case, file: string): number {
  const doc = testCase.files.indexOf(file);
  if (doc < 0) throw new Error(`${testCase.name}: expected.json names ${file}, which is not in the folder`);
  return doc;
}

/**
 * The spans of a difference with those that only white space separates joined: a name marked word
 * by word ("Sarvan", "Liberation", "Front") is read as one span, as a reader sees it.
 */
function joinedSpans(testCase: Case, spans: readonly TextSpan[]): TextSpan[] {
  const sorted = [...spans].sort((x, y) => x.doc - y.doc || x.start - y.start);
  const joined: TextSpan[] = [];
  for (const span of sorted) {
    const last = joined[joined.length - 1];
    const text = testCase.documents[span.doc]!.text;
    if (last && last.doc === span.doc && span.start >= last.end && /^\s*$/.test(text.slice(last.end, span.start))) {
      joined[joined.length - 1] = { ...last, end: Math.max(last.end, span.end) };
    } else {
      joined.push(span);
    }
  }
  return joined;
}

function spanMeets(testCase: Case, span: TextSpan, want: SpanWant): boolean {
  const doc = docOf(testCase, want.file);
  if (span.doc !== doc) return false;
  const document = testCase.documents[doc]!;
  if (want.text !== undefined && !fold(document.text.slice(span.start, span.end)).includes(fold(want.text))) return false;
  if (want.inside !== undefined && !occurrences(document, want.inside).some(([start, end]) => span.start >= start && span.end <= end)) return false;
  return true;
}

function matches(testCase: Case, difference: Difference, matcher: Matcher): boolean {
  if (matcher.kind !== '*' && difference.kind !== matcher.kind) return false;
  const spans = joinedSpans(testCase, difference.spans);
  if (!(matcher.spans ?? []).every((want) => spans.some((span) => spanMeets(testCase, span, want)))) return false;
  return (matcher.note ?? []).every((phrase) => said(testCase, difference).includes(phrase));
}

/** A difference as a person reads it: kind, the marked text in each file, the note (its description). */
function describeDifference(testCase: Case, difference: Difference) {
  return {
    kind: difference.kind,
    spans: difference.spans.map((span) => ({ file: testCase.files[span.doc], text: testCase.documents[span.doc]!.text.slice(span.start, span.end) })),
    note: said(testCase, difference),
  };
}

function describeMatcher(matcher: Matcher): string {
  const spans = (matcher.spans ?? []).map((want) => `${want.file}:${want.text !== undefined ? `“${want.text}”` : ''}${want.inside !== undefined ? ` inside “${want.inside}”` : ''}`);
  return `${matcher.kind}${spans.length > 0 ? ` ${spans.join(' + ')}` : ''}${matcher.note ? ` note ~ ${matcher.note.map((n) => `“${n}”`).join(', ')}` : ''}`;
}

/** Words that alone never make a framing difference. */
const TRIVIAL = new Set('a an the of and or to in on at by for with from that this these those it its is was were be been has have had as but not'.split(' '));

/** A span that holds nothing but punctuation and function words. */
function isTrivial(text: string): boolean {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.every((word) => TRIVIAL.has(word));
}

const cases = loadCases();

describe('framing fixtures', () => {
  it('has at least three cases of every difference kind, and of things that are no difference', () => {
    for (const kind of [...DIFFERENCE_KINDS, 'no-difference']) {
      expect(cases.filter((testCase) => testCase.name.startsWith(`${kind}/`)).length, kind).toBeGreaterThanOrEqual(3);
    }
  });

  for (const testCase of cases) {
    describe(testCase.name, () => {
      const expectedPath = join(testCase.folder, 'expected.json');
      const comparison: Comparison = compareDocuments(testCase.documents, { lexicon: defaultLexicon() });
      const actual = () => ({
        differences: comparison.differences.map((difference) => describeDifference(testCase, difference)),
        claims: (comparison.summary?.claims ?? []).map((table) => ({
          quantity: table.quantity,
          rows: table.rows.map((row) => ({ file: testCase.files[row.doc], value: row.value, text: row.text, outlier: row.outlier })),
        })),
        highlightedShare: Object.fromEntries((comparison.summary?.sources ?? []).map((source) => [testCase.files[source.doc], source.highlightedShare])),
      });

      it('has two or three articles, each with a headline and two to four paragraphs', () => {
        expect(testCase.documents.length).toBeGreaterThanOrEqual(2);
        expect(testCase.documents.length).toBeLessThanOrEqual(3);
        for (const document of testCase.documents) {
          expect(document.paragraphs[0]?.kind, document.path).toBe('title');
          const body = document.paragraphs.filter((paragraph) => paragraph.kind === 'body').length;
          expect(body, document.path).toBeGreaterThanOrEqual(2);
          expect(body, document.path).toBeLessThanOrEqual(4);
        }
      });

      it('gives a valid comparison', () => {
        expect(checkComparison(JSON.parse(JSON.stringify(comparison)))).toEqual([]);
      });

      if (!existsSync(expectedPath)) {
        it('has an expected.json a person has reviewed', () => {
          const out = join(testCase.folder, 'expected.actual.json');
          writeFileSync(out, JSON.stringify(actual(), null, 2) + '\n');
          expect.fail(
            `${testCase.name} has no expected.json. The program's output is in ${relative(REPO_ROOT, out)}: read it against the articles, ` +
              'write the differences a reader must and must not see into expected.json (see tests/fixtures/framing/README.md), and delete the .actual file.',
          );
        });
        return;
      }
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected;
      const shown = (): string => JSON.stringify(actual().differences, null, 1);

      it('names only phrases that are in its articles', () => {
        const wants = [...expected.must, ...expected.mustNot].flatMap((matcher) => matcher.spans ?? []);
        for (const want of wants) {
          const document = testCase.documents[docOf(testCase, want.file)]!;
          for (const phrase of [want.text, want.inside]) {
            if (phrase) expect(occurrences(document, phrase).length, `“${phrase}” in ${want.file}`).toBeGreaterThan(0);
          }
        }
      });

      for (const matcher of expected.must) {
        const test = matcher.bug ? it.fails : it;
        test(`finds ${describeMatcher(matcher)}${matcher.bug ? ' (known analysis bug)' : ''}`, () => {
          expect(comparison.differences.some((difference) => matches(testCase, difference, matcher)), `${matcher.why}\nfound:\n${shown()}`).toBe(true);
        });
      }

      for (const matcher of expected.mustNot) {
        const test = matcher.bug ? it.fails : it;
        test(`does not report ${describeMatcher(matcher)}${matcher.bug ? ' (known analysis bug)' : ''}`, () => {
          const wrong = comparison.differences.filter((difference) => matches(testCase, difference, matcher)).map((difference) => describeDifference(testCase, difference));
          expect(wrong, matcher.why).toEqual([]);
        });
      }

      for (const want of expected.claims ?? []) {
        const test = want.bug ? it.fails : it;
        test(`has a claims table: ${want.rows.map((row) => `${row.file} ${row.value}${row.outlier ? ' (outlier)' : ''}`).join(', ')}`, () => {
          const table = (comparison.summary?.claims ?? []).find(
            (candidate) =>
              (want.quantity === undefined || candidate.quantity === want.quantity) &&
              want.rows.every((row) => candidate.rows.some((r) => r.doc === docOf(testCase, row.file) && r.value === row.value)),
          );
          expect(table, `${want.why}\nclaims: ${JSON.stringify(actual().claims)}`).toBeDefined();
          for (const row of want.rows) {
            const found = table!.rows.find((r) => r.doc === docOf(testCase, row.file))!;
            expect(found.outlier, `${row.file} ${row.value}`).toBe(row.outlier);
          }
          expect(table!.rows.length).toBe(want.rows.length);
        });
      }

      for (const want of expected.omits ?? []) {
        const test = want.bug ? it.fails : it;
        test(`says ${want.file} leaves out “${want.paragraph.text}”`, () => {
          const doc = docOf(testCase, want.paragraph.file);
          const document = testCase.documents[doc]!;
          const index = document.paragraphs.findIndex((paragraph) => fold(document.text.slice(paragraph.start, paragraph.end)).includes(fold(want.paragraph.text)));
          expect(index, `“${want.paragraph.text}” in ${want.paragraph.file}`).toBeGreaterThanOrEqual(0);
          const group = comparison.groups.find((g) => g.members.some((member) => member.doc === doc && member.paragraphs.includes(index)));
          expect(group, `${want.why}: the paragraph is in no group`).toBeDefined();
          const source = comparison.summary?.sources.find((s) => s.doc === docOf(testCase, want.file));
          expect(source?.omits, want.why).toContain(group!.id);
        });
      }

      (expected.shareBug ? it.fails : it)(`marks at most ${expected.maxHighlightedShare} of any source's article text (${expected.shareWhy})${expected.shareBug ? ' (known analysis bug)' : ''}`, () => {
        for (const source of comparison.summary?.sources ?? []) {
          expect(source.highlightedShare, testCase.files[source.doc]).toBeLessThanOrEqual(expected.maxHighlightedShare);
        }
      });

      it('marks no span that is only punctuation or function words', () => {
        const trivial = comparison.differences
          .filter((difference) => difference.spans.some((span) => isTrivial(testCase.documents[span.doc]!.text.slice(span.start, span.end))))
          .map((difference) => describeDifference(testCase, difference));
        expect(trivial).toEqual([]);
      });
    });
  }
});
