import { useCallback, useId, useMemo } from 'react';
import type { SourceText } from '../../../shared/contract/api';
import { columnItems, type ColumnItem } from '../lib/columnItems';
import { displayLabel } from '../lib/sourceLabel';
import { useWindowedList } from '../hooks/useWindowedList';
import { WINDOW_OVER } from './SourceColumn';

export interface SourcesPreviewProps {
  /** The sources of the comparison being worked out, as main read them, in its order. */
  readonly documents: readonly SourceText[];
  /** Blind mode is on: the sources are Source A, B, C… (names revealed for another comparison stay hidden here). */
  readonly namesHidden: boolean;
}

/**
 * The sources of a comparison that is taking a while, shown as soon as main has read them: one
 * column each, their text plain (no passages, no marks, nothing to click), while the progress bar
 * above says how far the comparison has got. The comparison takes its place when it arrives.
 */
export function SourcesPreview({ documents, namesHidden }: SourcesPreviewProps) {
  const heading = useId();
  return (
    <section className="sources-preview" aria-labelledby={heading}>
      <h1 id={heading} className="visually-hidden">
        The text of {documents.length} sources, being compared
      </h1>
      <p className="sources-preview__note">
        Finding the passages the sources share and how they differ. Their text is here to read meanwhile; the comparison
        takes its place when it is ready.
      </p>
      <div className="columns-frame">
        <div className="columns sources-preview__columns" style={{ ['--column-count' as string]: documents.length }}>
          {documents.map((document, index) => (
            <PreviewColumn key={document.path} document={document} label={displayLabel(document, index, namesHidden)} />
          ))}
        </div>
      </div>
    </section>
  );
}

const NO_OPEN_RUNS: ReadonlySet<number> = new Set();

/** One source's text, windowed as the comparison's columns are, its page furniture folded as there. */
function PreviewColumn({ document, label }: { readonly document: SourceText; readonly label: string }) {
  const labelId = useId();
  const items = useMemo(() => columnItems(document.paragraphs.map((paragraph) => paragraph.kind), NO_OPEN_RUNS), [document.paragraphs]);
  const keyOf = useCallback((i: number) => String(i), []);
  // As SourceColumn guesses: about 60 characters a line at the reading size, and the block's padding.
  const estimate = useCallback(
    (i: number) => {
      const item = items[i];
      if (!item || item.type === 'furniture') return 40;
      const paragraph = document.paragraphs[item.paragraph]!;
      return 24 + Math.ceil((paragraph.end - paragraph.start) / 60) * 29;
    },
    [items, document.paragraphs],
  );
  const { start, end, padTop, padBottom, scrollerRef, listRef, itemRef } = useWindowedList({ count: items.length, enabled: items.length > WINDOW_OVER, keyOf, estimate });

  const renderItem = (item: ColumnItem) => {
    if (item.type === 'furniture') {
      const lines = item.last - item.first + 1;
      return <p className="preview-furniture">{lines === 1 ? '1 line' : `${lines} lines`} of page furniture</p>;
    }
    const paragraph = document.paragraphs[item.paragraph]!;
    return (
      <p className={`preview-text preview-text--${paragraph.kind}`} dir="auto">
        {document.text.slice(paragraph.start, paragraph.end)}
      </p>
    );
  };

  return (
    <section className="preview-column" aria-labelledby={labelId}>
      <div className="preview-column__head">
        <h2 id={labelId} className="preview-column__label">
          {label}
        </h2>
      </div>
      {/* Focusable, so that the keyboard can scroll it: nothing inside takes the focus. */}
      <div className="preview-column__scroll" ref={scrollerRef} tabIndex={0} role="group" aria-label={`Text of ${label}`}>
        <div className="preview-column__list" role="list" ref={listRef} style={{ paddingTop: padTop, paddingBottom: padBottom }}>
          {items.slice(start, end).map((item, k) => {
            const i = start + k;
            return (
              <div key={i} ref={itemRef} data-window-index={i} data-window-key={keyOf(i)} className="preview-column__item" role="listitem" aria-setsize={items.length} aria-posinset={i + 1}>
                {renderItem(item)}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
