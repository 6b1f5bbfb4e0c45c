import { memo, type KeyboardEvent, type Ref } from 'react';
import type { ParagraphKind } from '../../../shared/contract/comparison';
import type { TextRun } from '../lib/comparisonIndex';
import { DIFFERENCE_KIND_NAMES } from '../lib/differenceKinds';
import { useSourceLabel, type SourceLabels } from '../lib/sourceLabel';

/**
 * A mark's tooltip: each difference it is part of, its kind and what it is in words, the shown kind
 * first. The words name the sources as the page does (neutral labels in blind mode).
 */
function describeRun(run: TextRun, labels: SourceLabels): string {
  return (run.differences ?? []).map((d) => `${DIFFERENCE_KIND_NAMES[d.kind]}: ${labels.describe(d.detail) || 'worded differently'}`).join('\n');
}

/** How a paragraph stands to the current selection. */
export type SelectionState = 'selected' | 'linked' | 'none';

export interface ParagraphBlockProps {
  readonly kind: ParagraphKind;
  readonly runs: readonly TextRun[];
  /** The badge number of its group, when other sources report the same thing. */
  readonly groupNumber?: number;
  readonly groupSources?: number;
  /** A body paragraph that no other source has. */
  readonly onlyHere: boolean;
  /** Whether the block before is of the same kind: its label is then for screen readers only. */
  readonly continuesRun?: boolean;
  readonly noteCount: number;
  /** The person marked this paragraph as article text or as junk. */
  readonly markedByYou?: 'body' | 'boilerplate' | undefined;
  readonly selection: SelectionState;
  /** Its passage is under the pointer somewhere: it is highlighted in every column. */
  readonly hovered?: boolean;
  /** It was just brought into view on request: a brief outline shows where it is. */
  readonly flash?: boolean;
  /** Whether Tab lands on this paragraph (one per column). */
  readonly tabbable: boolean;
  readonly elementRef?: Ref<HTMLDivElement>;
  /** Its index in its source, as `data-paragraph`: notes find selected words and noted passages by it. */
  readonly paragraph?: number;
  readonly onSelect: () => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  readonly onFocus: () => void;
  /**
   * The difference chosen in the differences panel (an index into `differences`), when it marks
   * this paragraph: its marks get a ring.
   */
  readonly activeDifference?: number;
  /** The pointer came onto the paragraph (its passage number) or left it (undefined). */
  readonly onHover?: (group: number | undefined) => void;
}

const KIND_NAMES: Record<ParagraphKind, string> = {
  title: 'Title',
  heading: 'Heading',
  body: 'Paragraph',
  caption: 'Caption',
  boilerplate: 'Not article text',
};

/**
 * One block of a source. The text is rendered as text nodes only, split where the sources differ;
 * each mark shows its kind by a tint and its own line or box, so colour is never the only cue.
 */
export const ParagraphBlock = memo(function ParagraphBlock(props: ParagraphBlockProps) {
  const { kind, runs, groupNumber, groupSources, onlyHere, noteCount, selection } = props;
  const labels = useSourceLabel();
  const classes = ['para', `para--${kind}`];
  if (groupNumber !== undefined) classes.push('para--grouped');
  if (onlyHere) classes.push('para--only-here');
  if (selection !== 'none') classes.push(`para--${selection}`);
  if (props.markedByYou) classes.push('para--marked');
  if (props.hovered && selection === 'none') classes.push('para--hovered');
  if (props.flash) classes.push('para--flash');
  const markWords = props.markedByYou === 'boilerplate' ? 'Not article text · marked by you' : 'Article text · marked by you';
  const tag = props.markedByYou
    ? markWords
    : kind === 'boilerplate'
      ? 'Not article text'
      : onlyHere
        ? 'Only in this source'
        : kind === 'caption'
          ? KIND_NAMES[kind]
          : null;

  return (
    <div
      ref={props.elementRef}
      className={classes.join(' ')}
      role="button"
      tabIndex={props.tabbable ? 0 : -1}
      aria-pressed={selection === 'selected'}
      data-kind={kind}
      data-paragraph={props.paragraph}
      data-group={groupNumber}
      data-selection={selection}
      data-marked={props.markedByYou}
      data-hovered={props.hovered ? 'true' : undefined}
      onClick={props.onSelect}
      onMouseEnter={props.onHover && groupNumber !== undefined ? () => props.onHover?.(groupNumber) : undefined}
      onMouseLeave={props.onHover && groupNumber !== undefined ? () => props.onHover?.(undefined) : undefined}
      onKeyDown={props.onKeyDown}
      onFocus={props.onFocus}
    >
      <div className="para__gutter" aria-hidden={groupNumber === undefined && noteCount === 0}>
        {groupNumber !== undefined && (
          <span className="group-badge" title={`Passage ${groupNumber}: reported by ${groupSources ?? 2} sources`}>
            <span className="visually-hidden">Passage </span>
            {groupNumber}
            <span className="visually-hidden">, reported by {groupSources ?? 2} sources.</span>
          </span>
        )}
        {noteCount > 0 && (
          <span className="note-marker" title={noteCount === 1 ? '1 note' : `${noteCount} notes`}>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
              <path d="M3 2.5h10v8.2L9.7 13.5H3z M9.5 13.3V10.5h3.3" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
            </svg>
            <span className="note-marker__count">{noteCount}</span>
            <span className="visually-hidden">{noteCount === 1 ? ' note' : ' notes'}.</span>
          </span>
        )}
      </div>
      <div className="para__body">
        {tag && (
          <span className={props.continuesRun && !props.markedByYou ? 'visually-hidden' : props.markedByYou ? 'para__tag para__tag--marked' : 'para__tag'}>{tag}</span>
        )}
        <p className="para__text" dir="auto">
          {runs.map((run) =>
            run.marked ? (
              <mark
                key={run.start}
                className={`diff diff--${run.kind ?? 'wording'}${props.activeDifference !== undefined && run.differences?.some((d) => d.difference === props.activeDifference) ? ' diff--active' : ''}`}
                data-kind={run.kind}
                title={describeRun(run, labels)}
              >
                {run.text}
              </mark>
            ) : (
              <span key={run.start}>{run.text}</span>
            ),
          )}
        </p>
      </div>
    </div>
  );
});
