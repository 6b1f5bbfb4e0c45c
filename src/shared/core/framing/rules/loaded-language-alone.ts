/**
 * Loaded language in a paragraph only one source has: the words there are the outlet's choice as
 * much as those of a passage, and a reader should see them. A loaded word is found exactly as
 * loaded-language.ts finds one in a sentence no other source tells (a word of a set with a loaded
 * role, or a verb of saying that judges, such as "claimed"; not a name, not the plain word of its
 * set), and marked on its own, with no other side (`loaded-word-alone`); so are words in scare
 * quotes (`scare-quotes-alone`).
 *
 * The paragraphs of each source that no group holds (`Comparison.unique`) are read as one passage
 * of one member, prepared as every passage is (passage.ts). Each word found is a difference of its
 * own, with one span inside its paragraph and the group ''. Nothing without a lexicon with
 * loaded-language sets, nor with a single source (there is no other to leave the paragraph out).
 *
 * Pure: no Node, no DOM.
 */
import type { AlignmentGroup, Difference } from '../../../contract/comparison.js';
import { preparePassage } from '../passage.js';
import type { ComparisonRule } from '../rule.js';
import { loadedLanguageDifferences } from './loaded-language.js';

/** The most paragraphs read as one passage (see below). */
const CHUNK = 40;

export const loadedLanguageAlone: ComparisonRule = {
  name: 'loaded-language-alone',
  scope: 'comparison',
  produces: ['loaded-word-alone', 'scare-quotes-alone'],
  kinds: ['loaded-term'],
  find({ documents, unique, lexicon }) {
    const differences: Difference[] = [];
    if (!lexicon || documents.length < 2) return differences;
    const byDoc = new Map<number, number[]>();
    for (const { doc, paragraph } of unique) {
      if (!documents[doc]?.paragraphs[paragraph]) continue;
      const list = byDoc.get(doc);
      if (list) list.push(paragraph);
      else byDoc.set(doc, [paragraph]);
    }
    for (const [doc, list] of [...byDoc].sort((x, y) => x[0] - y[0])) {
      const all = [...new Set(list)].sort((x, y) => x - y);
      // In runs of at most CHUNK paragraphs, each prepared and read on its own: a passage is read in
      // time that grows with its words times its sentences, and a source of 25 MB that is nearly
      // all its own took 23 s and 580 MB more as one passage.
      for (let from = 0; from < all.length; from += CHUNK) {
        const paragraphs = all.slice(from, from + CHUNK);
        // One member and no sentence links: no other source tells any of it.
        const group: AlignmentGroup = { id: '', members: [{ doc, paragraphs }], score: 0 };
        const passage = preparePassage(documents, group, { lexicon });
        // Each mark stays inside one of the paragraphs (a phrase never reaches across two).
        const blocks = paragraphs.map((index) => documents[doc]!.paragraphs[index]!);
        for (const difference of loadedLanguageDifferences(passage, true)) {
          if (difference.spans.every((span) => blocks.some((block) => span.start >= block.start && span.end <= block.end))) differences.push(difference);
        }
      }
    }
    return differences;
  },
};
