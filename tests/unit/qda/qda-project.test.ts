import { beforeAll, describe, expect, it } from 'vitest';
import type { Codebook } from '../../../src/shared/contract/codebook.js';
import { DIFFERENCE_KIND_NAMES, DIFFERENCE_KINDS, type Comparison } from '../../../src/shared/contract/comparison.js';
import type { Note } from '../../../src/shared/contract/notes.js';
import { anchorRows, placesOf } from '../../../src/shared/notes/export/common.js';
import { buildQdaProject, PARALLAX_CODE_ROOT, QDA_PROJECT_NAMESPACE, type QdaProject, type QdaProjectInput } from '../../../src/shared/qda/project.js';
import { qdaGuid } from '../../../src/shared/qda/uuid.js';
import { floodComparison, floodNotes, parseXml, type XmlDoc, type XmlEl } from '../../support/qda.js';

const CODEBOOK: Codebook = {
  format: 'parallax.codebook/1',
  name: 'Flood codes',
  codes: [
    { id: 'conflict', label: 'Conflict', description: 'Sides against each other.', family: 'Generic frames' },
    { id: 'human-interest', label: 'Human interest', description: 'A face & a feeling <here>.', family: 'Generic frames' },
    { id: 'economic-consequences', label: 'Economic consequences', description: '', family: 'Generic frames' },
    { id: 'attribution-shift', label: 'Attribution shift', description: 'Said against claimed.' },
  ],
};

const parse = parseXml;
const all = (root: XmlDoc | XmlEl, name: string): XmlEl[] => [...root.getElementsByTagNameNS(QDA_PROJECT_NAMESPACE, name)];
const attr = (element: XmlEl, name: string): string => element.getAttribute(name) ?? '';

let comparison: Comparison;
let notes: Note[];
let input: QdaProjectInput;
let project: QdaProject;
let document: XmlDoc;

beforeAll(() => {
  comparison = floodComparison();
  notes = floodNotes(comparison, 'cmp-flood');
  input = { comparisons: [{ id: 'cmp-flood', title: 'Flood 🌊 at the 𠮷野 bridge', comparison, notes }], codebook: CODEBOOK, includeAnalysis: true, exported: '2025-03-07T10:00:00.123Z', origin: 'Parallax test' };
  project = buildQdaProject(input);
  document = parse(project.xml);
});

/** Each selection with its source's text cut at its code points. */
function selections(doc: XmlDoc, files: readonly { path: string; text: string }[]) {
  return all(doc, 'TextSource').flatMap((source) => {
    const path = attr(source, 'plainTextPath').replace('internal://', 'Sources/');
    const text = files.find((file) => file.path === path)?.text;
    expect(text, `the source file ${path}`).toBeDefined();
    const points = Array.from(text!);
    return all(source, 'PlainTextSelection').map((selection) => ({
      element: selection,
      source,
      cut: points.slice(Number(attr(selection, 'startPosition')), Number(attr(selection, 'endPosition'))).join(''),
      codes: all(selection, 'CodeRef').map((ref) => attr(ref, 'targetGUID')),
      notes: all(selection, 'NoteRef').map((ref) => attr(ref, 'targetGUID')),
    }));
  });
}

describe('a comparison as a REFI-QDA project', () => {
  it('is a Project of QDA-XML 1.0 with its name, origin, users and dates', () => {
    const root = document.documentElement;
    expect(root.namespaceURI).toBe(QDA_PROJECT_NAMESPACE);
    expect(root.localName).toBe('Project');
    expect(attr(root, 'name')).toBe('Flood 🌊 at the 𠮷野 bridge');
    expect(attr(root, 'origin')).toBe('Parallax test');
    expect(attr(root, 'creationDateTime')).toBe('2025-03-07T10:00:00Z');
    const users = all(document, 'User').map((user) => attr(user, 'name'));
    expect(users).toEqual(expect.arrayContaining(['Parallax', 'Student Ōne', 'Ana Lí']));
  });

  it('writes each source as UTF-8 plain text exactly as analysed, with its metadata as variables', () => {
    expect(project.sources).toHaveLength(2);
    const sources = all(document, 'TextSource');
    expect(sources.map((source) => attr(source, 'name'))).toEqual(['Riverside Ledger', 'Amber Wire']);
    sources.forEach((source, i) => {
      const guid = attr(source, 'guid');
      expect(attr(source, 'plainTextPath')).toBe(`internal://${guid}.txt`);
      expect(project.sources.find((file) => file.path === `Sources/${guid}.txt`)?.text).toBe(comparison.documents[i]!.text);
    });
    const variables = new Map(all(document, 'Variable').map((variable) => [attr(variable, 'guid'), attr(variable, 'name')]));
    expect([...variables.values()]).toEqual(['Outlet', 'Title', 'Byline', 'Published']);
    const values = (source: XmlEl) => Object.fromEntries(all(source, 'VariableValue').map((value) => [variables.get(attr(all(value, 'VariableRef')[0]!, 'targetGUID')), all(value, 'TextValue')[0]!.textContent]));
    expect(values(sources[0]!)).toEqual({ Outlet: 'Riverside Ledger', Title: 'Flood closes the old 𠮷野 bridge 🌊', Byline: 'Mara Quill', Published: '2025-03-04' });
    expect(values(sources[1]!)).toEqual({ Outlet: 'Amber Wire', Title: 'Old 𠮷野 bridge shut as river floods 🌊🌊' });
  });

  it('counts selections in code points: each cut from the source file gives the words of its note or difference', () => {
    const cut = selections(document, project.sources);
    expect(cut.length).toBe(project.summary.selections);
    // Every note placed: the selection carrying its note (or its codes) holds the words it is on now.
    const item = input.comparisons[0]!;
    for (const place of placesOf(item)) {
      if (place.status === 'orphan') continue;
      const guid = qdaGuid('note', place.note.id);
      for (const row of anchorRows(item, place).filter((anchor) => anchor.placed)) {
        const found = cut.find((selection) => selection.cut === row.quote && attr(selection.source, 'name') === row.label);
        expect(found, `a selection of “${row.quote}”`).toBeDefined();
        expect(found!.codes).toContain(qdaGuid('parallax', 'note'));
      }
      if (place.note.body.trim()) expect(cut.filter((selection) => selection.notes.includes(guid))).toHaveLength(1);
    }
    // The note on CJK text outside the BMP, in the second source.
    const bridge = cut.find((selection) => selection.notes.includes(qdaGuid('note', notes[0]!.id)))!;
    expect(bridge.cut).toBe('𠮷野 bridge');
    expect(attr(bridge.element, 'startPosition')).toBe('4');
    // Every difference's spans, coded with the code of its kind.
    for (const difference of comparison.differences) {
      const code = qdaGuid('parallax', 'kind', difference.kind);
      for (const span of difference.spans) {
        const words = comparison.documents[span.doc]!.text.slice(span.start, span.end);
        const found = cut.find((selection) => selection.cut === words && selection.codes.includes(code) && attr(selection.source, 'name') === comparison.documents[span.doc]!.label);
        expect(found, `a ${difference.kind} selection of “${words}”`).toBeDefined();
      }
    }
    expect(cut.find((selection) => selection.cut === 'claimed')!.codes).toContain(qdaGuid('parallax', 'kind', 'attribution'));
    // Aligned passages: whole paragraphs, emoji and all.
    expect(cut.some((selection) => selection.cut === 'Old 𠮷野 bridge shut as river floods 🌊🌊' && selection.codes.includes(qdaGuid('parallax', 'aligned-passage')))).toBe(true);
  });

  it('exports the codebook with its families as folders, and Parallax’s own branch', () => {
    const codes = all(document, 'Codes')[0]!;
    const top = [...codes.children];
    const family = top.find((code) => attr(code, 'name') === 'Generic frames')!;
    expect(attr(family, 'isCodable')).toBe('false');
    expect([...family.children].filter((child) => child.localName === 'Code').map((code) => attr(code, 'name'))).toEqual(['Conflict', 'Human interest', 'Economic consequences']);
    const human = all(family, 'Code').find((code) => attr(code, 'name') === 'Human interest')!;
    expect(all(human, 'Description')[0]!.textContent).toBe('A face & a feeling <here>.');
    expect(top.some((code) => attr(code, 'name') === 'Attribution shift' && attr(code, 'isCodable') === 'true')).toBe(true);
    // A tag the codebook does not have is still a code.
    expect(top.some((code) => attr(code, 'name') === 'dam-report')).toBe(true);
    const parallax = top.find((code) => attr(code, 'guid') === PARALLAX_CODE_ROOT)!;
    expect(attr(parallax, 'name')).toBe('Parallax');
    expect(attr(parallax, 'isCodable')).toBe('false');
    const branch = [...parallax.children].filter((child) => child.localName === 'Code').map((code) => attr(code, 'name'));
    expect(branch).toEqual(['Note', ...DIFFERENCE_KINDS.map((kind) => DIFFERENCE_KIND_NAMES[kind]), 'Aligned passage']);
  });

  it('codes each note’s passages with its tags, keeps its text, author and times, and attaches it once', () => {
    const cut = selections(document, project.sources);
    const [bridgeNote] = notes;
    const bridge = cut.find((selection) => selection.notes.includes(qdaGuid('note', bridgeNote!.id)))!;
    expect(bridge.codes).toEqual(expect.arrayContaining([qdaGuid('code', 'attribution-shift'), qdaGuid('code', 'dam-report')]));
    const coding = all(bridge.element, 'Coding')[0]!;
    expect(attr(coding, 'creatingUser')).toBe(qdaGuid('user', 'Student Ōne'));
    expect(attr(coding, 'creationDateTime')).toBe('2025-03-05T09:15:30Z');
    const note = all(document, 'Note').find((element) => attr(element, 'guid') === qdaGuid('note', bridgeNote!.id))!;
    // The control character XML forbids is left out; the rest is kept as written.
    expect(all(note, 'PlainTextContent')[0]!.textContent).toBe('Named the same 🌉 — but <B> says "claimed" & hedges.');
    expect(attr(note, 'creatingUser')).toBe(qdaGuid('user', 'Student Ōne'));
    expect(attr(note, 'creationDateTime')).toBe('2025-03-05T09:15:30Z');
    expect(attr(note, 'modifiedDateTime')).toBe('2025-03-06T11:00:00Z');
    // Each note is in the project once, and referred to once.
    const noteGuids = all(document, 'Note').map((element) => attr(element, 'guid'));
    expect(new Set(noteGuids).size).toBe(noteGuids.length);
    const refs = all(document, 'NoteRef').map((ref) => attr(ref, 'targetGUID'));
    for (const guid of noteGuids) expect(refs.filter((ref) => ref === guid)).toHaveLength(1);
    // A note with codes and no text: its passage coded, no note.
    const tagsOnly = notes.find((candidate) => candidate.body === '')!;
    expect(noteGuids).not.toContain(qdaGuid('note', tagsOnly.id));
    expect(cut.find((selection) => selection.cut === '市场 square')!.codes).toContain(qdaGuid('code', 'economic-consequences'));
  });

  it('ties the passages of a group or difference note together by a case, with links from the note', () => {
    const cut = selections(document, project.sources);
    for (const kind of ['group', 'difference'] as const) {
      const note = notes.find((candidate) => candidate.target.kind === kind)!;
      const item = input.comparisons[0]!;
      const place = placesOf(item).find((candidate) => candidate.note.id === note.id)!;
      const quotes = anchorRows(item, place).map((row) => row.quote);
      const kase = all(document, 'Case').find((element) => attr(element, 'guid') === qdaGuid('note-passages', note.id))!;
      expect(kase, `the case of the ${kind} note`).toBeDefined();
      const members = all(kase, 'SelectionRef').map((ref) => cut.find((selection) => attr(selection.element, 'guid') === attr(ref, 'targetGUID'))!);
      expect(members.map((member) => member.cut).sort()).toEqual([...new Set(quotes)].sort());
      for (const member of members) expect(member.codes).toContain(qdaGuid('parallax', 'note'));
      const noteGuid = qdaGuid('note', note.id);
      expect(members.filter((member) => member.notes.includes(noteGuid))).toHaveLength(1);
      const linked = all(document, 'Link').filter((link) => attr(link, 'originGUID') === noteGuid).map((link) => attr(link, 'targetGUID'));
      expect(linked.sort()).toEqual(members.filter((member) => !member.notes.includes(noteGuid)).map((member) => attr(member.element, 'guid')).sort());
    }
  });

  it('makes each aligned passage a case of its paragraphs', () => {
    const cases = all(document, 'Case').filter((element) => attr(element, 'name').startsWith('Aligned passage'));
    expect(cases).toHaveLength(comparison.groups.length);
    const paragraphs = comparison.groups[0]!.members.reduce((sum, member) => sum + member.paragraphs.length, 0);
    expect(all(cases[0]!, 'SelectionRef')).toHaveLength(paragraphs);
  });

  it('keeps a note whose passage is gone as a note on the project, with the words it was on', () => {
    const orphan = notes.find((note) => note.body === 'Lost note')!;
    const guid = qdaGuid('note', orphan.id);
    const root = document.documentElement;
    const projectRefs = [...root.children].filter((child) => child.localName === 'NoteRef').map((ref) => attr(ref, 'targetGUID'));
    expect(projectRefs).toEqual([guid]);
    const text = all(document, 'Note').find((element) => attr(element, 'guid') === guid)!.textContent!;
    expect(text).toContain('A sentence nobody wrote 字');
    expect(text).toContain('Codes: Conflict.');
    expect(project.summary.orphans).toBe(1);
  });

  it('gives the same GUIDs when the same material is exported again', () => {
    const again = buildQdaProject({ ...input, exported: '2026-01-01T00:00:00Z', comparisons: [{ ...input.comparisons[0]!, notes: [...notes].reverse() }] });
    const guids = (xml: string) => [...xml.matchAll(/ guid="([^"]+)"/g)].map((match) => match[1]).sort();
    expect(guids(again.xml)).toEqual(guids(project.xml));
    expect(again.sources).toEqual(project.sources);
    // Only the dates of the export differ.
    expect(again.xml.replaceAll('2026-01-01T00:00:00Z', '2025-03-07T10:00:00Z').length).toBe(project.xml.length);
  });

  it('leaves the analysis out when not asked, and holds one source once across comparisons', () => {
    const plain = buildQdaProject({ ...input, includeAnalysis: false });
    const doc = parse(plain.xml);
    expect(all(doc, 'Case').every((element) => !attr(element, 'name').startsWith('Aligned passage'))).toBe(true);
    const parallax = all(doc, 'Code').find((code) => attr(code, 'guid') === PARALLAX_CODE_ROOT)!;
    expect([...parallax.children].filter((child) => child.localName === 'Code').map((code) => attr(code, 'name'))).toEqual(['Note']);
    expect(plain.xml).not.toContain(qdaGuid('parallax', 'kind', 'attribution'));

    const twice = buildQdaProject({
      comparisons: [
        { id: 'one', title: 'One', comparison, notes: [] },
        { id: 'two', title: 'Two', comparison: { ...comparison, documents: comparison.documents.slice(0, 1) }, notes: [] },
      ],
      includeAnalysis: false,
    });
    const twiceDoc = parse(twice.xml);
    expect(all(twiceDoc, 'TextSource')).toHaveLength(2);
    expect(all(twiceDoc, 'Set').map((set) => attr(set, 'name'))).toEqual(['One', 'Two']);
    expect(all(twiceDoc, 'Variable').map((variable) => attr(variable, 'name'))).toContain('Comparison');
    expect(twice.xml).toContain('<TextValue>One; Two</TextValue>');
    expect(all(twiceDoc, 'PlainTextSelection')).toHaveLength(0);
  });
});
