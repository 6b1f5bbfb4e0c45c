import { useId, useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import { TagPicker, type TagCode } from './TagPicker';

export interface NoteEditorProps {
  /** The field's label: "Add a note", "Edit note". */
  readonly label: string;
  readonly initialBody?: string;
  readonly initialTags?: readonly string[];
  readonly placeholder?: string;
  readonly codes: readonly TagCode[];
  readonly onAddCode?: (label: string) => Promise<string | undefined>;
  /** Save; true when main kept it (the editor then empties itself, or closes). */
  readonly onSave: (body: string, tags: string[]) => Promise<boolean>;
  readonly onCancel?: () => void;
  readonly saveLabel?: string;
  readonly fieldRef?: Ref<HTMLTextAreaElement>;
}

/** A note's body (with its light formatting) and its tags, saved with the button or Ctrl+Enter. */
export function NoteEditor({ fieldRef, ...props }: NoteEditorProps) {
  const [body, setBody] = useState(props.initialBody ?? '');
  const [tags, setTags] = useState<string[]>([...(props.initialTags ?? [])]);
  const [saving, setSaving] = useState(false);
  const fieldId = useId();
  const hintId = useId();

  const save = async () => {
    if (saving || body.trim() === '') return;
    setSaving(true);
    const saved = await props.onSave(body.trim(), tags);
    setSaving(false);
    if (saved && props.initialBody === undefined) {
      setBody('');
      setTags([]);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape' && props.onCancel) {
      event.preventDefault();
      props.onCancel();
    }
  };

  return (
    <form className="notes__form" onSubmit={onSubmit}>
      <label htmlFor={fieldId} className="notes__label">
        {props.label}
      </label>
      <textarea
        id={fieldId}
        ref={fieldRef}
        className="notes__field"
        value={body}
        rows={5}
        aria-describedby={hintId}
        placeholder={props.placeholder}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={hintId} className="notes__hint">
        **bold**, *italic*, lines starting “- ” make a list. Ctrl+Enter to save.
      </p>
      <TagPicker tags={tags} codes={props.codes} onChange={setTags} onAddCode={props.onAddCode} />
      <div className="notes__actions">
        {props.onCancel ? (
          <button type="button" className="button button--quiet" onClick={props.onCancel}>
            Cancel
          </button>
        ) : (
          <span />
        )}
        <button type="submit" className="button button--primary" disabled={saving || body.trim() === ''}>
          {saving ? 'Saving…' : (props.saveLabel ?? 'Save note')}
        </button>
      </div>
    </form>
  );
}
