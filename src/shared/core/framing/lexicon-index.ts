import type { Lexicon, LexiconKind } from '../../contract/lexicon.js';
import { foldWord, stem, tokenize, type Token } from '../text.js';

/** One term of the lexicon, ready to match: the stems of its words. */
export interface IndexedTerm {
  readonly setId: string;
  readonly setName: string;
  readonly kind: LexiconKind;
  readonly term: string;
  readonly tone?: string;
  readonly stems: readonly string[];
}

/** A term found in a text: which one, and the tokens it covers (end exclusive). */
export interface TermMatch {
  readonly term: IndexedTerm;
  readonly from: number;
  readonly to: number;
}

/** The lexicon's terms indexed by the stem of their first word, longest terms first. */
export interface LexiconIndex {
  readonly byFirstStem: ReadonlyMap<string, readonly IndexedTerm[]>;
  readonly setCount: number;
}

const stemOf = (word: string): string => stem(foldWord(word));
/** Marks a gap of up to MAX_GAP words inside a term. */
const GAP = '\u0000gap';
const MAX_GAP = 4;

/** Match term stems (with gaps) at token i; the end of the match, or -1. */
function matchAt(termStems: readonly string[], stems: readonly string[], i: number, to: number): number {
  let at = i;
  for (let k = 0; k < termStems.length; k++) {
    const wanted = termStems[k]!;
    if (wanted === GAP) {
      const next = termStems[k + 1];
      if (next === undefined) return -1;
      let found = -1;
      for (let skip = 0; skip <= MAX_GAP && at + skip < to; skip++) {
        if (stems[at + skip] === next) {
          found = at + skip;
          break;
        }
      }
      if (found < 0) return -1;
      at = found;
      continue;
    }
    if (at >= to || stems[at] !== wanted) return -1;
    at++;
  }
  return at;
}

export function indexLexicon(lexicon: Lexicon | undefined): LexiconIndex {
  const byFirstStem = new Map<string, IndexedTerm[]>();
  for (const set of lexicon?.sets ?? []) {
    for (const entry of set.terms) {
      // "…" (or "...") in a term stands for up to four words: "claimed … lives".
      const stems = entry.term
        .split(/\s*(?:…|\.\.\.)\s*/)
        .flatMap((part, i) => [...(i > 0 ? [GAP] : []), ...tokenize(part).map((token) => stemOf(token.norm))]);
      if (stems.length === 0) continue;
      const indexed: IndexedTerm = { setId: set.id, setName: set.name, kind: set.kind, term: entry.term, ...(entry.tone ? { tone: entry.tone } : {}), stems };
      const list = byFirstStem.get(stems[0]!) ?? [];
      list.push(indexed);
      byFirstStem.set(stems[0]!, list);
    }
  }
  for (const list of byFirstStem.values()) list.sort((x, y) => y.stems.length - x.stems.length);
  // Terms are matched by their words' stems; the comparison key of a term ignores its gaps.
  return { byFirstStem, setCount: lexicon?.sets.length ?? 0 };
}

/** The stems of tokens, computed once per token list. */
export function stemsOf(tokens: readonly Pick<Token, 'norm'>[]): string[] {
  return tokens.map((token) => stemOf(token.norm));
}

/**
 * Every lexicon term in a run of tokens, longest match first, not overlapping. `stems` are the
 * tokens' stems (from `stemsOf`).
 */
export function findTerms(index: LexiconIndex, stems: readonly string[], from = 0, to = stems.length): TermMatch[] {
  const matches: TermMatch[] = [];
  let i = from;
  while (i < to) {
    const candidates = index.byFirstStem.get(stems[i]!);
    let found: TermMatch | null = null;
    for (const term of candidates ?? []) {
      const end = matchAt(term.stems, stems, i, to);
      if (end > 0) {
        found = { term, from: i, to: end };
        break;
      }
    }
    if (found) {
      matches.push(found);
      i = found.to;
    } else {
      i++;
    }
  }
  return matches;
}
