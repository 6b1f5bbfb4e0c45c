import { describe, expect, it } from 'vitest';
import type { Note } from '../../../src/shared/contract/notes.js';
import { placeNotes } from '../../../src/shared/notes/place.js';
import { paragraphTarget, passageTarget } from '../../../src/shared/notes/targets.js';
import { comparisonOf, doc, noteOn } from './fixture.js';

/** A seeded generator, so every run places the same notes on the same texts. */
function random(seed: number): () => number {
  // mulberry32: a linear congruential generator's low bits repeat too soon and the text would too.
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SYLLABLES = ['ra', 'ven', 'to', 'mil', 'dor', 'ka', 'sel', 'un', 'bri', 'ost', 'le', 'mar', 'quo', 'ti', 'van', 'eth'];

/** About `words` words of prose-like invented text in paragraphs of 40 to 120 words. */
function invented(words: number, next: () => number): string {
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const size = 40 + Math.floor(next() * 80);
    const paragraph: string[] = [];
    for (let i = 0; i < size; i++) {
      const syllables = 1 + Math.floor(next() * 3);
      let w = '';
      for (let s = 0; s < syllables; s++) w += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
      paragraph.push(next() < 0.08 ? `${w}.` : w);
    }
    paragraphs.push(paragraph.join(' '));
    count += size;
  }
  return paragraphs.join('\n\n');
}

describe('placing notes at scale', () => {
  it('places 500 notes on five 50,000-word sources that all changed (the time is printed, not asserted: speed belongs to npm run bench)', () => {
    const next = random(2025);
    const texts = Array.from({ length: 5 }, () => invented(50_000, next));
    const before = texts.map((text, i) => doc(`/big/${i}.txt`, text));
    const notes: Note[] = [];
    for (let n = 0; n < 500; n++) {
      const source = before[n % 5]!;
      const p = Math.floor(next() * source.paragraphs.length);
      if (n % 4 === 0) notes.push(noteOn(paragraphTarget(source, p)!));
      else {
        const block = source.paragraphs[p]!;
        const start = block.start + Math.floor(next() * (block.end - block.start - 60));
        const from = source.text.indexOf(' ', start) + 1;
        notes.push(noteOn(passageTarget(source, from, source.text.indexOf(' ', from + 30))!));
      }
    }
    // Every source gets a new first paragraph (so every offset moves) and an edit every ~20,000 characters.
    const after = texts.map((text, i) => {
      let edited = `A new opening paragraph, added later.\n\n${text}`;
      for (let at = 20_000; at < edited.length; at += 20_000) edited = `${edited.slice(0, at)} inserted words ${edited.slice(at)}`;
      return doc(`/big/${i}.txt`, edited);
    });
    const comparison = comparisonOf(after);
    const started = performance.now();
    const places = placeNotes(notes, comparison);
    const elapsed = performance.now() - started;
    const counts = { placed: 0, moved: 0, orphan: 0 };
    for (const place of places) counts[place.status]++;
    console.log(`placed 500 notes on 5 × 50,000 words in ${elapsed.toFixed(0)} ms`, counts);
    expect(places).toHaveLength(500);
    expect(counts.moved).toBeGreaterThan(450);
  });
});
