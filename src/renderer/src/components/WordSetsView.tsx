import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { LexiconState } from '../../../shared/contract/api';
import { LEXICON_KINDS, type LexiconSet } from '../../../shared/contract/lexicon';
import { checkDraft, draftOf, EMPTY_DRAFT, idFromName, KIND_NAMES, type DraftErrors, type DraftField, type SetDraft } from '../lib/wordSets';

export interface WordSetsViewProps {
  /** `null` while the sets are loading. */
  readonly lexicon: LexiconState | null;
  /** Add or replace a set; true when it was kept (the form then closes). */
  readonly onSave: (set: LexiconSet) => Promise<boolean>;
  readonly onRemove: (set: LexiconSet) => void;
  readonly onReset: () => void;
  readonly onExport: () => void;
  readonly onImport: () => void;
}

/** Domains in the order the default lexicon introduces them; others follow by name. */
function groupByDomain(sets: readonly LexiconSet[]): [string, LexiconSet[]][] {
  const groups = new Map<string, LexiconSet[]>();
  for (const set of sets) groups.set(set.domain, [...(groups.get(set.domain) ?? []), set]);
  return [...groups.entries()];
}

/**
 * The word sets that classify differences (reporting verbs, hedges, loaded terms, labels): read
 * them, add, edit and remove sets, go back to the default ones, and export or import them.
 */
export function WordSetsView({ lexicon, onSave, onRemove, onReset, onExport, onImport }: WordSetsViewProps) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const sets = useMemo(() => lexicon?.lexicon.sets ?? [], [lexicon]);
  const groups = useMemo(() => groupByDomain(sets), [sets]);
  const domains = useMemo(() => [...new Set(sets.map((set) => set.domain))], [sets]);
  const listId = useId();

  return (
    <section className="word-sets" aria-labelledby="word-sets-heading">
      <div className="word-sets__inner">
        <div className="word-sets__top">
          <div>
            <h1 id="word-sets-heading" className="recent__heading">
              Word sets
            </h1>
            <p className="recent__lede word-sets__lede">
              Parallax tells differences apart with these sets: two members of one set used for the same thing (“said” and “claimed”) are
              a difference of that kind. Changes apply to the comparison on screen at once.
            </p>
          </div>
          <div className="word-sets__actions">
            <button type="button" className="button button--primary" onClick={() => setAdding(true)} disabled={adding || lexicon === null}>
              Add a set…
            </button>
            <button type="button" className="button" onClick={onImport}>
              Import…
            </button>
            <button type="button" className="button" onClick={onExport} disabled={lexicon === null}>
              Export…
            </button>
            <button type="button" className="button button--quiet" onClick={() => setConfirmReset(true)} disabled={!lexicon?.changed || confirmReset}>
              Reset to default
            </button>
          </div>
        </div>

        {confirmReset && (
          <div className="word-sets__confirm" role="group" aria-label="Reset the word sets">
            <p>Go back to the default word sets? The sets you added, edited or removed are forgotten (export them first to keep a copy).</p>
            <button
              type="button"
              className="button button--primary"
              autoFocus
              onClick={() => {
                setConfirmReset(false);
                onReset();
              }}
            >
              Reset to default
            </button>
            <button type="button" className="button" onClick={() => setConfirmReset(false)}>
              Keep my changes
            </button>
          </div>
        )}

        {adding && (
          <SetEditor
            title="New word set"
            initial={EMPTY_DRAFT}
            isNew
            takenIds={new Set(sets.map((set) => set.id))}
            domainsListId={listId}
            onSave={onSave}
            onClose={() => setAdding(false)}
          />
        )}
        <datalist id={listId}>
          {domains.map((domain) => (
            <option key={domain} value={domain} />
          ))}
        </datalist>

        {lexicon === null ? (
          <p className="recent__empty" role="status">
            Loading…
          </p>
        ) : sets.length === 0 ? (
          <p className="recent__empty">There are no word sets: differences are shown, but not told apart by kind. Add a set, import a file, or reset to the default.</p>
        ) : (
          groups.map(([domain, members]) => (
            <section key={domain} className="word-sets__domain" aria-labelledby={`domain-${idFromName(domain)}`}>
              <h2 id={`domain-${idFromName(domain)}`} className="word-sets__domain-title">
                {domain}
              </h2>
              <ul className="word-sets__list">
                {members.map((set) =>
                  editing === set.id ? (
                    <li key={set.id}>
                      <SetEditor
                        title={`Edit “${set.name}”`}
                        initial={draftOf(set)}
                        isNew={false}
                        takenIds={new Set()}
                        domainsListId={listId}
                        onSave={onSave}
                        onClose={() => setEditing(null)}
                      />
                    </li>
                  ) : (
                    <WordSetCard key={set.id} set={set} onEdit={() => setEditing(set.id)} onRemove={() => onRemove(set)} />
                  ),
                )}
              </ul>
            </section>
          ))
        )}
      </div>
    </section>
  );
}

function WordSetCard({ set, onEdit, onRemove }: { set: LexiconSet; onEdit: () => void; onRemove: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const headingId = `set-${set.id}`;
  return (
    <li className="word-set" aria-labelledby={headingId}>
      <div className="word-set__head">
        <h3 id={headingId} className="word-set__name">
          {set.name}
        </h3>
        <span className={`word-set__kind word-set__kind--${set.kind}`}>{KIND_NAMES[set.kind]}</span>
        <span className="word-set__actions">
          <button type="button" className="button button--quiet button--small" onClick={onEdit}>
            Edit<span className="visually-hidden"> {set.name}</span>
          </button>
          <button type="button" className="button button--quiet button--small" onClick={() => setConfirming(true)} disabled={confirming}>
            Remove<span className="visually-hidden"> {set.name}</span>
          </button>
        </span>
      </div>
      {set.description && <p className="word-set__description">{set.description}</p>}
      <ul className="word-set__terms" aria-label={`Terms of ${set.name}`}>
        {set.terms.map((term, i) => (
          <li key={`${term.term}-${i}`} className="term-chip">
            {term.term}
            {term.tone && <span className="term-chip__tone"> · {term.tone}</span>}
          </li>
        ))}
      </ul>
      {confirming && (
        <div className="word-set__confirm" role="group" aria-label={`Remove ${set.name}`}>
          <p>Remove “{set.name}”? Comparisons stop using it. A default set comes back with Reset to default.</p>
          <button
            type="button"
            className="button button--small button--primary"
            autoFocus
            onClick={() => {
              setConfirming(false);
              onRemove();
            }}
          >
            Remove
          </button>
          <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      )}
    </li>
  );
}

interface SetEditorProps {
  readonly title: string;
  readonly initial: SetDraft;
  /** A new set: its id is made from its name until the person writes one, and may not be taken. */
  readonly isNew: boolean;
  readonly takenIds: ReadonlySet<string>;
  readonly domainsListId: string;
  readonly onSave: (set: LexiconSet) => Promise<boolean>;
  readonly onClose: () => void;
}

const FIELD_ORDER: readonly DraftField[] = ['name', 'id', 'kind', 'domain', 'description', 'terms'];

function SetEditor({ title, initial, isNew, takenIds, domainsListId, onSave, onClose }: SetEditorProps) {
  const [draft, setDraft] = useState<SetDraft>(initial);
  const [idTouched, setIdTouched] = useState(!isNew);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const base = useId();
  const fieldId = (field: DraftField) => `${base}-${field}`;

  const change = (field: DraftField, value: string) => {
    setDraft((current) => {
      const next = { ...current, [field]: value } as SetDraft;
      if (field === 'name' && !idTouched) next.id = idFromName(value);
      return next;
    });
    if (errors[field]) setErrors(({ [field]: _gone, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkDraft(draft, takenIds);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = FIELD_ORDER.find((field) => checked.errors[field]);
      if (first) form.current?.querySelector<HTMLElement>(`#${CSS.escape(fieldId(first))}`)?.focus();
      return;
    }
    setSaving(true);
    const saved = await onSave(checked.set);
    setSaving(false);
    if (saved) onClose();
  };

  const describedBy = (field: DraftField, hint?: string): string | undefined =>
    [errors[field] ? `${fieldId(field)}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;
  const error = (field: DraftField) =>
    errors[field] ? (
      <p id={`${fieldId(field)}-error`} className="set-editor__error">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form
      ref={form}
      className="set-editor"
      aria-labelledby={`${base}-title`}
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <h2 id={`${base}-title`} className="set-editor__title">
        {title}
      </h2>
      <div className="set-editor__grid">
        <div className="set-editor__field">
          <label htmlFor={fieldId('name')}>Name</label>
          <input
            id={fieldId('name')}
            className="set-editor__input"
            value={draft.name}
            autoFocus
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy('name')}
            onChange={(event) => change('name', event.target.value)}
          />
          {error('name')}
        </div>
        <div className="set-editor__field">
          <label htmlFor={fieldId('id')}>Id</label>
          <input
            id={fieldId('id')}
            className="set-editor__input set-editor__input--mono"
            value={draft.id}
            readOnly={!isNew}
            aria-invalid={errors.id ? true : undefined}
            aria-describedby={describedBy('id', `${fieldId('id')}-hint`)}
            onChange={(event) => {
              setIdTouched(true);
              change('id', event.target.value);
            }}
          />
          <p id={`${fieldId('id')}-hint`} className="set-editor__hint">
            {isNew ? 'Lower-case words joined by hyphens; a set with the id of a default set replaces it.' : 'The id stays; it names the set in exported files.'}
          </p>
          {error('id')}
        </div>
        <div className="set-editor__field">
          <label htmlFor={fieldId('kind')}>Kind</label>
          <select
            id={fieldId('kind')}
            className="set-editor__input"
            value={draft.kind}
            aria-invalid={errors.kind ? true : undefined}
            aria-describedby={describedBy('kind')}
            onChange={(event) => change('kind', event.target.value)}
          >
            {LEXICON_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_NAMES[kind]}
              </option>
            ))}
          </select>
          {error('kind')}
        </div>
        <div className="set-editor__field">
          <label htmlFor={fieldId('domain')}>Domain</label>
          <input
            id={fieldId('domain')}
            className="set-editor__input"
            value={draft.domain}
            list={domainsListId}
            aria-invalid={errors.domain ? true : undefined}
            aria-describedby={describedBy('domain')}
            onChange={(event) => change('domain', event.target.value)}
          />
          {error('domain')}
        </div>
        <div className="set-editor__field set-editor__field--wide">
          <label htmlFor={fieldId('description')}>
            Description <span className="set-editor__optional">(optional)</span>
          </label>
          <textarea
            id={fieldId('description')}
            className="set-editor__input"
            rows={2}
            value={draft.description}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={describedBy('description')}
            onChange={(event) => change('description', event.target.value)}
          />
          {error('description')}
        </div>
        <div className="set-editor__field set-editor__field--wide">
          <label htmlFor={fieldId('terms')}>Terms</label>
          <textarea
            id={fieldId('terms')}
            className="set-editor__input set-editor__input--terms"
            rows={6}
            value={draft.terms}
            aria-invalid={errors.terms ? true : undefined}
            aria-describedby={describedBy('terms', `${fieldId('terms')}-hint`)}
            onChange={(event) => change('terms', event.target.value)}
          />
          <p id={`${fieldId('terms')}-hint`} className="set-editor__hint">
            One a line, in any form (“claim” also finds “claimed”). A tone after a colon says what the choice signals: “claimed: doubt”.
          </p>
          {error('terms')}
        </div>
      </div>
      <div className="set-editor__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {isNew ? 'Add set' : 'Save set'}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
