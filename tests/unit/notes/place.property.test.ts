import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../../src/shared/contract/comparison.js';
import { reanchor } from '../../../src/shared/notes/place.js';
import { paragraphTarget, passageTarget } from '../../../src/shared/notes/targets.js';
import { doc } from './fixture.js';

/**
 * Property: after random insertions, deletions and replacements, near a note and far from it, the
 * note is either found on its own passage (word for word when its words were not edited) or an
 * orphan; it never lands anywhere else.
 */

// Invented words; texts made of them repeat short phrases, as news does, but rarely long ones.
const WORDS = (
  'river bank ferry council mayor water level bridge storm harbour engineer report said claimed warned ' +
  'residents morning evening north south dam crew pumps flood road closed opened village town market ' +
  'officials agency budget repair delay week month cost figures police school hospital power lines ' +
  'the a of in on and to was were had has by for with after before near while'
).split(' ');

const word = fc.constantFrom(...WORDS);
const sentence = fc.array(word, { minLength: 4, maxLength: 14 }).map((words) => `${words.join(' ')}.`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((sentences) => sentences.join(' '));
const article = fc.array(paragraph, { minLength: 2, maxLength: 10 }).map((paragraphs) => paragraphs.join('\n\n'));

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })),
  insert: fc.oneof(fc.constant(''), fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => ` ${words.join(' ')} `), fc.constant('\n\n')),
});

/** Apply edits one by one, following the note's range; whether any edit touched its words. */
function applyEdits(text: string, range: { start: number; end: number }, edits: readonly Edit[]) {
  let current = text;
  let { start, end } = range;
  let touched = false;
  let nearest = Infinity;
  for (const raw of edits) {
    const at = Math.floor(raw.at * current.length);
    const removeEnd = Math.min(current.length, at + raw.remove);
    if (removeEnd === at && raw.insert === '') continue;
    // Touching the quote's inside changes its words; an insertion exactly at its edges does not.
    if ((at < end && removeEnd > start) || (raw.insert && at > start && at < end)) touched = true;
    nearest = Math.min(nearest, Math.abs(at - start), Math.abs(at - end), Math.abs(removeEnd - start), Math.abs(removeEnd - end));
    const map = (x: number, isEnd: boolean): number => {
      if (x < at || (x === at && isEnd && removeEnd === at && x > start)) return x;
      if (x >= removeEnd) return x - (removeEnd - at) + raw.insert.length;
      return at + (isEnd ? raw.insert.length : 0);
    };
    const nextStart = map(start, false);
    const nextEnd = Math.max(nextStart, map(end, true));
    current = current.slice(0, at) + raw.insert + current.slice(removeEnd);
    start = nextStart;
    end = nextEnd;
  }
  return { text: current, start, end, touched, nearest };
}

const noteChoice = fc.record({
  paragraph: fc.nat(),
  whole: fc.boolean(),
  from: fc.nat(),
  words: fc.integer({ min: 1, max: 12 }),
});

function targetFor(source: SourceDocument, choice: { paragraph: number; whole: boolean; from: number; words: number }) {
  const p = choice.paragraph % source.paragraphs.length;
  if (choice.whole) return paragraphTarget(source, p)!;
  const block = source.paragraphs[p]!;
  const text = source.text.slice(block.start, block.end);
  const starts = [...text.matchAll(/[a-z]+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const first = starts[choice.from % starts.length]!;
  const last = starts[Math.min(starts.length - 1, (choice.from % starts.length) + choice.words - 1)]!;
  return passageTarget(source, block.start + first.start, block.start + last.end)!;
}

describe('re-anchoring after random edits', () => {
  it('finds the passage or gives up, never lands elsewhere', () => {
    fc.assert(
      fc.property(article, noteChoice, fc.array(edit, { minLength: 1, maxLength: 5 }), (text, choice, edits) => {
        const before = doc('/a.txt', text);
        const target = targetFor(before, choice);
        const after = applyEdits(before.text, target.position, edits);
        const changed = doc('/a.txt', after.text);
        const placed = reanchor(target, changed);
        const quote = target.quote.exact;
        if (!after.touched) {
          // Untouched words: found on exactly that passage, or an orphan when the context is gone.
          if (placed) expect([placed.start, after.text.slice(placed.start, placed.end)]).toEqual([after.start, quote]);
          // Edits well away from the note and its context leave nothing to doubt.
          if (after.nearest > 40 && quote.length >= 12) expect(placed).not.toBeNull();
        } else if (placed) {
          // Edited words: found where they now stand (overlapping what is left of them), never elsewhere.
          expect(after.end).toBeGreaterThan(after.start);
          expect(placed.start < after.end && after.start < placed.end).toBe(true);
        }
      }),
      { numRuns: 600, seed: 7031 },
    );
  });

  it('finds paragraph notes again when other paragraphs are added, removed or swapped', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 3, maxLength: 8 }), fc.nat(), fc.nat(), paragraph, (paragraphs, pick, other, added) => {
        const unique = [...new Set(paragraphs)];
        fc.pre(unique.length >= 3 && unique.every((p) => p.length >= 20));
        const index = pick % unique.length;
        const before = doc('/a.txt', unique.join('\n\n'));
        const target = paragraphTarget(before, index)!;
        const rest = unique.filter((_, i) => i !== index);
        rest.splice(other % (rest.length + 1), 0, unique[index]!);
        if (!unique.includes(added)) rest.splice(other % rest.length, 0, added);
        const changed = doc('/a.txt', rest.join('\n\n'));
        const placed = reanchor(target, changed);
        // A paragraph is identified by its own words; when another paragraph contains it whole, give up rather than guess.
        if (placed) expect(changed.text.slice(placed.start, placed.end)).toBe(unique[index]);
        if (unique[index]!.length >= 40 && !rest.some((p, i) => p !== unique[index] && p.includes(unique[index]!) && i >= 0)) expect(placed).not.toBeNull();
      }),
      { numRuns: 300, seed: 99 },
    );
  });
});
