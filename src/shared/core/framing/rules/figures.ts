/**
 * Figures: what each member of a passage gives for the same quantity (the first figure each gives
 * for it), where they give different values, with a figure far out of line flagged ("140 killed"
 * against 11 and 14), and one twenty times the others or more left out as a count of something
 * else. Money and shares name no thing counted ("$750,000" spent in all, "$43,000"
 * for a watch): each member's figure closest to the others' is taken, and they are compared only
 * when all are within a factor of 3 (two sums or shares further apart in one passage are of
 * different things: "23 percent" of one group, "74 percent" of another).
 */
import type { Difference } from '../../../contract/comparison.js';
import { BARE_UNITS, isOutlier, ofSomethingElse, sameValue, type Figure } from '../figures.js';
import { hasSide, type PassageRule } from '../rule.js';
import { contextOf, sameOwners } from './figures-across.js';

/** The furthest apart two sums or shares of one passage may be and still be compared. */
const BARE_RATIO = 3;

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
    for (const quantity of byQuantity.keys()) {
      if (!BARE_UNITS.has(quantity)) continue;
      const all = passage.figures.filter((f) => f.quantity === quantity && f.value > 0);
      const apart = (x: Figure, y: Figure): number => Math.max(x.value, y.value) / Math.min(x.value, y.value);
      // Each member's figure nearest to one another member gives.
      const nearest = [...new Set(all.map((f) => f.doc))].map((doc) => {
        const mine = all.filter((f) => f.doc === doc);
        const others = all.filter((f) => f.doc !== doc);
        const distance = (f: Figure): number => Math.min(Infinity, ...others.map((o) => apart(f, o)));
        return mine.reduce((best, f) => (distance(f) < distance(best) ? f : best));
      });
      const values = nearest.map((f) => f.value);
      // …and only when each two say what they are about in a shared word ("a $43,000 Rolex watch",
      // "58 percent of voters"): two shares or sums in one passage are often of different things.
      const contexts = nearest.map((f) => contextOf(f, passage.documents));
      const aboutTheSame = contexts.every((mine, i) => contexts.every((theirs, j) => i === j || [...mine].some((word) => theirs.has(word))));
      // …and not where each member also gives the value the others' figure says ("Romney leads at
      // 21 percent, Trump and Huckabee at 17" against "Trump at 17 percent, Romney leads at 21"):
      // both list the same shares, each first naming another.
      const listedByAll = nearest.every((f) => nearest.every((g) => g.doc === f.doc || all.some((o) => o.doc === g.doc && sameValue(o, f))));
      byQuantity.set(quantity, values.length > 0 && Math.max(...values) / Math.min(...values) <= BARE_RATIO && aboutTheSame && !listedByAll ? nearest : []);
    }
    // A count is compared only between members that say what it is about in a shared word of its
    // clause ("the tremor lasted 10 seconds" and "lasted 30 seconds"), as sums and shares are: a passage
    // often counts one noun for different things ("missing 10 of the Saints' 16 games" against "793
    // yards in 14 games"; "a town of 15,000 people" against "killing 612 people"). Deaths are the
    // exception, told in words of their own ("killed", "died", "lost their lives") that the
    // quantity already holds.
    for (const [quantity, list] of byQuantity) {
      if (BARE_UNITS.has(quantity) || quantity === 'killed' || list.length < 2) continue;
      const contexts = list.map((f) => contextOf(f, passage.documents, true));
      // …and do not each name someone else they are of ("Earl Clark finished with 25 points" is
      // not "Will Walker netted 13 points").
      const share = (i: number, j: number): boolean =>
        [...contexts[i]!].some((word) => contexts[j]!.has(word)) && sameOwners(list[i]!, list[j]!, passage.documents, false);
      // The largest set of members linked by shared words (each to one of the others), the first
      // member's on a tie: the figures that are about one thing.
      const component = new Int32Array(list.length).fill(-1);
      for (let i = 0; i < list.length; i++) {
        if (component[i]! >= 0) continue;
        component[i] = i;
        const stack = [i];
        while (stack.length > 0) {
          const at = stack.pop()!;
          for (let j = 0; j < list.length; j++) {
            if (component[j]! < 0 && share(at, j)) {
              component[j] = i;
              stack.push(j);
            }
          }
        }
      }
      const sizes = new Map<number, number>();
      for (const c of component) sizes.set(c, (sizes.get(c) ?? 0) + 1);
      const largest = [...sizes].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
      byQuantity.set(
        quantity,
        list.filter((_f, i) => component[i] === largest),
      );
    }
    const differences: Difference[] = [];
    for (const [quantity, found] of byQuantity) {
      // A count twenty times the others' or more is of something else (see ofSomethingElse).
      const list = found.filter((f) => !ofSomethingElse(f.value, found.filter((o) => o !== f).map((o) => o.value)));
      // The same value in every member is no difference, in one unit or in two ("nearly 200 feet"
      // against "60 metres").
      if (list.length < 2 || list.every((f) => sameValue(f, list[0]!))) continue;
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
          figures: list.map((f) => ({ doc: f.doc, value: f.value, text: f.text, ...(f.attribution ? { attribution: f.attribution } : {}), outlier: outliers.has(f), ...(f.unit ? { unit: f.unit } : {}) })),
        },
      });
    }
    return { differences };
  },
};
