export { alignDocuments, DEFAULT_ALIGN_THRESHOLD, type AlignOptions } from './align.js';
export { compareDocuments, type CompareOptions } from './compare.js';
export { labelFromPath, makeSourceDocument, type SourceInput } from './document.js';
export { formatComparison, sourceLetter, type FormatOptions } from './format.js';
export { hashText } from './hash.js';
export { classifyParagraphs, segmentText, splitParagraphs, type TextRange } from './segment.js';
export { foldWord, stem, STOP_WORDS, tokenize, type Token } from './text.js';
export { wordingDifferences, type WordingOptions } from './wording.js';
export { applySourcePreferences, paragraphKey, type SourceBlock, type SourcePreferences } from './document.js';
