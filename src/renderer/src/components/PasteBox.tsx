import { useEffect, useId, useRef, useState, type ClipboardEvent, type FormEvent } from 'react';

export interface PasteBoxProps {
  /** Add what was pasted (or typed) as a new source. */
  readonly onAdd: (paste: { text: string; html?: string }) => void;
  readonly onClose: () => void;
}

/**
 * A box to paste an article into. Pasting adds it at once, with the clipboard's HTML when it has
 * some (main reads that like a web page); typed text is added with the button.
 */
export function PasteBox({ onAdd, onClose }: PasteBoxProps) {
  const [draft, setDraft] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();
  const hintId = useId();
  useEffect(() => field.current?.focus(), []);

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const text = event.clipboardData.getData('text/plain');
    const html = event.clipboardData.getData('text/html');
    if (draft.trim() !== '' || (text.trim() === '' && html.trim() === '')) return; // pasting into a draft: let it edit
    event.preventDefault();
    onAdd(html.trim() ? { text, html } : { text });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim()) onAdd({ text: draft });
  };

  return (
    <section className="paste-box" aria-labelledby={`${fieldId}-title`}>
      <form
        className="paste-box__form"
        onSubmit={onSubmit}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          }
        }}
      >
        <h2 id={`${fieldId}-title`} className="paste-box__title">
          Paste an article
        </h2>
        <label htmlFor={fieldId} className="visually-hidden">
          Article text
        </label>
        <textarea
          id={fieldId}
          ref={field}
          className="paste-box__field"
          rows={4}
          value={draft}
          aria-describedby={hintId}
          placeholder="Paste the article here (Ctrl+V or ⌘V). You can also paste anywhere in the window."
          onChange={(event) => setDraft(event.target.value)}
          onPaste={onPaste}
        />
        <div className="paste-box__actions">
          <span id={hintId} className="paste-box__hint">
            Copied from a web page, it keeps only the article’s text. Parallax saves it in its data folder, so you can open it again from Recent.
          </span>
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={draft.trim() === ''}>
            Add as a source
          </button>
        </div>
      </form>
    </section>
  );
}
