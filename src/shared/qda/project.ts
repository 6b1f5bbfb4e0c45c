import type { Codebook } from '../contract/codebook.js';
import { DIFFERENCE_KIND_NAMES, DIFFERENCE_KINDS, type DifferenceKind, type SourceDocument } from '../contract/comparison.js';
import { describeDifference, labelNamer } from '../core/describe.js';
import { anchorRows, codeLabel, readingOrder, targetDescription, type ExportComparison } from '../notes/export/common.js';
import { codePointIndex, type CodePointIndex } from './codepoints.js';
import { qdaGuid } from './uuid.js';
import { el, xmlDocument, type XmlNode } from './xml.js';

/**
 * A comparison, its notes and (if asked) Parallax's own analysis as a REFI-QDA project (QDA-XML
 * 1.0, the `project.qde` of a `.qdpx`), for MAXQDA, NVivo, ATLAS.ti, QualCoder and the others:
 *
 * - each source a plain-text source (`Sources/<guid>.txt`, the text exactly as analysed, UTF-8),
 *   with its outlet, title, byline and date as variables;
 * - the codebook as codes, its families as code folders (not codable), with their descriptions;
 * - each note's passages as text selections (in Unicode code points, §10.2), coded with the note's
 *   codes and with "Parallax › Note"; the note's text a note on its (first) selection; its author
 *   a user; its times kept. A note on several passages (a group, a difference) has its passages
 *   tied together by a case (the standard's way to group selections: sets hold only sources, codes
 *   and notes), and links from the note to each passage;
 * - with the analysis: each difference's spans coded under "Parallax › <kind>", with the
 *   difference in words as the selection's description, and each aligned passage a case of its
 *   member paragraphs, coded "Parallax › Aligned passage";
 * - each comparison a set of its sources and notes.
 *
 * GUIDs are derived from what an object is (the source's path, the note's id, a selection's source
 * and range, a code's id), so exporting the same material again gives the same GUIDs.
 *
 * Pure: no Node, no DOM; the zip is made in main.
 */

export const QDA_PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const QDA_CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** The folder of a `.qdpx` that holds the sources (REFI-QDA 1.5 §8.3). */
export const QDA_SOURCES_FOLDER = 'Sources';

/** The code folder holding Parallax's own codes; its GUID lets an import recognise (and skip) it. */
export const PARALLAX_CODE_ROOT = qdaGuid('code-root', 'parallax');

export interface QdaProjectInput {
  readonly comparisons: readonly ExportComparison[];
  /** The codebook the notes' tags come from: every code is exported, used or not. */
  readonly codebook?: Codebook | null;
  /** Parallax's own analysis (differences by kind, aligned passages) as codings and cases. */
  readonly includeAnalysis: boolean;
  /** When the export is made (ISO 8601): the project's date and the analysis codings'. */
  readonly exported?: string;
  /** The project's name; the comparison's title when there is one comparison. */
  readonly name?: string;
  /** The exporting program, e.g. "Parallax 0.1.0". */
  readonly origin?: string;
}

/** A file of the `.qdpx`'s sources folder. */
export interface QdaSourceFile {
  /** Its path inside the zip: `Sources/<guid>.txt`. */
  readonly path: string;
  readonly text: string;
}

export interface QdaProjectSummary {
  readonly sources: number;
  /** Notes placed on the sources as they are now. */
  readonly notes: number;
  /** Notes whose passage could not be found: kept as notes on the project, with the words they were on. */
  readonly orphans: number;
  readonly selections: number;
  readonly codings: number;
  readonly codes: number;
  readonly cases: number;
}

export interface QdaProject {
  /** `project.qde`. */
  readonly xml: string;
  readonly sources: readonly QdaSourceFile[];
  readonly summary: QdaProjectSummary;
}

/** What each kind of difference codes, for the codes' descriptions. */
const KIND_DESCRIPTIONS: Readonly<Record<DifferenceKind, string>> = {
  wording: 'Words one source changes, adds or drops in a passage the sources share.',
  attribution: 'Who is credited, and with which reporting verb ("said", "claimed"), differs between the sources.',
  'loaded-term': 'A charged or judging word: one source uses it where another does not, or every source telling a sentence shares it.',
  figure: 'The sources give different figures for the same quantity, or only one gives a figure.',
  quote: 'A quotation some sources give, and others paraphrase or leave out.',
  hedge: 'A claim one source hedges ("may", "reportedly") and another states plainly.',
  label: 'An actor one source names and another describes with a label.',
  omission: 'Something one source reports that another leaves out.',
};

const PARALLAX_USER = { guid: qdaGuid('software', 'Parallax'), name: 'Parallax' };

/** A date and time as xsd:dateTime (whole seconds, UTC); undefined when it cannot be read. */
export function xsdDateTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  if (!Number.isFinite(time)) return undefined;
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The first words of a text, on one line, for a name: at most `max` characters (code points). */
function excerpt(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const characters = [...line];
  return characters.length > max ? `${characters.slice(0, max - 1).join('').trimEnd()}…` : line;
}

interface Coding {
  readonly guid: string;
  readonly code: string;
  readonly user: string;
  readonly date: string | undefined;
}

interface Selection {
  readonly guid: string;
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly user: string;
  readonly date: string | undefined;
  readonly descriptions: string[];
  readonly codings: Map<string, Coding>;
  readonly notes: string[];
}

interface Source {
  readonly guid: string;
  readonly doc: SourceDocument;
  readonly index: CodePointIndex;
  readonly selections: Map<string, Selection>;
  readonly comparisons: string[];
}

interface QdaNote {
  readonly guid: string;
  readonly name: string;
  readonly text: string;
  readonly user: string;
  readonly created: string | undefined;
  readonly updated: string | undefined;
}

interface QdaCase {
  readonly guid: string;
  readonly name: string;
  readonly description: string;
  readonly selections: readonly string[];
}

interface QdaCode {
  readonly guid: string;
  readonly name: string;
  readonly codable: boolean;
  readonly description?: string | undefined;
  readonly children: QdaCode[];
}

/** The variables every source gets (when some source has a value), in order. */
const VARIABLES: readonly { readonly name: string; readonly description: string; readonly value: (doc: SourceDocument) => string | undefined }[] = [
  { name: 'Outlet', description: 'The outlet that published the article (from the page, else the name Parallax shows).', value: (doc) => doc.metadata?.siteName || doc.label || undefined },
  { name: 'Title', description: 'The article’s title.', value: (doc) => doc.title || undefined },
  { name: 'Byline', description: 'Who wrote the article, as the page says.', value: (doc) => doc.metadata?.byline || undefined },
  { name: 'Published', description: 'When the article was published, as the page gives it.', value: (doc) => doc.metadata?.published || undefined },
];

export function buildQdaProject(input: QdaProjectInput): QdaProject {
  const exported = xsdDateTime(input.exported);
  // Users: Parallax (for its own codings) and each author of a note.
  const userNames = new Map<string, string>([[PARALLAX_USER.guid, PARALLAX_USER.name]]);
  const personGuid = (author: string): string => {
    const name = author.trim() || 'Unknown author';
    const guid = qdaGuid('user', name);
    userNames.set(guid, name);
    return guid;
  };

  // Sources, one per file (a file in two comparisons is one source).
  const sources = new Map<string, Source>();
  const sourceFor = (doc: SourceDocument, comparisonTitle: string): Source => {
    const key = `${doc.path}\u0000${doc.hash}`;
    let source = sources.get(key);
    if (!source) {
      const samePath = [...sources.values()].some((other) => other.doc.path === doc.path);
      source = {
        guid: samePath ? qdaGuid('source', doc.path, doc.hash) : qdaGuid('source', doc.path),
        doc,
        index: codePointIndex(doc.text),
        selections: new Map(),
        comparisons: [],
      };
      sources.set(key, source);
    }
    if (!source.comparisons.includes(comparisonTitle)) source.comparisons.push(comparisonTitle);
    return source;
  };
  let codingCount = 0;
  const selectionOn = (source: Source, start: number, end: number, user: string, date: string | undefined): Selection | undefined => {
    const range = source.index.range(start, end);
    if (range.end <= range.start) return undefined;
    const key = `${range.start}:${range.end}`;
    let selection = source.selections.get(key);
    if (!selection) {
      selection = {
        guid: qdaGuid('selection', source.guid, range.start, range.end),
        ...range,
        name: excerpt(source.doc.text.slice(start, end)),
        user,
        date,
        descriptions: [],
        codings: new Map(),
        notes: [],
      };
      source.selections.set(key, selection);
    }
    return selection;
  };
  const code = (selection: Selection, codeGuid: string, user: string, date: string | undefined): void => {
    if (selection.codings.has(codeGuid)) return;
    selection.codings.set(codeGuid, { guid: qdaGuid('coding', selection.guid, codeGuid), code: codeGuid, user, date });
    codingCount++;
  };

  // The codebook: families as folders, codes inside; then tags no code of the codebook has.
  const codes: QdaCode[] = [];
  const codeGuids = new Map<string, string>();
  const families = new Map<string, QdaCode>();
  for (const entry of input.codebook?.codes ?? []) {
    const node: QdaCode = { guid: qdaGuid('code', entry.id), name: entry.label, codable: true, description: entry.description || undefined, children: [] };
    codeGuids.set(entry.id, node.guid);
    const family = entry.family?.trim();
    if (family) {
      let folder = families.get(family);
      if (!folder) {
        folder = { guid: qdaGuid('family', family), name: family, codable: false, children: [] };
        families.set(family, folder);
        codes.push(folder);
      }
      folder.children.push(node);
    } else codes.push(node);
  }
  const tagGuid = (tag: string): string => {
    let guid = codeGuids.get(tag);
    if (!guid) {
      guid = qdaGuid('code', tag);
      codeGuids.set(tag, guid);
      codes.push({ guid, name: codeLabel(input.codebook, tag), codable: true, description: 'A code the notes use that is not in the codebook now.', children: [] });
    }
    return guid;
  };

  // Parallax's own codes.
  const noteCode: QdaCode = { guid: qdaGuid('parallax', 'note'), name: 'Note', codable: true, description: 'A passage a note in Parallax is written on.', children: [] };
  const kindCodes = new Map<DifferenceKind, QdaCode>(
    DIFFERENCE_KINDS.map((kind) => [kind, { guid: qdaGuid('parallax', 'kind', kind), name: DIFFERENCE_KIND_NAMES[kind], codable: true, description: KIND_DESCRIPTIONS[kind], children: [] }]),
  );
  const alignedCode: QdaCode = {
    guid: qdaGuid('parallax', 'aligned-passage'),
    name: 'Aligned passage',
    codable: true,
    description: 'A paragraph Parallax lined up with paragraphs of other sources that report the same thing; each aligned passage is a case of its paragraphs.',
    children: [],
  };
  let notesPlaced = 0;

  const notes: QdaNote[] = [];
  const projectNotes: string[] = [];
  const cases: QdaCase[] = [];
  const links: { guid: string; origin: string; target: string }[] = [];
  const sets: { guid: string; name: string; description: string; sources: string[]; notes: string[] }[] = [];
  let orphans = 0;

  for (const item of input.comparisons) {
    const comparison = item.comparison;
    const documents = comparison?.documents ?? [];
    const itemSources = documents.map((doc) => sourceFor(doc, item.title));
    const setNotes: string[] = [];

    for (const { place } of readingOrder(item)) {
      const { note } = place;
      const user = personGuid(note.author);
      const created = xsdDateTime(note.created);
      const updated = xsdDateTime(note.updated) ?? created;
      const rows = anchorRows(item, place);
      const placed = rows.filter((row) => row.placed !== null && itemSources[row.placed.doc]);
      const noteGuid = qdaGuid('note', note.id);
      const body = note.body.trim();
      const codesSaid = note.tags.length > 0 ? `Codes: ${note.tags.map((tag) => codeLabel(input.codebook, tag)).join(', ')}.` : '';
      if (placed.length === 0) {
        // Not found in the sources as they are now: kept, with the words it was written on.
        orphans++;
        const where = rows.map((row) => `“${row.quote}” (${row.label}, paragraph ${row.paragraphNumber})`).join('; ');
        const text = [body, `Parallax could not find the passage this note was written on in the sources as they are now. It was on: ${where}.`, codesSaid].filter(Boolean).join('\n\n');
        notes.push({ guid: noteGuid, name: excerpt(body) || targetDescription(note), text, user, created, updated });
        projectNotes.push(noteGuid);
        setNotes.push(noteGuid);
        continue;
      }
      notesPlaced++;
      const selections: Selection[] = [];
      for (const row of placed) {
        const selection = selectionOn(itemSources[row.placed!.doc]!, row.start, row.end, user, created);
        if (!selection || selections.includes(selection)) continue;
        for (const tag of note.tags) code(selection, tagGuid(tag), user, created);
        code(selection, noteCode.guid, user, created);
        selections.push(selection);
      }
      if (selections.length === 0) continue;
      if (body) {
        notes.push({ guid: noteGuid, name: excerpt(body), text: body, user, created, updated });
        setNotes.push(noteGuid);
        // Attached once, to its first passage; linked to the others.
        selections[0]!.notes.push(noteGuid);
        for (const selection of selections.slice(1)) links.push({ guid: qdaGuid('link', noteGuid, selection.guid), origin: noteGuid, target: selection.guid });
      }
      if (selections.length > 1) {
        const what = targetDescription(note);
        cases.push({
          guid: qdaGuid('note-passages', note.id),
          name: `Note: ${excerpt(body) || what}`,
          description: `The passages of one note in Parallax (${what})${note.author ? `, by ${note.author}` : ''}.`,
          selections: selections.map((selection) => selection.guid),
        });
      }
    }

    if (input.includeAnalysis && comparison) {
      const nameOf = labelNamer(documents);
      for (const difference of comparison.differences) {
        const kindCode = kindCodes.get(difference.kind);
        if (!kindCode) continue;
        const description = describeDifference(difference, nameOf);
        for (const span of difference.spans) {
          const source = itemSources[span.doc];
          if (!source || span.end <= span.start || span.end > source.doc.text.length) continue;
          const selection = selectionOn(source, span.start, span.end, PARALLAX_USER.guid, exported);
          if (!selection) continue;
          code(selection, kindCode.guid, PARALLAX_USER.guid, exported);
          const said = description ? `${kindCode.name}: ${description}` : kindCode.name;
          if (!selection.descriptions.includes(said)) selection.descriptions.push(said);
        }
      }
      comparison.groups.forEach((group, i) => {
        const members: Selection[] = [];
        const sourceNames: string[] = [];
        for (const member of group.members) {
          const source = itemSources[member.doc];
          if (!source) continue;
          sourceNames.push(source.doc.label);
          for (const paragraph of member.paragraphs) {
            const block = source.doc.paragraphs[paragraph];
            if (!block) continue;
            const selection = selectionOn(source, block.start, block.end, PARALLAX_USER.guid, exported);
            if (!selection) continue;
            code(selection, alignedCode.guid, PARALLAX_USER.guid, exported);
            members.push(selection);
          }
        }
        if (members.length === 0) return;
        cases.push({
          guid: qdaGuid('aligned-passage', item.id, ...members.map((selection) => selection.guid)),
          name: `Aligned passage ${i + 1}: ${members[0]!.name}`,
          description: `Paragraphs of ${[...new Set(sourceNames)].join(', ')} that Parallax lined up as reporting the same thing (alike: ${group.score.toFixed(2)}).`,
          selections: members.map((selection) => selection.guid),
        });
      });
    }

    if (itemSources.length > 0 || setNotes.length > 0) {
      sets.push({
        guid: qdaGuid('comparison', item.id),
        name: item.title || 'Comparison',
        description: `The sources compared in Parallax (comparison ${item.id}) and the notes on them.`,
        sources: [...new Set(itemSources.map((source) => source.guid))],
        notes: setNotes,
      });
    }
  }

  // Parallax's own branch: the note code when notes were placed, the analysis codes when asked.
  const parallaxChildren = [...(notesPlaced > 0 ? [noteCode] : []), ...(input.includeAnalysis ? [...kindCodes.values(), alignedCode] : [])];
  if (parallaxChildren.length > 0) {
    codes.push({
      guid: PARALLAX_CODE_ROOT,
      name: 'Parallax',
      codable: false,
      description: 'Codes Parallax applies itself: the passages notes are on and, when exported with its analysis, the differences it found between the sources by kind and the passages it lined up.',
      children: parallaxChildren,
    });
  }

  const sourceList = [...sources.values()];
  const manyComparisons = input.comparisons.filter((item) => item.comparison).length > 1;
  const variables = [
    ...VARIABLES.filter((variable) => sourceList.some((source) => variable.value(source.doc))),
    ...(manyComparisons ? [{ name: 'Comparison', description: 'The comparisons (stories) in Parallax the source is part of.', value: (doc: SourceDocument) => sourceList.find((source) => source.doc === doc)?.comparisons.join('; ') }] : []),
  ].map((variable) => ({ ...variable, guid: qdaGuid('variable', variable.name) }));

  const codeNode = (node: QdaCode): XmlNode =>
    el('Code', { guid: node.guid, name: node.name, isCodable: node.codable }, [
      node.description ? el('Description', {}, node.description) : null,
      ...node.children.map(codeNode),
    ]);
  const countCodes = (list: readonly QdaCode[]): number => list.reduce((sum, node) => sum + 1 + countCodes(node.children), 0);

  const selectionNode = (selection: Selection): XmlNode =>
    el('PlainTextSelection', { guid: selection.guid, name: selection.name, startPosition: selection.start, endPosition: selection.end, creatingUser: selection.user, creationDateTime: selection.date }, [
      selection.descriptions.length > 0 ? el('Description', {}, selection.descriptions.join('\n')) : null,
      ...[...selection.codings.values()].map((coding) => el('Coding', { guid: coding.guid, creatingUser: coding.user, creationDateTime: coding.date }, [el('CodeRef', { targetGUID: coding.code })])),
      ...selection.notes.map((guid) => el('NoteRef', { targetGUID: guid })),
    ]);

  const sourceFiles: QdaSourceFile[] = [];
  const sourceNodes = sourceList.map((source) => {
    const file = `${source.guid}.txt`;
    sourceFiles.push({ path: `${QDA_SOURCES_FOLDER}/${file}`, text: source.doc.text });
    const selections = [...source.selections.values()].sort((a, b) => a.start - b.start || a.end - b.end);
    return el('TextSource', { guid: source.guid, name: source.doc.label || source.doc.title || file, plainTextPath: `internal://${file}`, creatingUser: PARALLAX_USER.guid, creationDateTime: exported }, [
      el('Description', {}, `Read by Parallax from ${source.doc.path}${source.doc.metadata ? ` (${source.doc.metadata.format})` : ''}.`),
      ...selections.map(selectionNode),
      ...variables.flatMap((variable) => {
        const value = variable.value(source.doc);
        return value ? [el('VariableValue', {}, [el('VariableRef', { targetGUID: variable.guid }), el('TextValue', {}, value)])] : [];
      }),
    ]);
  });

  const selectionCount = sourceList.reduce((sum, source) => sum + source.selections.size, 0);
  const name = input.name ?? (input.comparisons.length === 1 ? input.comparisons[0]!.title : 'Parallax comparisons');
  const root = el(
    'Project',
    {
      xmlns: QDA_PROJECT_NAMESPACE,
      name: name || 'Parallax',
      origin: input.origin ?? 'Parallax',
      creatingUserGUID: PARALLAX_USER.guid,
      creationDateTime: exported,
      modifyingUserGUID: PARALLAX_USER.guid,
      modifiedDateTime: exported,
    },
    [
      el('Users', {}, [...userNames].map(([guid, userName]) => el('User', { guid, name: userName }))),
      codes.length > 0 ? el('CodeBook', {}, [el('Codes', {}, codes.map(codeNode))]) : null,
      variables.length > 0
        ? el('Variables', {}, variables.map((variable) => el('Variable', { guid: variable.guid, name: variable.name, typeOfVariable: 'Text' }, [el('Description', {}, variable.description)])))
        : null,
      cases.length > 0
        ? el(
            'Cases',
            {},
            cases.map((item) => el('Case', { guid: item.guid, name: item.name }, [el('Description', {}, item.description), ...item.selections.map((guid) => el('SelectionRef', { targetGUID: guid }))])),
          )
        : null,
      sourceNodes.length > 0 ? el('Sources', {}, sourceNodes) : null,
      notes.length > 0
        ? el(
            'Notes',
            {},
            notes.map((note) =>
              el('Note', { guid: note.guid, name: note.name, creatingUser: note.user, creationDateTime: note.created, modifyingUser: note.user, modifiedDateTime: note.updated }, [el('PlainTextContent', {}, note.text)]),
            ),
          )
        : null,
      links.length > 0 ? el('Links', {}, links.map((link) => el('Link', { guid: link.guid, name: 'Note on passage', direction: 'OneWay', originGUID: link.origin, targetGUID: link.target }))) : null,
      sets.length > 0
        ? el(
            'Sets',
            {},
            sets.map((set) =>
              el('Set', { guid: set.guid, name: set.name }, [
                el('Description', {}, set.description),
                ...set.sources.map((guid) => el('MemberSource', { targetGUID: guid })),
                ...set.notes.map((guid) => el('MemberNote', { targetGUID: guid })),
              ]),
            ),
          )
        : null,
      el(
        'Description',
        {},
        `Exported from Parallax${input.codebook ? ` with the codebook “${input.codebook.name}”` : ''}${input.includeAnalysis ? ', with Parallax’s own analysis under the code “Parallax”' : ''}. Text positions count Unicode code points from 0.`,
      ),
      ...projectNotes.map((guid) => el('NoteRef', { targetGUID: guid })),
    ],
  );
  return {
    xml: xmlDocument(root),
    sources: sourceFiles,
    summary: { sources: sourceList.length, notes: notesPlaced, orphans, selections: selectionCount, codings: codingCount, codes: countCodes(codes), cases: cases.length },
  };
}
