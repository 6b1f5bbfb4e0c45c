/**
 * Where else a passage's event is mentioned: the outside ends of its related links
 * (AlignmentGroup.related), by source, paragraph and the passage that paragraph went to. A paragraph
 * belongs to one passage, but may tell two events; beside "not reported", the app and the command
 * line point to the sentence where a source mentions the event in a paragraph of another passage
 * (the same event, not necessarily the same facts: the source still leaves this passage's out).
 *
 * Pure: no Node, no DOM. O(L log P) for L related links and P paragraphs of a document.
 */
import type { AlignmentGroup, Comparison, TextSpan } from '../contract/comparison.js';

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
  /** The words it shares with the passage's sentence, for "why". */
  readonly terms: readonly string[];
}

/** The index of the paragraph of a document that holds an offset, or -1. */
function paragraphAt(paragraphs: readonly { readonly start: number; readonly end: number }[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < paragraphs.length && paragraphs[lo]!.start <= offset ? lo : -1;
}

/**
 * The sentences outside a passage that its related links point to, one per sentence (its closest
 * link), in document and text order. With `absentOnly`, only those of sources that have no
 * paragraph in the passage: what would otherwise read "not reported".
 */
export function toldElsewhere(comparison: Pick<Comparison, 'documents' | 'groups'>, group: AlignmentGroup, options: { readonly absentOnly?: boolean } = {}): ToldElsewhere[] {
  const members = new Map(group.members.map((member) => [member.doc, new Set(member.paragraphs)]));
  const groupOf = new Map<string, string>();
  const found = new Map<string, ToldElsewhere>();
  for (const link of group.related ?? []) {
    for (const span of link.spans) {
      const document = comparison.documents[span.doc];
      if (!document) continue;
      const paragraph = paragraphAt(document.paragraphs, span.start);
      if (paragraph < 0 || members.get(span.doc)?.has(paragraph)) continue;
      if (options.absentOnly && members.has(span.doc)) continue;
      if (groupOf.size === 0) for (const other of comparison.groups) for (const member of other.members) for (const p of member.paragraphs) groupOf.set(`${member.doc}:${p}`, other.id);
      const key = `${span.doc}:${span.start}`;
      const known = found.get(key);
      if (known && known.score >= link.score) continue;
      const passage = groupOf.get(`${span.doc}:${paragraph}`);
      found.set(key, { doc: span.doc, paragraph, ...(passage ? { group: passage } : {}), span: { doc: span.doc, start: span.start, end: span.end }, score: link.score, terms: link.terms ?? [] });
    }
  }
  return [...found.values()].sort((x, y) => x.doc - y.doc || x.span.start - y.span.start);
}
