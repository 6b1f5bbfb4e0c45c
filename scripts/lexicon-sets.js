// What the scripts that derive the lexicon's word lists (make-loaded-lexicon.js,
// make-induced-lexicon.js) write alike: evaluative sets of at most 500 words, and the file's text.

import { SENSES } from './lexicon-exclusions.js';

/**
 * Sets of one polarity's words, split into parts of at most 500 (the lexicon format's limit) named by
 * the first letters they run between: `${prefix}-${polarity}` or `${prefix}-${polarity}-2`, "Name:
 * polarity (a–f)". `words` are `{ word }` in the order wanted.
 */
export function evaluativeSets({ prefix, name, polarity, description, words }) {
  const sets = [];
  const parts = Math.ceil(words.length / 500);
  for (let p = 0; p < parts; p++) {
    const slice = words.slice(Math.floor((p * words.length) / parts), Math.floor(((p + 1) * words.length) / parts));
    const range = parts > 1 ? ` (${slice[0].word[0]}–${slice[slice.length - 1].word[0]})` : '';
    sets.push({
      id: `${prefix}-${polarity}${parts > 1 ? `-${p + 1}` : ''}`,
      name: `${name}: ${polarity}${range}`,
      kind: 'loaded-term',
      role: 'evaluative',
      polarity,
      domain: 'general',
      description,
      terms: slice.map((k) => ({ term: k.word, ...(SENSES[k.word] ?? {}) })),
    });
  }
  return sets;
}

/** A lexicon file's text: indented by one space, each term on one line. */
export function lexiconText(file) {
  return JSON.stringify(file, null, 1).replace(/\{\n\s+"term": ("[^"]*")\n\s+\}/g, '{ "term": $1 }') + '\n';
}
