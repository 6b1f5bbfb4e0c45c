import type { Comparison } from '../../../shared/contract/comparison';
import type { Note } from '../../../shared/contract/notes';
import { placeNotes as placeOnComparison, type NotePlace } from '../../../shared/notes/place';

export { paragraphTarget, QUOTE_CONTEXT } from '../../../shared/notes/targets';

/** Where each note stands on the comparison as it is now, by paragraph, for the views. */
export interface NotePlacement {
  /** Notes by `doc:paragraph` (a group or difference note is on each paragraph it was found in). */
  readonly placed: ReadonlyMap<string, readonly Note[]>;
  /** Notes that could not be put on a paragraph: their source changed or is not open. Never dropped. */
  readonly unplaced: readonly Note[];
  /** The shared core's placement of every note, in the order given. */
  readonly places: readonly NotePlace[];
}

/**
 * Put each note on its paragraphs with the shared re-anchoring (exact, then by quote and context,
 * else unplaced: never on the wrong passage).
 */
export function placeNotes(notes: readonly Note[], comparison: Comparison): NotePlacement {
  const places = placeOnComparison(notes, comparison);
  const placed = new Map<string, Note[]>();
  const unplaced: Note[] = [];
  for (const place of places) {
    if (place.status === 'orphan') {
      unplaced.push(place.note);
      continue;
    }
    const keys = new Set(place.anchors.flatMap((anchor) => (anchor ? [`${anchor.doc}:${anchor.paragraph}`] : [])));
    for (const key of keys) placed.set(key, [...(placed.get(key) ?? []), place.note]);
  }
  return { placed, unplaced, places };
}
