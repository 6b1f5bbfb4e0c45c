import { useId, useMemo, useState, type KeyboardEvent } from 'react';

/** A code a note can be tagged with: its name, and what it means, from the codebook. */
export interface TagCode {
  /** What a note keeps: the code's id. */
  readonly name: string;
  /** What people see; the id when not given. */
  readonly label?: string;
  readonly description?: string;
}

export interface TagPickerProps {
  readonly tags: readonly string[];
  readonly codes: readonly TagCode[];
  readonly onChange: (tags: string[]) => void;
  /** Add a new code to the codebook by its label; its id when kept. Without it, no new codes here. */
  readonly onAddCode?: (label: string) => Promise<string | undefined>;
  readonly label?: string;
}

const MAX_SHOWN = 8;

/**
 * Tags from the codebook: a field that filters the codes as you type (arrow keys and Enter to
 * choose), the chosen tags as chips to remove, and "Add … to the codebook" for a code not in it.
 */
export function TagPicker({ tags, codes, onChange, onAddCode, label = 'Tags' }: TagPickerProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  const inputId = useId();
  const listId = useId();

  const wanted = query.trim();
  const labelOf = (tag: string): string => codes.find((code) => code.name === tag)?.label ?? tag;
  const options = useMemo(() => {
    const q = wanted.toLowerCase();
    const text = (code: TagCode) => `${code.label ?? ''} ${code.name}`.toLowerCase();
    const matches = codes.filter((code) => !tags.includes(code.name) && text(code).includes(q));
    // Codes that start with what was typed first.
    matches.sort((a, b) => Number(!(a.label ?? a.name).toLowerCase().startsWith(q)) - Number(!(b.label ?? b.name).toLowerCase().startsWith(q)));
    const shown: { name: string; label?: string; description?: string; isNew?: boolean }[] = matches.slice(0, MAX_SHOWN);
    if (wanted && onAddCode && !codes.some((code) => code.name.toLowerCase() === q || code.label?.toLowerCase() === q)) {
      shown.push({ name: wanted, isNew: true });
    }
    return shown;
  }, [codes, onAddCode, tags, wanted]);
  const expanded = open && options.length > 0;
  const current = Math.min(active, options.length - 1);

  const choose = async (option: { name: string; isNew?: boolean } | undefined) => {
    if (!option || tags.includes(option.name)) return;
    let id = option.name;
    if (option.isNew) {
      if (!onAddCode || adding) return;
      setAdding(true);
      const kept = await onAddCode(option.name);
      setAdding(false);
      if (!kept) return;
      id = kept;
    }
    if (!tags.includes(id)) onChange([...tags, id]);
    setQuery('');
    setActive(0);
    // Closed again, so the list does not cover the buttons below; typing or ↓ opens it.
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length > 0) setActive((current + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (event.key === 'Enter') {
      // Enter chooses a code; it never submits the note by accident.
      event.preventDefault();
      if (expanded) void choose(options[current]);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && query === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };

  return (
    <div className="tag-picker">
      <label htmlFor={inputId} className="tag-picker__label">
        {label}
      </label>
      {tags.length > 0 && (
        <ul className="tag-picker__chosen" aria-label={`${label} chosen`}>
          {tags.map((tag) => (
            <li key={tag} className="tag">
              {labelOf(tag)}
              <button type="button" className="tag__remove" onClick={() => onChange(tags.filter((t) => t !== tag))} aria-label={`Remove tag ${labelOf(tag)}`}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="tag-picker__field">
        <input
          id={inputId}
          className="input tag-picker__input"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded ? `${listId}-${current}` : undefined}
          value={query}
          placeholder={codes.length > 0 ? 'Type to find a code' : 'Type a code'}
          autoComplete="off"
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label={`Codes for ${label.toLowerCase()}`} className="tag-picker__options" hidden={!expanded}>
          {options.map((option, i) => (
            <li
              key={`${option.isNew ? 'new:' : ''}${option.name}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              className="tag-picker__option"
              // Keep focus in the field while choosing with the mouse.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => void choose(option)}
            >
              {option.isNew ? (
                <>Add “{option.name}” to the codebook</>
              ) : (
                <>
                  <span className="tag-picker__name">{option.label ?? option.name}</span>
                  {option.description && <span className="tag-picker__description"> — {option.description}</span>}
                </>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
