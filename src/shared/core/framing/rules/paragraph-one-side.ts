/**
 * A paragraph on one side: a paragraph of article text that only one source has, when there are
 * other sources to leave it out. A property of the paragraph (the app shows "Only in this source"),
 * not a mark in the text; see `countDifferences`.
 */
import type { Difference, DifferenceSide } from '../../../contract/comparison.js';
import type { ComparisonRule } from '../rule.js';

export const paragraphOneSide: ComparisonRule = {
  name: 'paragraph-one-side',
  scope: 'comparison',
  produces: ['paragraph-one-side'],
  kinds: ['omission'],
  find({ documents, unique }) {
    const differences: Difference[] = [];
    if (documents.length < 2) return differences;
    for (const { doc, paragraph: index } of unique) {
      const paragraph = documents[doc]!.paragraphs[index]!;
      if (paragraph.kind !== 'body') continue;
      differences.push({
        group: '',
        kind: 'omission',
        spans: [{ doc, start: paragraph.start, end: paragraph.end }],
        rule: 'paragraph-one-side',
        sides: [{ doc, part: 'has', terms: [] }, ...documents.flatMap((_d, other): DifferenceSide[] => (other === doc ? [] : [{ doc: other, part: 'lacks', terms: [] }]))],
      });
    }
    return differences;
  },
};
