/**
 * Verbs of saying compared sentence by sentence, for sentences the alignment linked: terms of a set
 * whose role is `saying` that signal differently ("said" against "insisted"). A quotation in one
 * source and a paraphrase in another put the verb in different places, where a word diff does not
 * line them up ("…full,” the mayor insisted" against "the mayor said the town…").
 */
import type { Difference, TextSpan } from '../../../contract/comparison.js';
import type { TermMatch } from '../lexicon-index.js';
import type { Passage } from '../passage.js';
import { hasSide, setOf, signalledTones, spanOfTerm, termOf, type PassageRule } from '../rule.js';

/** The verbs of saying of a source's member inside a sentence. */
function verbsIn(passage: Passage, span: TextSpan): TermMatch[] {
  const member = passage.memberOf(span.doc);
  if (!member) return [];
  return member.terms.filter((match) => {
    if (match.term.role !== 'saying') return false;
    const token = member.tokens[match.from]!;
    return token.start >= span.start && token.end <= span.end;
  });
}

export const verbContrast: PassageRule = {
  name: 'verb-contrast',
  scope: 'passage',
  produces: ['verb-contrast'],
  kinds: ['attribution'],
  find(passage) {
    const differences: Difference[] = [];
    for (const link of passage.group.sentences ?? []) {
      const [x, y] = link.spans;
      const left = verbsIn(passage, x);
      const right = verbsIn(passage, y);
      if (left.length === 0 || right.length === 0) continue;
      if (signalledTones(left) === signalledTones(right)) continue;
      const mx = passage.memberOf(x.doc)!;
      const my = passage.memberOf(y.doc)!;
      differences.push({
        group: passage.group.id,
        kind: 'attribution',
        spans: [...left.map((match) => spanOfTerm(mx, match)), ...right.map((match) => spanOfTerm(my, match))],
        rule: 'verb-contrast',
        sides: [hasSide(x.doc, left.map((match) => termOf(mx, match))), hasSide(y.doc, right.map((match) => termOf(my, match)))],
        set: setOf(left[0]!.term),
        evidence: { link: link.score },
      });
    }
    return { differences };
  },
};
