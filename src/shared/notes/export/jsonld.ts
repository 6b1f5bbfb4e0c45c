import { anchorOn } from '../targets.js';
import { anchorRows, readingOrder, type AnchorRow, type ExportComparison, type NotesExport } from './common.js';

/**
 * Notes as W3C Web Annotations (JSON-LD, https://www.w3.org/TR/annotation-model/): one
 * AnnotationCollection whose single AnnotationPage lists one Annotation per note. The note's text
 * is a TextualBody (purpose "commenting"), each code a TextualBody with purpose "tagging", and each
 * anchor a SpecificResource: the source file's URL with a TextQuoteSelector and a
 * TextPositionSelector on the source as it is now (as saved, for an anchor not found).
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** A file URL for a path (POSIX or Windows), or a `urn:parallax:source:` name for anything else. */
export function sourceUrl(path: string): string {
  const encode = (segments: string[]) => segments.map((segment) => encodeURIComponent(segment)).join('/');
  if (path.startsWith('/')) return `file://${encode(path.split('/'))}`;
  const windows = /^([A-Za-z]):[\\/](.*)$/.exec(path);
  if (windows) return `file:///${windows[1]}:/${encode(windows[2]!.split(/[\\/]/))}`;
  return `urn:parallax:source:${encodeURIComponent(path)}`;
}

function selectors(item: ExportComparison, anchor: AnchorRow) {
  const doc = anchor.placed ? item.comparison?.documents[anchor.placed.doc] : undefined;
  // Where the note stands now, with its context as the app keeps it; else as it was saved.
  const quote = doc ? anchorOn(doc, anchor.start, anchor.end).quote : anchor.saved.quote;
  return [
    { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    { type: 'TextPositionSelector', start: anchor.start, end: anchor.end },
  ];
}

export function notesToJsonLd(input: NotesExport): string {
  const items = input.comparisons.flatMap((item) =>
    readingOrder(item).map(({ place }) => {
      const { note } = place;
      const targets = anchorRows(item, place).map((anchor) => ({
        type: 'SpecificResource',
        source: sourceUrl(anchor.saved.source),
        selector: selectors(item, anchor),
      }));
      const body = [
        { type: 'TextualBody', purpose: 'commenting', value: note.body, format: 'text/plain' },
        ...note.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag })),
      ];
      return {
        id: `urn:parallax:note:${encodeURIComponent(note.id)}`,
        type: 'Annotation',
        motivation: note.body.trim() ? 'commenting' : 'tagging',
        created: note.created,
        modified: note.updated,
        ...(note.author ? { creator: { type: 'Person', name: note.author } } : {}),
        body,
        target: targets.length === 1 ? targets[0] : targets,
      };
    }),
  );
  const collection = {
    '@context': ANNOTATION_CONTEXT,
    id: 'urn:parallax:notes',
    type: 'AnnotationCollection',
    label: input.comparisons.length === 1 ? `Notes on ${input.comparisons[0]!.title}` : 'Notes from Parallax',
    total: items.length,
    ...(input.exported ? { generated: input.exported } : {}),
    generator: { type: 'Software', name: 'Parallax' },
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
