import { z } from 'zod';
import { COMPARISON_SCHEMA, DIFFERENCE_KINDS, DIFFERENCE_PARTS, DIFFERENCE_RULES, LINK_BASES, PARAGRAPH_KINDS, type Comparison, type DifferenceKind, type DifferenceRule } from './comparison.js';
import { LOADED_ROLES } from './lexicon.js';

/**
 * A runtime check of the comparison contract: the shape, and that every offset and index points
 * where it should (paragraphs inside their text, groups at existing paragraphs, differences at
 * existing groups, spans inside the paragraphs of their group).
 */
const offset = z.number().int().nonnegative();

/** The kinds of difference each rule finds. */
const RULE_KINDS: Readonly<Record<DifferenceRule, readonly DifferenceKind[]>> = {
  'too-long': ['wording'],
  'set-contrast': ['attribution', 'loaded-term', 'label'],
  'verb-contrast': ['attribution'],
  'credit-one-side': ['attribution'],
  'hedge-contrast': ['hedge'],
  'hedge-one-side': ['hedge'],
  'label-for-name': ['label'],
  'clause-one-side': ['omission'],
  wording: ['wording'],
  quote: ['quote'],
  figures: ['figure'],
  'figure-one-side': ['omission'],
  'name-one-side': ['omission'],
  'loaded-word': ['loaded-term'],
  'loaded-word-quoted': ['loaded-term'],
  'scare-quotes': ['loaded-term'],
  'paragraph-one-side': ['omission'],
  'figures-across': ['figure'],
  'loaded-word-alone': ['loaded-term'],
  'loaded-word-shared': ['loaded-term'],
  'scare-quotes-alone': ['loaded-term'],
};

/** The rules whose differences belong to no group: those of a paragraph only one source has. */
const WITHOUT_GROUP: ReadonlySet<DifferenceRule> = new Set<DifferenceRule>(['paragraph-one-side', 'loaded-word-alone', 'scare-quotes-alone']);

/** A word or phrase on one side of a difference. */
const differenceTerm = z.object({ text: z.string(), set: z.string().optional(), tone: z.string().optional(), role: z.enum(LOADED_ROLES).optional() });

/** A sentence link: a passage's own (`sentences`) or one across passages (`related`). */
const sentenceLinkShape = z.object({
  spans: z.tuple([z.object({ doc: offset, start: offset, end: offset }), z.object({ doc: offset, start: offset, end: offset })]),
  score: z.number().min(0).max(1),
  terms: z.array(z.string()).optional(),
  basis: z.enum(LINK_BASES).optional(),
});

export const comparisonShape = z.object({
  schema: z.literal(COMPARISON_SCHEMA),
  documents: z.array(
    z.object({
      path: z.string(),
      label: z.string(),
      title: z.string(),
      text: z.string(),
      hash: z.string(),
      paragraphs: z.array(z.object({ start: offset, end: offset, kind: z.enum(PARAGRAPH_KINDS) })),
    }),
  ),
  groups: z.array(
    z.object({
      id: z.string().min(1),
      members: z.array(z.object({ doc: offset, paragraphs: z.array(offset).min(1) })).min(2),
      score: z.number().min(0).max(1),
      sentences: z
        .array(sentenceLinkShape)
        .optional(),
      related: z
        .array(sentenceLinkShape)
        .optional(),
    }),
  ),
  unique: z.array(z.object({ doc: offset, paragraph: offset })).optional(),
  threshold: z.number().min(0).max(1).optional(),
  notices: z.array(z.string()).optional(),
  summary: z
    .object({
      sources: z.array(z.object({ doc: offset, counts: z.record(z.string(), z.number()), highlightedShare: z.number().min(0).max(1) }).passthrough()),
      claims: z.array(
        z.object({
          group: z.string(),
          quantity: z.string(),
          rows: z.array(z.object({ doc: offset, paragraph: offset, value: z.number(), text: z.string(), start: offset, end: offset, outlier: z.boolean(), boundText: z.string().optional(), unit: z.string().optional() }).passthrough()),
        }),
      ),
    })
    .optional(),
  differences: z.array(
    z.object({
      group: z.string(),
      kind: z.enum(DIFFERENCE_KINDS),
      spans: z.array(z.object({ doc: offset, start: offset, end: offset })),
      rule: z.enum(DIFFERENCE_RULES).optional(),
      sides: z.array(z.object({ doc: offset, part: z.enum(DIFFERENCE_PARTS), terms: z.array(differenceTerm) })).optional(),
      set: z.object({ id: z.string(), name: z.string() }).optional(),
      evidence: z
        .object({
          link: z.number().min(0).max(1).optional(),
          quote: z.string().optional(),
          quoted: z.boolean().optional(),
          reported: z.boolean().optional(),
          writers: z.number().int().min(2).optional(),
          quantity: z.string().optional(),
          counted: z.string().optional(),
          figures: z.array(z.object({ doc: offset, value: z.number(), text: z.string(), attribution: z.string().optional(), outlier: z.boolean(), unit: z.string().optional(), group: z.string().optional() })).optional(),
        })
        .optional(),
      tooLong: z.literal(true).optional(),
      note: z.string().optional(),
      description: z.string().optional(),
    }),
  ),
});

/** Problems with a comparison, in words; empty when it is valid. */
export function checkComparison(value: unknown): string[] {
  const parsed = comparisonShape.safeParse(value);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const comparison = parsed.data as Comparison;
  const problems: string[] = [];
  comparison.documents.forEach((document, d) => {
    let previousEnd = 0;
    document.paragraphs.forEach((paragraph, p) => {
      if (paragraph.start >= paragraph.end || paragraph.end > document.text.length || paragraph.start < previousEnd) {
        problems.push(`documents.${d}.paragraphs.${p}: range ${paragraph.start}-${paragraph.end} is empty, overlaps or lies outside the text`);
      }
      previousEnd = paragraph.end;
    });
  });
  const groupParagraphs = new Map<string, Map<number, number[]>>();
  for (const group of comparison.groups) {
    if (groupParagraphs.has(group.id)) problems.push(`group id ${group.id} is used twice`);
    const byDoc = new Map<number, number[]>();
    for (const member of group.members) {
      const document = comparison.documents[member.doc];
      if (!document) problems.push(`group ${group.id}: no document ${member.doc}`);
      else if (member.paragraphs.some((p) => p >= document.paragraphs.length)) problems.push(`group ${group.id}: paragraph out of range in document ${member.doc}`);
      byDoc.set(member.doc, [...member.paragraphs]);
    }
    groupParagraphs.set(group.id, byDoc);
  }
  const insideGroup = (byDoc: Map<number, number[]>, span: { doc: number; start: number; end: number }): boolean => {
    const document = comparison.documents[span.doc];
    return (byDoc.get(span.doc) ?? []).some((p) => {
      const paragraph = document?.paragraphs[p];
      return paragraph !== undefined && span.start >= paragraph.start && span.end <= paragraph.end && span.start < span.end;
    });
  };
  for (const group of comparison.groups) {
    const byDoc = groupParagraphs.get(group.id)!;
    (group.sentences ?? []).forEach((link, i) => {
      for (const span of link.spans) {
        if (!insideGroup(byDoc, span)) problems.push(`group ${group.id}: sentence link ${i} span ${span.doc}:${span.start}-${span.end} is not inside a paragraph of the group`);
      }
    });
    (group.related ?? []).forEach((link, i) => {
      const inside = link.spans.filter((span) => insideGroup(byDoc, span)).length;
      const inDocument = link.spans.every((span) => comparison.documents[span.doc]?.paragraphs.some((paragraph) => span.start >= paragraph.start && span.end <= paragraph.end && span.start < span.end));
      if (inside !== 1 || !inDocument) problems.push(`group ${group.id}: related link ${i} does not join a sentence of the group to one outside it`);
    });
  }
  for (const item of comparison.unique ?? []) {
    const grouped = [...groupParagraphs.values()].some((byDoc) => (byDoc.get(item.doc) ?? []).includes(item.paragraph));
    if (grouped || !comparison.documents[item.doc]?.paragraphs[item.paragraph]) problems.push(`unique ${item.doc}:${item.paragraph} is grouped or does not exist`);
  }
  const insideUnique = (span: { doc: number; start: number; end: number }): boolean =>
    (comparison.unique ?? []).some((item) => {
      const paragraph = comparison.documents[item.doc]?.paragraphs[item.paragraph];
      return item.doc === span.doc && paragraph !== undefined && span.start >= paragraph.start && span.end <= paragraph.end && span.start < span.end;
    });
  comparison.differences.forEach((difference, i) => {
    // What it is: a rule that finds its kind, and sides (and figures) at sources that exist, each once.
    if (difference.rule !== undefined) {
      if (!RULE_KINDS[difference.rule].includes(difference.kind)) problems.push(`differences.${i}: rule ${difference.rule} does not find ${difference.kind} differences`);
      if (WITHOUT_GROUP.has(difference.rule) !== (difference.group === '')) problems.push(`differences.${i}: only rules paragraph-one-side, loaded-word-alone and scare-quotes-alone are without a group`);
      if ((difference.rule === 'too-long') !== (difference.tooLong === true)) problems.push(`differences.${i}: tooLong goes with rule too-long, and only with it`);
      if (!difference.sides || difference.sides.length === 0) problems.push(`differences.${i}: rule ${difference.rule} without sides`);
    }
    const docs = [...(difference.sides ?? []).map((side) => side.doc), ...(difference.evidence?.figures ?? []).map((figure) => figure.doc)];
    for (const doc of docs) if (!comparison.documents[doc]) problems.push(`differences.${i}: no document ${doc}`);
    const sideDocs = (difference.sides ?? []).map((side) => side.doc);
    if (new Set(sideDocs).size !== sideDocs.length) problems.push(`differences.${i}: a source on two sides`);
    if (difference.group === '') {
      if (difference.rule === 'loaded-word-alone' || difference.rule === 'scare-quotes-alone') {
        // A loaded word, or words in scare quotes, in a paragraph only its source has.
        const placed = difference.spans.every((span) => insideUnique(span) && (difference.sides ?? []).some((side) => side.doc === span.doc));
        if (difference.spans.length === 0 || !placed) problems.push(`differences.${i}: a loaded word without a group must lie inside a paragraph only its source has`);
        return;
      }
      // An omission of a whole paragraph that only one source has.
      const ok =
        difference.kind === 'omission' &&
        difference.spans.every((span) =>
          (comparison.unique ?? []).some((item) => {
            const paragraph = comparison.documents[item.doc]?.paragraphs[item.paragraph];
            return item.doc === span.doc && paragraph !== undefined && paragraph.start === span.start && paragraph.end === span.end;
          }),
        );
      if (!ok) problems.push(`differences.${i}: a difference without a group must be the omission of a unique paragraph, or a loaded word inside one`);
      return;
    }
    const byDoc = groupParagraphs.get(difference.group);
    if (!byDoc) {
      problems.push(`differences.${i}: no group ${difference.group}`);
      return;
    }
    if (difference.rule === 'figures-across') {
      // Its first span in its group; the others in any passage, or in a paragraph only their source has.
      const first = difference.spans[0];
      if (!first || !insideGroup(byDoc, first)) problems.push(`differences.${i}: the first span of a figure across passages is not inside a paragraph of its group`);
      for (const span of difference.spans.slice(1)) {
        const placed = [...groupParagraphs.values()].some((other) => insideGroup(other, span)) || insideUnique(span);
        if (!placed) problems.push(`differences.${i}: span ${span.doc}:${span.start}-${span.end} is neither in a passage nor in a paragraph only its source has`);
      }
      return;
    }
    for (const span of difference.spans) {
      if (!insideGroup(byDoc, span)) problems.push(`differences.${i}: span ${span.doc}:${span.start}-${span.end} is not inside a paragraph of its group`);
    }
    if (difference.rule === 'loaded-word-shared') {
      // The word in each source that shares it: two sources or more, each with its words (its own,
      // or quoted) and a span.
      const sides = difference.sides ?? [];
      const ok =
        sides.length >= 2 &&
        sides.every((side) => (side.part === 'has' || side.part === 'quotes') && side.terms.length > 0 && difference.spans.some((span) => span.doc === side.doc)) &&
        difference.spans.every((span) => sides.some((side) => side.doc === span.doc));
      if (!ok) problems.push(`differences.${i}: a shared loaded word needs two sources or more, each with the word and a span`);
    }
  });
  return problems;
}
