import { useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent, type RefObject } from 'react';
import type { SourceChoices, TextEncoding } from '../../../shared/contract/api';
import type { SourceDocument } from '../../../shared/contract/comparison';
import {
  ENCODING_CHOICES,
  ENCODING_NAMES,
  encodingShortName,
  formatName,
  formatPublished,
  hasEncodingChoice,
  undecodableSentence,
} from '../lib/sourceFacts';
import { useSourceLabel } from '../lib/sourceLabel';
import type { SourceChangeKind } from '../state/appState';

export interface ColumnHeadProps {
  readonly doc: SourceDocument;
  /** 0-based position of the source in the comparison. */
  readonly docIndex: number;
  /** What the person decided about this source, if anything. */
  readonly choices?: SourceChoices;
  readonly sharedCount: number;
  readonly noteCount: number;
  readonly onRename: (label: string) => void;
  readonly onSetEncoding: (encoding: TextEncoding | null) => void;
  /** 0-based place of the column on screen, and how many columns there are. */
  readonly position?: number;
  readonly columnCount?: number;
  /** Move the column one place left (-1) or right (1). */
  readonly onMove?: (step: -1 | 1) => void;
  /** Compare again without this source (absent: it cannot be removed, the comparison would be too small). */
  readonly onRemove?: () => void;
  /** Dragging the column by its grip to another place. */
  readonly onDragStart?: (event: DragEvent<HTMLElement>) => void;
  readonly onDragEnd?: () => void;
}

/**
 * The head of a source's column: its outlet and title, byline and date, its details, and the
 * controls that move the column or take it out of the comparison.
 */
export function ColumnHead(props: ColumnHeadProps) {
  const { doc, choices } = props;
  const metadata = doc.metadata;
  // In blind mode the name, title, byline and date are hidden, and the name cannot be edited
  // (the field would show the real one).
  const labels = useSourceLabel();
  const label = labels.label(props.docIndex);
  const title = labels.title(props.docIndex);
  const [editing, setEditing] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const detailsId = useId();
  const labelButton = useRef<HTMLButtonElement>(null);
  const detailsButton = useRef<HTMLButtonElement>(null);

  const published = labels.metadata(formatPublished(metadata?.published));
  const byline = labels.metadata(metadata?.byline?.trim());

  const stopEditing = (label: string | null) => {
    setEditing(false);
    if (label !== null && label.trim() !== doc.label) props.onRename(label.trim());
    // Back to the label, so keyboard users keep their place.
    requestAnimationFrame(() => labelButton.current?.focus());
  };

  const counts = `${doc.paragraphs.length} paragraphs · ${props.sharedCount} shared${
    props.noteCount > 0 ? ` · ${props.noteCount === 1 ? '1 note' : `${props.noteCount} notes`}` : ''
  }`;

  // The head is a size container; its inner box is what narrow columns restyle (see columns.css).
  return (
    <header className="column__head">
      <div className="column__head-inner">
        <div className="column__label-row">
          {labels.hidden ? (
            <span className="column__label column__label--neutral">
              <span className="column__label-text">{label}</span>
            </span>
          ) : editing ? (
            <LabelEditor label={choices?.label ?? doc.label} sourceNumber={props.docIndex + 1} onDone={stopEditing} />
          ) : (
            <button
              ref={labelButton}
              type="button"
              className="column__label"
              onClick={() => setEditing(true)}
              aria-label={`Rename ${label}`}
              title={`${label}: click to rename`}
            >
              <span className="column__label-text">{label}</span>
              <svg className="column__label-pen" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
                <path d="M10.5 2.5l3 3L6 13H3v-3z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
              </svg>
            </button>
          )}
          <button
            ref={detailsButton}
            type="button"
            className="column__details-button"
            aria-expanded={detailsOpen}
            aria-controls={detailsOpen ? detailsId : undefined}
            aria-label={`Source details: ${label}`}
            title="Source details"
            onClick={() => setDetailsOpen((open) => !open)}
          >
            <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true" focusable="false">
              <circle cx="8" cy="8" r="6.4" fill="none" stroke="currentColor" strokeWidth="1.3" />
              <path d="M8 7.2v4M8 4.8v.3" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
            </svg>
          </button>
          {props.onMove && <ColumnTools {...props} label={label} />}
        </div>
        {title === undefined ? (
          <h2 className="column__title column__title--hidden">Title hidden</h2>
        ) : (
          <h2 className="column__title">{title || 'Untitled'}</h2>
        )}
        {(byline || published) && (
          <p className="column__byline">
            {byline}
            {byline && published ? ' · ' : ''}
            {published && <span>{published}</span>}
          </p>
        )}
        <p className="column__meta">{counts}</p>
      </div>

      {detailsOpen && (
        <SourceDetails
          id={detailsId}
          doc={doc}
          title={title}
          counts={counts}
          choices={choices}
          onSetEncoding={props.onSetEncoding}
          onClose={() => {
            setDetailsOpen(false);
            detailsButton.current?.focus();
          }}
          opener={detailsButton}
        />
      )}
    </header>
  );
}

/**
 * Move left, move right and remove, as buttons (so the keyboard reaches them), and a grip to drag
 * the column by. A button that cannot act is disabled, with a title saying why.
 */
function ColumnTools(props: ColumnHeadProps & { readonly label: string }) {
  const { label, onMove, onRemove } = props;
  const position = props.position ?? props.docIndex;
  const count = props.columnCount ?? 1;
  return (
    <div className="column__tools" role="group" aria-label={`Column of ${label}`}>
      <span
        className="column__grip"
        draggable
        title="Drag to move this column"
        aria-hidden="true"
        onDragStart={props.onDragStart}
        onDragEnd={props.onDragEnd}
      >
        <svg viewBox="0 0 12 16" width="10" height="14" focusable="false">
          {[3, 8, 13].flatMap((y) => [<circle key={`a${y}`} cx="3.5" cy={y} r="1.3" />, <circle key={`b${y}`} cx="8.5" cy={y} r="1.3" />])}
        </svg>
      </span>
      <button type="button" className="column__tool" aria-label={`Move ${label} left`} title="Move left" disabled={position === 0} onClick={() => onMove?.(-1)}>
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="M10 3.5L5.5 8l4.5 4.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <button type="button" className="column__tool" aria-label={`Move ${label} right`} title="Move right" disabled={position >= count - 1} onClick={() => onMove?.(1)}>
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="M6 3.5L10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <button
        type="button"
        className="column__tool column__tool--remove"
        aria-label={`Remove ${label} from the comparison`}
        title={onRemove ? 'Remove from the comparison (its notes are kept)' : 'A comparison needs at least two sources'}
        disabled={!onRemove}
        onClick={onRemove}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}

export interface ColumnNoticesProps {
  readonly doc: SourceDocument;
  readonly choices?: SourceChoices;
  /** What happened to the file on disk since it was opened. */
  readonly change?: SourceChangeKind;
  readonly onSetEncoding: (encoding: TextEncoding | null) => void;
  readonly onReload: () => void;
  readonly onLocate: () => void;
  readonly onDismissChange: () => void;
}

/**
 * What a person should know about one source, at the top of its column's text: text that could
 * not be decoded (with a choice of encoding), and a change on disk (with Reload or Locate…). They
 * sit in the column, not its head, so one source's notice does not make every head taller.
 */
export function ColumnNotices(props: ColumnNoticesProps) {
  const { doc, choices, change } = props;
  const metadata = doc.metadata;
  const labels = useSourceLabel();
  const undecodable = metadata ? undecodableSentence(metadata) : undefined;
  const warnings = metadata?.warnings ?? [];
  const showReadingNotice = undecodable !== undefined || warnings.length > 0;
  if (!showReadingNotice && !change) return null;
  return (
    <div className={change ? 'column__notices column__notices--sticky' : 'column__notices'}>
      {showReadingNotice && (
        <div className="column__notice" role="note" aria-label={`How ${labels.labelForPath(doc.path)} was read`}>
          {undecodable && <p>{undecodable}</p>}
          {warnings.map((warning) => (
            <p key={warning}>{warning}</p>
          ))}
          {hasEncodingChoice(metadata) && (
            <EncodingPicker
              className="column__notice-picker"
              detected={metadata?.encoding}
              chosen={choices?.encoding}
              label="Read as"
              onChoose={props.onSetEncoding}
            />
          )}
        </div>
      )}

      {change && (
        <div className={`column__change column__change--${change}`} role="status">
          <p className="column__change-text">
            {change === 'changed' ? 'This file changed on disk.' : 'This file was moved or deleted. Your notes are kept.'}
          </p>
          <div className="column__change-actions">
            {change === 'changed' ? (
              <button type="button" className="button button--small" onClick={props.onReload}>
                Reload
              </button>
            ) : (
              <button type="button" className="button button--small" onClick={props.onLocate}>
                Locate…
              </button>
            )}
            <button type="button" className="button button--quiet button--small" onClick={props.onDismissChange}>
              Not now
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** The label as a text field: Enter keeps it, Escape leaves it as it was, blank goes back to the default. */
function LabelEditor({ label, sourceNumber, onDone }: { label: string; sourceNumber: number; onDone: (label: string | null) => void }) {
  const [draft, setDraft] = useState(label);
  const done = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const finish = (value: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(value);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(draft);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish(null);
    }
  };
  return (
    <input
      ref={input}
      className="column__label-input"
      value={draft}
      maxLength={120}
      aria-label={`Name of source ${sourceNumber}`}
      placeholder="Leave blank for the name Parallax found"
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(draft)}
    />
  );
}

interface EncodingPickerProps {
  readonly detected?: string;
  readonly chosen?: TextEncoding;
  readonly label: string;
  readonly className?: string;
  readonly onChoose: (encoding: TextEncoding | null) => void;
}

/** A list of encodings to read the file with; the first entry lets Parallax detect it. */
function EncodingPicker({ detected, chosen, label, className, onChoose }: EncodingPickerProps) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="select"
        value={chosen ?? ''}
        onChange={(event) => onChoose(event.target.value === '' ? null : (event.target.value as TextEncoding))}
      >
        <option value="">{detected && !chosen ? `Detected: ${encodingShortName(detected)}` : 'Detect automatically'}</option>
        {ENCODING_CHOICES.map((encoding) => (
          <option key={encoding} value={encoding}>
            {ENCODING_NAMES[encoding]}
          </option>
        ))}
      </select>
    </div>
  );
}

interface SourceDetailsProps {
  readonly id: string;
  readonly doc: SourceDocument;
  /** The title as the person may see it (undefined in blind mode), and the paragraph counts: the
   * column's head folds both away on a short screen, so they are here too. */
  readonly title: string | undefined;
  readonly counts: string;
  readonly choices?: SourceChoices;
  readonly opener: RefObject<HTMLButtonElement | null>;
  readonly onSetEncoding: (encoding: TextEncoding | null) => void;
  readonly onClose: () => void;
}

/** What is known about a source: title, paragraphs, format, encoding (with a choice), outlet, byline, date, file. */
function SourceDetails({ id, doc, title, counts, choices, opener, onSetEncoding, onClose }: SourceDetailsProps) {
  const panel = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const metadata = doc.metadata;
  const labels = useSourceLabel();
  useEffect(() => {
    panel.current?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target && !panel.current?.contains(target) && !opener.current?.contains(target)) onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [onClose, opener]);

  const rows: [string, string | undefined][] = [
    ['Title', title],
    ['Length', counts],
    ['Format', formatName(metadata?.format)],
    ['Site', labels.metadata(metadata?.siteName)],
    ['Byline', labels.metadata(metadata?.byline)],
    ['Published', labels.metadata(formatPublished(metadata?.published))],
    ['Language', metadata?.language],
  ];
  return (
    <div
      id={id}
      ref={panel}
      className="source-details"
      role="dialog"
      aria-labelledby={headingId}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="source-details__head">
        <h3 id={headingId} className="source-details__title">
          Source details
        </h3>
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          Close
        </button>
      </div>
      <dl className="source-details__list">
        {rows
          .filter((row): row is [string, string] => Boolean(row[1]?.trim()))
          .map(([name, value]) => (
            <div key={name} className="source-details__row">
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        {hasEncodingChoice(metadata) && (
          <div className="source-details__row">
            <dt>Encoding</dt>
            <dd>
              <EncodingPicker detected={metadata?.encoding} chosen={choices?.encoding} label="Read this file as" className="source-details__picker" onChoose={onSetEncoding} />
            </dd>
          </div>
        )}
        <div className="source-details__row">
          <dt>File</dt>
          <dd className="source-details__path">{labels.metadata(doc.path) ?? 'Hidden in blind mode'}</dd>
        </div>
        {labels.hidden && (
          <p className="source-details__blind">Blind mode hides the outlet, title, byline, date and file. Reveal the names to see them.</p>
        )}
      </dl>
    </div>
  );
}
