/**
 * The rules of the analysis, in the order they run (each in its own file; rule.ts says what a rule
 * is, analyze.ts runs them). Every `rule` id of DIFFERENCE_RULES belongs to exactly one of them.
 *
 * The order is part of the output: on each change of the word diff, a rule that explains it keeps
 * the wording rules (last) from marking it, and differences are listed, and a repeated one kept, in
 * this order.
 */
import type { Rule } from '../rule.js';
import { clauseOneSide } from './clause-one-side.js';
import { creditOneSide } from './credit-one-side.js';
import { factsOneSide } from './facts-one-side.js';
import { figures } from './figures.js';
import { figuresAcross } from './figures-across.js';
import { hedgeContrast } from './hedge-contrast.js';
import { hedgeOneSide } from './hedge-one-side.js';
import { labelForName } from './label-for-name.js';
import { loadedLanguage } from './loaded-language.js';
import { loadedLanguageAlone } from './loaded-language-alone.js';
import { paragraphOneSide } from './paragraph-one-side.js';
import { quote } from './quote.js';
import { setContrast } from './set-contrast.js';
import { tooLong } from './too-long.js';
import { verbContrast } from './verb-contrast.js';
import { wording } from './wording.js';

export const RULES: readonly Rule[] = [
  // Each change between two members of a passage.
  tooLong,
  setContrast,
  creditOneSide,
  hedgeContrast,
  hedgeOneSide,
  labelForName,
  clauseOneSide,
  wording,
  // Each passage as a whole.
  verbContrast,
  loadedLanguage,
  quote,
  figures,
  factsOneSide,
  // The comparison as a whole.
  paragraphOneSide,
  loadedLanguageAlone,
  figuresAcross,
];

export { clauseOneSide, creditOneSide, factsOneSide, figures, figuresAcross, hedgeContrast, hedgeOneSide, labelForName, loadedLanguage, loadedLanguageAlone, paragraphOneSide, quote, setContrast, tooLong, verbContrast, wording };
