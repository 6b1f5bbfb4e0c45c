import type { Comparison, Difference } from '../../src/shared/contract/comparison.js';
import { describeDifference, labelNamer } from '../../src/shared/core/describe.js';

/**
 * A difference in words as the command line and the report say it, naming the sources by their
 * labels: what tests read where they check the wording people see.
 */
export function said(comparison: Pick<Comparison, 'documents'>, difference: Difference): string {
  return describeDifference(difference, labelNamer(comparison.documents));
}
