/**
 * Too long: two members too long or too different to diff word by word within the limit on work
 * (a count of edits, not a time) are shown as one coarse wording difference that says so.
 */
import { spansOf } from '../../wording.js';
import { hasSide, NOT_EXPLAINED, type ChangeRule } from '../rule.js';

export const tooLong: ChangeRule = {
  name: 'too-long',
  scope: 'change',
  produces: ['too-long'],
  kinds: ['wording'],
  find({ passage, pair, hunk }) {
    if (hunk) return NOT_EXPLAINED;
    const { a, b } = pair;
    return {
      differences: [
        {
          group: passage.group.id,
          kind: 'wording',
          spans: [...spansOf(a.doc, a.tokens, 0, a.tokens.length), ...spansOf(b.doc, b.tokens, 0, b.tokens.length)],
          rule: 'too-long',
          sides: [hasSide(a.doc, []), hasSide(b.doc, [])],
          tooLong: true,
        },
      ],
      explained: true,
    };
  },
};
