import { lexiconSetSchema, ROLE_KINDS, type LexiconKind, type LexiconRole, type LexiconSet, type LexiconTerm, type Polarity } from '../../../shared/contract/lexicon';

/**
 * The word-set form's text, to and from a set: terms are written one a line, with an optional
 * tone after a colon ("claimed: doubt"). Checked with the contract's own schema, so the page says
 * what main would refuse, in the schema's words, beside the field it is about.
 */

/** Kinds of set, in words for people. */
export const KIND_NAMES: Record<LexiconKind, string> = {
  'loaded-term': 'Loaded terms',
  attribution: 'Attribution',
  hedge: 'Hedges',
  label: 'Labels',
};

export interface SetDraft {
  id: string;
  name: string;
  kind: LexiconKind;
  domain: string;
  description: string;
  terms: string;
  /** Carried over from the set edited (the form has no field for it), so that saving keeps it. */
  role?: LexiconRole;
  /** Carried over the same way: which way an evaluative set's words judge. */
  polarity?: Polarity;
  /**
   * What each term has besides its text and tone (`verbOnly`, `notAfter`, `notBefore`), carried over
   * the same way, by the term's text: a term kept keeps it.
   */
  termExtras?: Readonly<Record<string, TermExtras>>;
}

/** A term's fields the form has no field for. */
type TermExtras = Omit<LexiconTerm, 'term' | 'tone'>;

export type DraftField = Exclude<keyof SetDraft, 'role' | 'polarity' | 'termExtras'>;
export type DraftErrors = Partial<Record<DraftField, string>>;

export function draftOf(set: LexiconSet): SetDraft {
  return {
    id: set.id,
    name: set.name,
    kind: set.kind,
    domain: set.domain,
    description: set.description ?? '',
    terms: set.terms.map((term) => (term.tone ? `${term.term}: ${term.tone}` : term.term)).join('\n'),
    ...(set.role ? { role: set.role } : {}),
    ...(set.polarity ? { polarity: set.polarity } : {}),
    ...(set.terms.some((term) => Object.keys(extrasOf(term)).length > 0)
      ? { termExtras: Object.fromEntries(set.terms.filter((term) => Object.keys(extrasOf(term)).length > 0).map((term) => [term.term, extrasOf(term)])) }
      : {}),
  };
}

/** A term's fields besides its text and tone. */
function extrasOf(term: LexiconTerm): TermExtras {
  const { term: _text, tone: _tone, ...extras } = term;
  return extras;
}

export const EMPTY_DRAFT: SetDraft = { id: '', name: '', kind: 'loaded-term', domain: 'general', description: '', terms: '' };

/** An id made from a name: "Harsh words!" → "harsh-words". */
export function idFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** The terms written in the form, one a line; blank lines are skipped. */
export function termsFromText(text: string): { term: string; tone?: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const colon = line.lastIndexOf(':');
      if (colon <= 0) return { term: line };
      const term = line.slice(0, colon).trim();
      const tone = line.slice(colon + 1).trim();
      return tone ? { term, tone } : { term };
    });
}

/**
 * The set the form describes, or what is wrong with it, by field. `takenIds`: the ids of the other
 * sets (a new set may not reuse one).
 */
export function checkDraft(draft: SetDraft, takenIds: ReadonlySet<string>): { ok: true; set: LexiconSet } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const terms = termsFromText(draft.terms).map((term) => {
    const extras = draft.termExtras && Object.hasOwn(draft.termExtras, term.term) ? draft.termExtras[term.term] : undefined;
    return extras ? { ...term, ...extras } : term;
  });
  const candidate = {
    id: draft.id.trim(),
    name: draft.name,
    kind: draft.kind,
    domain: draft.domain,
    ...(draft.description.trim() ? { description: draft.description } : {}),
    // A role is for one kind of set: a set made another kind leaves it behind.
    ...(draft.role && ROLE_KINDS[draft.role] === draft.kind ? { role: draft.role } : {}),
    // …and a polarity is for a set of words that judge.
    ...(draft.polarity && draft.role === 'evaluative' && draft.kind === 'loaded-term' ? { polarity: draft.polarity } : {}),
    terms,
  };
  const parsed = lexiconSetSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as DraftField | undefined;
      if (!field || errors[field]) continue;
      if (field === 'terms') {
        const line = typeof issue.path[1] === 'number' ? `Line ${issue.path[1] + 1}: ` : '';
        errors.terms = terms.length === 0 ? 'Write at least one term, one a line.' : `${line}${issue.message}`;
      } else if (field === 'id' && candidate.id === '') {
        errors.id = 'Give the set an id (it is made from the name).';
      } else {
        errors[field] = issue.message;
      }
    }
  }
  if (!errors.id && takenIds.has(candidate.id)) {
    errors.id = `A set with the id "${candidate.id}" already exists: choose another id, or edit that set.`;
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, set: parsed.data };
}
