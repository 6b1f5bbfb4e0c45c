import type { Comparison, SourceDocument } from '../../../src/shared/contract/comparison.js';
import { COMPARISON_SCHEMA } from '../../../src/shared/contract/comparison.js';
import type { Note, NoteTarget } from '../../../src/shared/contract/notes.js';
import { makeSourceDocument } from '../../../src/shared/core/document.js';

/**
 * Invented reporting on an invented event (a ferry stranded on a river), written for these tests.
 * Each paragraph is distinct, so a quote from one is found in no other unless a test says so.
 */
export const FERRY_A = [
  'Ferry stranded on the Orlen as water falls',
  'The passenger ferry Mirabel ran aground near Tessick on Tuesday morning, leaving 212 travellers on board for nine hours.',
  'The river authority said the channel had silted up after a dry spring, and that dredging had been postponed twice.',
  'Passengers described cold cabins and a shortage of drinking water, though nobody was hurt.',
  'Tugs from Varro pulled the vessel free shortly before dusk, according to the harbour master.',
].join('\n\n');

export const FERRY_B = [
  'Hundreds trapped for hours as ferry runs aground',
  'The Mirabel, a passenger ferry, ran aground near Tessick on Tuesday, trapping 212 people on board for nine hours.',
  'The river authority claimed the channel had silted up after a dry spring, while critics noted that dredging had been put off twice.',
  'Tugs from Varro freed the vessel shortly before dusk.',
].join('\n\n');

export function doc(path: string, text: string): SourceDocument {
  return makeSourceDocument({ path, text });
}

/** A comparison of the documents given, with the groups and differences given (no analysis run). */
export function comparisonOf(
  documents: readonly SourceDocument[],
  groups: Comparison['groups'] = [],
  differences: Comparison['differences'] = [],
): Comparison {
  return { schema: COMPARISON_SCHEMA, documents, groups, differences };
}

let counter = 0;
export function noteOn(target: NoteTarget, extra: Partial<Note> = {}): Note {
  counter += 1;
  return {
    id: `note-${counter}`,
    comparisonId: 'cmp-1',
    target,
    body: `Note ${counter}`,
    tags: [],
    author: 'Tester',
    created: '2025-01-02T10:00:00.000Z',
    updated: '2025-01-02T10:00:00.000Z',
    ...extra,
  };
}

/** The offsets of `needle` in `text`, failing loudly when it is not there. */
export function rangeOf(text: string, needle: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`"${needle}" is not in the text`);
  return { start, end: start + needle.length };
}
