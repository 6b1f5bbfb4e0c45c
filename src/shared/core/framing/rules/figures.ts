/**
 * Figures: what each member of a passage gives for the same quantity (the first figure each gives
 * for it), where they give different values, with a figure far out of line flagged ("140 killed"
 * against 11 and 14).
 */
import type { Difference } from '../../../contract/comparison.js';
import { isOutlier, type Figure } from '../figures.js';
import { hasSide, type PassageRule } from '../rule.js';

export const figures: PassageRule = {
  name: 'figures',
  scope: 'passage',
  produces: ['figures'],
  kinds: ['figure'],
  find(passage) {
    const byQuantity = new Map<string, Figure[]>();
    for (const figure of passage.figures) {
      const list = byQuantity.get(figure.quantity) ?? [];
      // The first figure each member gives for a quantity.
      if (!list.some((f) => f.doc === figure.doc)) list.push(figure);
      byQuantity.set(figure.quantity, list);
    }
    const differences: Difference[] = [];
    for (const [quantity, list] of byQuantity) {
      if (list.length < 2 || new Set(list.map((f) => f.value)).size < 2) continue;
      const outliers = new Set(list.filter((f) => isOutlier(f.value, list.filter((o) => o !== f).map((o) => o.value))));
      differences.push({
        group: passage.group.id,
        kind: 'figure',
        spans: list.map((f) => ({ doc: f.doc, start: f.start, end: f.end })),
        rule: 'figures',
        sides: list.map((f) => hasSide(f.doc, [{ text: f.text }])),
        evidence: {
          quantity,
          counted: list[0]!.counted,
          figures: list.map((f) => ({ doc: f.doc, value: f.value, text: f.text, ...(f.attribution ? { attribution: f.attribution } : {}), outlier: outliers.has(f) })),
        },
      });
    }
    return { differences };
  },
};
