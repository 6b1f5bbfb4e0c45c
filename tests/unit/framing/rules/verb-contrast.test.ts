import { describe, expect, it } from 'vitest';
import { verbContrast } from '../../../../src/shared/core/framing/rules/index.js';
import { byRule, compareArticles, ferry, findAlone, listed, spanText } from '../../../support/articles.js';

/** rules/verb-contrast.ts, on an invented story: a quotation in one source, a paraphrase in the other. */
const quoted = (verb: string): string => `“Repairs will take at least two weeks,” harbour master Tamsin Vell ${verb}, putting the cost at about 40,000 pounds.`;
const PARAPHRASE = 'Harbour master Tamsin Vell said repairs would take at least two weeks and cost about 40,000 pounds.';

describe('verb-contrast', () => {
  it('reports verbs of saying of two linked sentences that signal differently, where the word diff does not pair them', () => {
    const comparison = compareArticles({ 'pier-post': ferry({ 2: quoted('insisted') }), 'island-times': ferry({ 2: PARAPHRASE }) });
    const found = byRule(comparison.differences, 'verb-contrast');
    expect(found.map((difference) => difference.spans.map((span) => spanText(comparison.documents, span))), listed(comparison.documents, comparison.differences)).toEqual([['insisted', 'said']]);
    expect(found[0]?.evidence?.link).toBeGreaterThan(0);
  });

  it('sets a verb that makes light of what was said ("quipped", levity) against the plain one', () => {
    const comparison = compareArticles({ 'pier-post': ferry({ 2: quoted('quipped') }), 'island-times': ferry({ 2: PARAPHRASE }) });
    const found = byRule(comparison.differences, 'verb-contrast');
    expect(found.map((difference) => difference.sides?.map((side) => side.terms.map((term) => `${term.text} (${term.tone})`).join(', '))), listed(comparison.documents, comparison.differences)).toEqual([
      ['quipped (levity)', 'said (neutral)'],
    ]);
  });

  it('is one difference for the same two verbs whichever way round two sources use them', () => {
    const comparison = compareArticles({
      'pier-post': ferry({ 2: quoted('insisted') }),
      'island-times': ferry({ 2: PARAPHRASE }),
      'carrow-courier': ferry({ 2: quoted('insisted') }),
      'dune-daily': ferry({ 2: PARAPHRASE }),
    });
    const found = byRule(comparison.differences, 'verb-contrast');
    expect(found.length, listed(comparison.documents, comparison.differences)).toBe(1);
    expect(new Set(found[0]!.sides?.map((side) => side.doc)).size).toBe(4);
  });

  it('is silent when the verbs signal alike', () => {
    const { documents, differences } = findAlone({ 'pier-post': ferry({ 2: quoted('told reporters') }), 'island-times': ferry({ 2: PARAPHRASE }) }, [verbContrast]);
    expect(differences, listed(documents, differences)).toEqual([]);
  });

  it('is silent when one side only adds a plain verb to the same judging one ("said … promised" against "promised")', () => {
    const { documents, differences } = findAlone(
      {
        'pier-post': ferry({ 2: 'Harbour master Tamsin Vell said on Thursday that she promised repairs within two weeks at a cost of about 40,000 pounds.' }),
        'island-times': ferry({ 2: 'Harbour master Tamsin Vell promised on Thursday repairs within two weeks at a cost of about 40,000 pounds.' }),
      },
      [verbContrast],
    );
    expect(differences, listed(documents, differences)).toEqual([]);
  });

  it('does not take a verb of saying used as a noun or before the word it qualifies for one ("state aid")', () => {
    const { documents, differences } = findAlone(
      {
        'pier-post': ferry({ 2: 'Harbour master Tamsin Vell argued that repairs would take two weeks and need public money of about 40,000 pounds.' }),
        'island-times': ferry({ 2: 'Harbour master Tamsin Vell said repairs would take two weeks and need state aid of about 40,000 pounds.' }),
      },
      [verbContrast],
    );
    expect(differences.map((d) => d.sides?.map((side) => side.terms.map((term) => term.text).join(', '))), listed(documents, differences)).toEqual([['argued', 'said']]);
  });

  it('says a sentence’s verbs once, where it is linked to several of the other source’s sentences', () => {
    const { documents, differences } = findAlone(
      {
        'pier-post': ferry({ 2: 'Harbour master Tamsin Vell insisted that repairs to the damaged pier would take at least two weeks and cost about 40,000 pounds.' }),
        'island-times': ferry({ 2: 'Harbour master Tamsin Vell said repairs to the damaged pier would take at least two weeks. She added they would cost about 40,000 pounds.' }),
      },
      [verbContrast],
    );
    expect(differences.length, listed(documents, differences)).toBe(1);
  });
});

