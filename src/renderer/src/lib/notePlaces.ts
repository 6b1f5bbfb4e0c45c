import type { Comparison } from '../../../shared/contract/comparison';
import type { Note } from '../../../shared/contract/notes';
import { placeNotes as placeOnComparison, type NotePlace as SharedNotePlace, type PlacedAnchor } from '../../../shared/notes/place';

export type { PlacedAnchor };

/**
 * A note's place on the comparison as the views use it: the shared core's placement (placed,
 * moved, orphan; its group or difference now) with only the anchors that were found.
 */
export interface NotePlace extends Omit<SharedNotePlace, 'anchors'> {
  readonly anchors: readonly PlacedAnchor[];
}

/** Place every note with the shared re-anchoring; orphans are kept (never dropped). */
export function placeNotes(notes: readonly Note[], comparison: Comparison): NotePlace[] {
  return placeOnComparison(notes, comparison).map((place) => ({ ...place, anchors: place.anchors.filter((anchor) => anchor !== null) }));
}

/** Notes in reading order: by the first source and offset they are on; orphans last. */
export function inReadingOrder(places: readonly NotePlace[]): NotePlace[] {
  const key = (place: NotePlace): [number, number] => {
    const first = place.anchors.reduce<PlacedAnchor | undefined>((best, a) => (!best || a.doc < best.doc || (a.doc === best.doc && a.start < best.start) ? a : best), undefined);
    return first ? [first.doc, first.start] : [Number.MAX_SAFE_INTEGER, 0];
  };
  return [...places].sort((a, b) => {
    const [ad, as] = key(a);
    const [bd, bs] = key(b);
    return ad - bd || as - bs || a.note.created.localeCompare(b.note.created);
  });
}
