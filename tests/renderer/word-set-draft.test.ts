import { describe, expect, it } from 'vitest';
import { checkDraft, draftOf } from '../../src/renderer/src/lib/wordSets';
import type { LexiconSet } from '../../src/shared/contract/lexicon';

/** A set as the shipped lexicon writes one: a verb matched only as a verb, beside plain terms. */
const DECEIT: LexiconSet = {
  id: 'deceit-test',
  name: 'Deceit (test)',
  kind: 'loaded-term',
  role: 'charged',
  domain: 'politics',
  terms: [{ term: 'misled' }, { term: 'doctored', verbOnly: true }, { term: 'distorted', tone: 'harsh' }],
};

describe('the word-set form keeps what it has no field for', () => {
  it('keeps a verb-only term through an edit that keeps the term, and drops the mark with the term', () => {
    const draft = draftOf(DECEIT);
    // The form shows the terms as text; the mark rides along with the draft.
    expect(draft.terms).toBe('misled\ndoctored\ndistorted: harsh');
    const kept = checkDraft({ ...draft, terms: `${draft.terms}\ntwisted` }, new Set());
    expect(kept.ok).toBe(true);
    if (!kept.ok) return;
    expect(kept.set.terms.find((term) => term.term === 'doctored')).toEqual({ term: 'doctored', verbOnly: true });
    expect(kept.set.terms.find((term) => term.term === 'twisted')).toEqual({ term: 'twisted' });
    expect(kept.set.role).toBe('charged');

    const without = checkDraft({ ...draft, terms: 'misled\ndistorted: harsh' }, new Set());
    expect(without.ok).toBe(true);
    if (!without.ok) return;
    expect(without.set.terms.some((term) => term.verbOnly)).toBe(false);
  });
});

describe('the word-set form keeps the words that take a term’s sense away', () => {
  const COURTS: LexiconSet = {
    id: 'courts-test',
    name: 'Courts (test)',
    kind: 'loaded-term',
    role: 'evaluative',
    domain: 'courts',
    terms: [{ term: 'false', notAfter: ['filing', 'gave'] }, { term: 'sincerely', notBefore: ['held'] }, { term: 'bogus' }],
  };

  it('through an edit that keeps the terms, and drops them with the term', () => {
    const draft = draftOf(COURTS);
    expect(draft.terms).toBe('false\nsincerely\nbogus');
    const kept = checkDraft({ ...draft, terms: `${draft.terms}\nsham` }, new Set());
    expect(kept.ok).toBe(true);
    if (!kept.ok) return;
    expect(kept.set.terms).toEqual([{ term: 'false', notAfter: ['filing', 'gave'] }, { term: 'sincerely', notBefore: ['held'] }, { term: 'bogus' }, { term: 'sham' }]);
    const without = checkDraft({ ...draft, terms: 'bogus' }, new Set());
    expect(without.ok && without.set.terms).toEqual([{ term: 'bogus' }]);
  });
});

describe('the word-set form keeps which way a set of words that judge judges', () => {
  const PRAISE: LexiconSet = { id: 'praise-test', name: 'Praise (test)', kind: 'loaded-term', role: 'evaluative', polarity: 'approving', domain: 'general', terms: [{ term: 'splendid' }] };

  it('through an edit of its terms, and leaves it behind when the set is made another kind', () => {
    const draft = draftOf(PRAISE);
    const kept = checkDraft({ ...draft, terms: 'splendid\nmagnificent' }, new Set());
    expect(kept.ok && kept.set.polarity).toBe('approving');
    const label = checkDraft({ ...draft, kind: 'label' }, new Set());
    expect(label.ok).toBe(true);
    if (label.ok) expect(label.set).not.toHaveProperty('polarity');
  });
});
