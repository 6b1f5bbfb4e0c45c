/**
 * Verbs of saying compared sentence by sentence, for sentences the alignment linked: terms of a set
 * whose role is `saying` that signal differently ("said" against "insisted"). A quotation in one
 * source and a paraphrase in another put the verb in different places, where a word diff does not
 * line them up ("…full,” the mayor insisted" against "the mayor said the town…").
 */
import type { Difference, TextSpan } from '../../../contract/comparison.js';
import type { TermMatch } from '../lexicon-index.js';
import { isHeadline } from '../cues.js';
import type { Passage } from '../passage.js';
import { differentSpeakers, sameSpeakersVerbs } from '../speakers.js';
import { hasSide, setOf, signalledTones, spanOfTerm, termOf, type PassageRule } from '../rule.js';

/**
 * The verbs of saying of a source's member inside a sentence, outside its quotations: a verb a
 * speaker uses ("“I cannot emphasize enough how …”") is the speaker's word, not how the source
 * reports them.
 */
function verbsIn(passage: Passage, span: TextSpan): TermMatch[] {
  const member = passage.memberOf(span.doc);
  if (!member) return [];
  return member.terms.filter((match) => {
    if (match.term.role !== 'saying') return false;
    const token = member.tokens[match.from]!;
    return token.start >= span.start && token.end <= span.end && !member.quoted.some(([start, end]) => start <= token.start && token.start < end);
  });
}

/** Whether a sentence stands in its document's headline. */
function inHeadline(passage: Passage, span: TextSpan): boolean {
  const document = passage.documents[span.doc];
  return document !== undefined && isHeadline(document, document.paragraphs.findIndex((paragraph) => paragraph.start <= span.start && span.start < paragraph.end));
}

/** The tones the verbs of saying in a source's headline signal, inside the passage (see signalledTones). */
function headlineTones(passage: Passage, doc: number): string | undefined {
  const member = passage.memberOf(doc);
  if (!member) return undefined;
  const verbs = member.terms.filter((match) => match.term.role === 'saying' && isHeadline(member.document, member.tokens[match.from]!.paragraph));
  return verbs.length > 0 ? signalledTones(verbs) : undefined;
}

export const verbContrast: PassageRule = {
  name: 'verb-contrast',
  scope: 'passage',
  produces: ['verb-contrast'],
  kinds: ['attribution'],
  find(passage) {
    const differences: Difference[] = [];
    // A sentence linked to several of another source's sentences would give its verbs once for
    // each link ("insisted → said", "insisted → added"): the closest links first, and a link adds
    // nothing when the verbs of one side were set already against the same tones from the other
    // source. (Links sorted: n log n in the links.)
    const said = new Set<string>();
    const key = (doc: number, match: TermMatch, otherDoc: number, otherTones: string): string => `${doc}:${match.from}|${otherDoc}:${otherTones}`;
    const all = passage.group.sentences ?? [];
    const order = all.map((_link, i) => i).sort((a, b) => all[b]!.score - all[a]!.score || a - b);
    const kept: { at: number; difference: Difference }[] = [];
    for (const at of order) {
      const link = all[at]!;
      const [x, y] = link.spans;
      const mx = passage.memberOf(x.doc)!;
      const my = passage.memberOf(y.doc)!;
      const [left, right] = sameSpeakersVerbs(mx, verbsIn(passage, x), my, verbsIn(passage, y));
      if (left.length === 0 || right.length === 0) continue;
      if (signalledTones(left) === signalledTones(right)) continue;
      // A headline linked to the other's body sentence: headlines tell it in a verb of their own
      // ("Judge warns …" above "the judge said …"), so the contrast is one only where the other
      // source's headline does not use the same verb ("warns" in both headlines is no difference).
      const [headX, headY] = [inHeadline(passage, x), inHeadline(passage, y)];
      if (headX !== headY && headlineTones(passage, headX ? y.doc : x.doc) === signalledTones(headX ? left : right)) continue;
      if (differentSpeakers(mx, left, my, right)) continue;
      const leftKeys = left.map((match) => key(x.doc, match, y.doc, signalledTones(right)));
      const rightKeys = right.map((match) => key(y.doc, match, x.doc, signalledTones(left)));
      if (leftKeys.every((k) => said.has(k)) || rightKeys.every((k) => said.has(k))) continue;
      for (const k of [...leftKeys, ...rightKeys]) said.add(k);
      const difference: Difference = {
        group: passage.group.id,
        kind: 'attribution',
        spans: [...left.map((match) => spanOfTerm(mx, match)), ...right.map((match) => spanOfTerm(my, match))],
        rule: 'verb-contrast',
        sides: [hasSide(x.doc, left.map((match) => termOf(mx, match))), hasSide(y.doc, right.map((match) => termOf(my, match)))],
        set: setOf(left[0]!.term),
        evidence: { link: link.score },
      };
      kept.push({ at, difference });
    }
    // In the order of the links, as the passage gives them.
    for (const { difference } of kept.sort((a, b) => a.at - b.at)) differences.push(difference);
    return { differences };
  },
};
