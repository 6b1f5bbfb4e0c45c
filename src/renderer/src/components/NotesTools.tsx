import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { CodebookImportResult, CodebookState, NoteExportFormat, SettingsState } from '../../../shared/contract/api';
import { CODE_ID_PATTERN, type Codebook, type CodebookCode } from '../../../shared/contract/codebook';
import { EXPORT_FORMATS, type ExportChoices } from '../hooks/useNotesTools';

/** A modal dialog (the browser's own: focus kept inside, Escape closes), open while mounted. */
function Dialog({ title, onClose, children }: { readonly title: string; readonly onClose: () => void; readonly children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="notes-dialog" aria-labelledby={headingId} onClose={onClose} onCancel={onClose}>
      <div className="notes-dialog__head">
        <h2 id={headingId} className="notes-dialog__title">
          {title}
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Close<span className="visually-hidden"> {title}</span>
        </button>
      </div>
      {children}
    </dialog>
  );
}

/** The author name written on new notes (for a class: each student's own). */
export function SettingsDialog({ settings, onSave, onClose }: { readonly settings: SettingsState | null; readonly onSave: (author: string) => Promise<boolean>; readonly onClose: () => void }) {
  const [author, setAuthor] = useState(settings?.author ?? '');
  const [saved, setSaved] = useState(false);
  const fieldId = useId();
  const hintId = useId();
  return (
    <Dialog title="Settings" onClose={onClose}>
      <form
        className="notes-dialog__form"
        onSubmit={(event) => {
          event.preventDefault();
          void onSave(author).then((ok) => setSaved(ok));
        }}
      >
        <label htmlFor={fieldId} className="notes__label">
          Your name on new notes
        </label>
        <input id={fieldId} className="input" value={author} maxLength={200} aria-describedby={hintId} onChange={(event) => { setAuthor(event.target.value); setSaved(false); }} />
        <p id={hintId} className="notes__hint">
          Left empty, notes are signed “{settings?.authorFallback ?? 'with your account name'}”. Notes already written keep their name.
        </p>
        <div className="notes__actions">
          <span role="status">{saved ? 'Saved.' : ''}</span>
          <button type="submit" className="button button--primary">
            Save name
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The codebook: codes to tag notes with, to add, rename, describe and remove, or reset. */
export function CodebookDialog(props: {
  readonly state: CodebookState | null;
  readonly onSave: (codebook: Codebook) => Promise<boolean>;
  readonly onReset: () => Promise<void>;
  /** Take codes from a REFI-QDA codebook (.qdc) or project (.qdpx) made in MAXQDA, NVivo, ATLAS.ti… */
  readonly onImport?: () => Promise<CodebookImportResult | null>;
  readonly onClose: () => void;
}) {
  const [codes, setCodes] = useState<CodebookCode[]>(() => [...(props.state?.codebook.codes ?? [])]);
  const [newLabel, setNewLabel] = useState('');
  const [status, setStatus] = useState('');
  const newId = useId();
  const book = props.state?.codebook;
  const idFor = (label: string): string => {
    const base = label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50) || 'code';
    let id = base;
    for (let n = 2; codes.some((code) => code.id === id); n++) id = `${base}-${n}`;
    return CODE_ID_PATTERN.test(id) ? id : `code-${codes.length + 1}`;
  };
  const change = (i: number, patch: Partial<CodebookCode>) => {
    setCodes((list) => list.map((code, j) => (j === i ? { ...code, ...patch } : code)));
    setStatus('');
  };
  const blank = codes.findIndex((code) => code.label.trim() === '');
  return (
    <Dialog title="Codebook" onClose={props.onClose}>
      <p className="notes__hint">Codes tag notes, and name them in the exports. Removing a code here leaves the notes tagged with it as they are.</p>
      <ul className="codebook__list" aria-label="Codes">
        {codes.map((code, i) => (
          <li key={code.id} className="codebook__code">
            <input className="input" aria-label={`Name of code ${code.id}`} value={code.label} aria-invalid={code.label.trim() === ''} onChange={(event) => change(i, { label: event.target.value })} />
            <input className="input" aria-label={`Description of code ${code.id}`} value={code.description} placeholder="What it means" onChange={(event) => change(i, { description: event.target.value })} />
            <button type="button" className="button button--quiet button--small" onClick={() => setCodes((list) => list.filter((_, j) => j !== i))}>
              Remove<span className="visually-hidden"> code {code.label}</span>
            </button>
          </li>
        ))}
      </ul>
      <form
        className="codebook__add"
        onSubmit={(event) => {
          event.preventDefault();
          const label = newLabel.trim();
          if (!label) return;
          setCodes((list) => [...list, { id: idFor(label), label, description: '' }]);
          setNewLabel('');
        }}
      >
        <label htmlFor={newId} className="notes__label">
          New code
        </label>
        <input id={newId} className="input" value={newLabel} onChange={(event) => setNewLabel(event.target.value)} />
        <button type="submit" className="button" disabled={newLabel.trim() === ''}>
          Add code
        </button>
      </form>
      <div className="notes__actions">
        {props.onImport && (
          <button
            type="button"
            className="button button--quiet"
            title="Codes from a REFI-QDA codebook (.qdc) or project (.qdpx) made in MAXQDA, NVivo, ATLAS.ti or QualCoder"
            onClick={() =>
              void props.onImport!().then((result) => {
                if (!result) return;
                setCodes([...result.codebook.codes]);
                setStatus(`${result.added.length} ${result.added.length === 1 ? 'code' : 'codes'} added from ${result.file}, ${result.skipped.length} skipped.`);
              })
            }
          >
            Import codes…
          </button>
        )}
        <button
          type="button"
          className="button button--quiet"
          disabled={!props.state?.changed}
          onClick={() => void props.onReset().then(() => props.onClose())}
        >
          Reset to default
        </button>
        <span role="status" className="notes__hint">
          {blank >= 0 ? `Code ${blank + 1} needs a name.` : status}
        </span>
        <button
          type="button"
          className="button button--primary"
          disabled={!book || blank >= 0}
          onClick={() => {
            if (!book) return;
            void props.onSave({ ...book, codes: codes.map((code) => ({ ...code, label: code.label.trim(), description: code.description.trim() })) }).then((ok) => setStatus(ok ? 'Saved.' : ''));
          }}
        >
          Save codebook
        </button>
      </div>
    </Dialog>
  );
}

/** Export (in seven formats) and import, and the settings and codebook, from the panel's head. */
export function NotesTools(props: {
  readonly onExport: (format: NoteExportFormat, choices?: ExportChoices) => void;
  readonly onImport: () => void;
  readonly onSettings: () => void;
  readonly onCodebook: () => void;
}) {
  const [open, setOpen] = useState(false);
  // For a REFI-QDA project: Parallax's differences and aligned passages as codes, beside the notes.
  const [withAnalysis, setWithAnalysis] = useState(true);
  const menuId = useId();
  return (
    <div className="notes-tools">
      <button type="button" className="button button--small" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen((was) => !was)}>
        Export…
      </button>
      <button type="button" className="button button--small" onClick={props.onImport}>
        Import…
      </button>
      <button type="button" className="button button--quiet button--small" onClick={props.onCodebook}>
        Codebook
      </button>
      <button type="button" className="button button--quiet button--small" onClick={props.onSettings}>
        Settings
      </button>
      <ul id={menuId} className="notes-tools__menu" aria-label="Export the notes as" hidden={!open}>
        {EXPORT_FORMATS.map((f) => (
          <li key={f.format}>
            <button
              type="button"
              className="notes-tools__item"
              onClick={() => {
                setOpen(false);
                props.onExport(f.format, f.format === 'qdpx' ? { includeAnalysis: withAnalysis } : {});
              }}
            >
              {f.name}
            </button>
            {f.format === 'qdpx' && (
              <label className="notes-tools__item notes-tools__check">
                <input type="checkbox" checked={withAnalysis} onChange={(event) => setWithAnalysis(event.target.checked)} /> Include Parallax's analysis
              </label>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
