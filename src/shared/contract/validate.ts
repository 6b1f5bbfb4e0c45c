import { z } from 'zod';
import { COMPARISON_SCHEMA, DIFFERENCE_KINDS, LINK_BASES, PARAGRAPH_KINDS, type Comparison } from './comparison.js';

/**
 * A runtime check of the comparison contract: the shape, and that every offset and index points
 * where it should (paragraphs inside their text, groups at existing paragraphs, differences at
 * existing groups, spans inside the paragraphs of their group).
 */
const offset = z.number().int().nonnegative();

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
        .array(
          z.object({
            spans: z.tuple([z.object({ doc: offset, start: offset, end: offset }), z.object({ doc: offset, start: offset, end: offset })]),
            score: z.number().min(0).max(1),
            terms: z.array(z.string()).optional(),
            basis: z.enum(LINK_BASES).optional(),
          }),
        )
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
          rows: z.array(z.object({ doc: offset, paragraph: offset, value: z.number(), text: z.string(), start: offset, end: offset, outlier: z.boolean() }).passthrough()),
        }),
      ),
    })
    .optional(),
  differences: z.array(
    z.object({
      group: z.string(),
      kind: z.enum(DIFFERENCE_KINDS),
      spans: z.array(z.object({ doc: offset, start: offset, end: offset })),
      note: z.string().optional(),
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
  }
  for (const item of comparison.unique ?? []) {
    const grouped = [...groupParagraphs.values()].some((byDoc) => (byDoc.get(item.doc) ?? []).includes(item.paragraph));
    if (grouped || !comparison.documents[item.doc]?.paragraphs[item.paragraph]) problems.push(`unique ${item.doc}:${item.paragraph} is grouped or does not exist`);
  }
  comparison.differences.forEach((difference, i) => {
    if (difference.group === '') {
      // An omission of a whole paragraph that only one source has.
      const ok =
        difference.kind === 'omission' &&
        difference.spans.every((span) =>
          (comparison.unique ?? []).some((item) => {
            const paragraph = comparison.documents[item.doc]?.paragraphs[item.paragraph];
            return item.doc === span.doc && paragraph !== undefined && paragraph.start === span.start && paragraph.end === span.end;
          }),
        );
      if (!ok) problems.push(`differences.${i}: a difference without a group must be the omission of a unique paragraph`);
      return;
    }
    const byDoc = groupParagraphs.get(difference.group);
    if (!byDoc) {
      problems.push(`differences.${i}: no group ${difference.group}`);
      return;
    }
    for (const span of difference.spans) {
      if (!insideGroup(byDoc, span)) problems.push(`differences.${i}: span ${span.doc}:${span.start}-${span.end} is not inside a paragraph of its group`);
    }
  });
  return problems;
}
