/**
 * Where else a passage's event is mentioned: the outside ends of its related links
 * (AlignmentGroup.related), by source, paragraph and the passage that paragraph went to. A paragraph
 * belongs to one passage, but may tell two events; beside "not reported", the app and the command
 * line point to the sentence where a source mentions the event in a paragraph of another passage
 * (the same event, not necessarily the same facts: the source still leaves this passage's out).
 *
 * Pure: no Node, no DOM. O(L log P) for L related links and P paragraphs of a document.
 */
import type { AlignmentGroup, Comparison, SentenceLink, TextSpan } from '../contract/comparison.js';
import { paragraphAt } from './paragraph-at.js';

/** A related link with its two ends told apart: the one in the passage, and the one outside it. */
export interface RelatedEnd {
  readonly link: SentenceLink;
  readonly inside: TextSpan;
  readonly outside: TextSpan;
  /** The paragraph of `outside.doc` that holds the outside end. */
  readonly paragraph: number;
  /** The passage that paragraph belongs to; none when only its source has it. */
  readonly group?: string;
}

export interface ToldElsewhere {
  readonly doc: number;
  /** The paragraph of `doc` that holds the sentence. */
  readonly paragraph: number;
  /** The passage that paragraph belongs to; none when only its source has it. */
  readonly group?: string;
  /** The sentence. */
  readonly span: TextSpan;
  /** The closest link to it from the passage. */
  readonly score: number;
  /** The words it shares with the passage's sentences, weightiest link first, each once. */
  readonly terms: readonly string[];
}

/**
 * A group's related links, each with its end inside the group and its end outside (that end's
 * paragraph and passage), in the order the group lists them. A link without exactly one end inside
 * the group, or whose outside end lies in no paragraph, is left out.
 */
export function relatedEnds(comparison: Pick<Comparison, 'documents' | 'groups'>, group: AlignmentGroup): RelatedEnd[] {
  const links = group.related ?? [];
  if (links.length === 0) return [];
  const members = new Map<number, Set<number>>();
  for (const member of group.members) members.set(member.doc, new Set([...(members.get(member.doc) ?? []), ...member.paragraphs]));
  const groupOf = new Map<string, string>();
  for (const other of comparison.groups) for (const member of other.members) for (const p of member.paragraphs) if (!groupOf.has(`${member.doc}:${p}`)) groupOf.set(`${member.doc}:${p}`, other.id);
  const paragraphOf = (span: TextSpan): number => {
    const document = comparison.documents[span.doc];
    return document ? paragraphAt(document.paragraphs, span.start) : -1;
  };
  const ends: RelatedEnd[] = [];
  for (const link of links) {
    const [a, b] = link.spans;
    const [pa, pb] = [paragraphOf(a), paragraphOf(b)];
    const aIn = pa >= 0 && (members.get(a.doc)?.has(pa) ?? false);
    const bIn = pb >= 0 && (members.get(b.doc)?.has(pb) ?? false);
    if (aIn === bIn) continue;
    const [inside, outside, paragraph] = aIn ? [a, b, pb] : [b, a, pa];
    if (paragraph < 0) continue;
    const passage = groupOf.get(`${outside.doc}:${paragraph}`);
    ends.push({ link, inside, outside, paragraph, ...(passage ? { group: passage } : {}) });
  }
  return ends;
}

/**
 * The sentences outside a passage that its related links point to, one per sentence (its closest
 * link's score, the words of all its links), in document and text order. With `absentOnly`, only
 * those of sources that have no paragraph in the passage: what would otherwise read "not reported".
 */
export function toldElsewhere(comparison: Pick<Comparison, 'documents' | 'groups'>, group: AlignmentGroup, options: { readonly absentOnly?: boolean } = {}): ToldElsewhere[] {
  const present = new Set(group.members.map((member) => member.doc));
  const found = new Map<string, { place: ToldElsewhere; terms: string[] }>();
  const ends = relatedEnds(comparison, group).sort((x, y) => y.link.score - x.link.score);
  for (const end of ends) {
    if (options.absentOnly && present.has(end.outside.doc)) continue;
    const key = `${end.outside.doc}:${end.outside.start}`;
    const known = found.get(key);
    if (known) {
      known.terms.push(...(end.link.terms ?? []));
      continue;
    }
    const span = { doc: end.outside.doc, start: end.outside.start, end: end.outside.end };
    found.set(key, { place: { doc: end.outside.doc, paragraph: end.paragraph, ...(end.group ? { group: end.group } : {}), span, score: end.link.score, terms: [] }, terms: [...(end.link.terms ?? [])] });
  }
  const once = (terms: readonly string[]): string[] => {
    const seen = new Set<string>();
    return terms.filter((term) => !seen.has(term.toLowerCase()) && seen.add(term.toLowerCase()) !== undefined);
  };
  return [...found.values()].map(({ place, terms }) => ({ ...place, terms: once(terms) })).sort((x, y) => x.doc - y.doc || x.span.start - y.span.start);
}
