import type { Comparison } from '../../../shared/contract/comparison';
import { targetAnchors, type Note, type NoteTargetKind } from '../../../shared/contract/notes';
import { DIFFERENCE_KIND_NAMES } from './differenceKinds';
import type { NotePlace } from './notePlaces';
import type { SourceLabels } from './sourceLabel';

/** What a note can be written on, in words for the panel and its filter. */
export const TARGET_KIND_NAMES: Record<NoteTargetKind, string> = {
  paragraph: 'Paragraph',
  passage: 'Passage',
  group: 'Group',
  difference: 'Difference',
};

/** Where a note is, in a line: "Passage · The Courier, paragraph 3". */
export function describeWhere(place: NotePlace, comparison: Comparison, labels: SourceLabels): string {
  const sourceLabel = (_: Comparison, path: string) => labels.labelForPath(path);
  const target = place.note.target;
  const kind = TARGET_KIND_NAMES[target.kind];
  const anchors = targetAnchors(target);
  if (target.kind === 'paragraph' || target.kind === 'passage') {
    const now = place.anchors[0];
    const paragraph = (now?.paragraph ?? target.paragraph) + 1;
    return `${kind} · ${sourceLabel(comparison, target.source)}, paragraph ${paragraph}`;
  }
  const sources = new Set(anchors.map((a) => a.source));
  if (target.kind === 'group') {
    const number = place.group ? comparison.groups.findIndex((g) => g.id === place.group) + 1 : 0;
    return `${kind}${number > 0 ? ` ${number}` : ''} · ${sources.size} ${sources.size === 1 ? 'source' : 'sources'}`;
  }
  return `${kind} · ${DIFFERENCE_KIND_NAMES[target.differenceKind]} · ${[...sources].map((s) => sourceLabel(comparison, s)).join(', ')}`;
}

/** The words a note was written on, shortened: a paragraph's start, a passage, a difference's words. */
export function quoteOf(note: Note, max = 220): string {
  const target = note.target;
  const text =
    target.kind === 'difference'
      ? target.anchors.map((a) => `“${a.quote.exact}”`).join(' / ')
      : target.kind === 'group'
        ? (target.anchors[0]?.quote.exact ?? '')
        : target.quote.exact;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** Everything a search looks in: the body, the quotes and a difference's summary. */
export function searchableText(note: Note): string {
  const target = note.target;
  const quotes = targetAnchors(target).map((a) => a.quote.exact);
  return [note.body, ...quotes, target.kind === 'difference' ? target.summary : '', ...note.tags].join('\n').toLowerCase();
}
