import { useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { Comparison } from '../../../shared/contract/comparison';
import type { ParagraphRef } from '../lib/comparisonIndex';
import { coverage, LEVEL_WORDS, type CoverageCell } from '../lib/coverage';
import type { EventRow } from '../lib/eventRows';

import { useRowsInSteps } from '../hooks/useRowsInSteps';
import { MoreRows } from './MoreRows';
export interface CoverageMapProps {
  readonly comparison: Comparison;
  readonly rows: readonly EventRow[];
  readonly labels: readonly string[];
  /** Go back to a cell's paragraph in the columns. */
  readonly onGoTo: (ref: ParagraphRef) => void;
}

/** Rows put on the page at first, and added as the reader scrolls near the end of them. */
const ROWS_PER_STEP = 150;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function cellName(cell: CoverageCell, label: string, rowName: string, paragraph: number): string {
  const differs = cell.differs === 0 ? 'no differences beyond wording' : `${plural(cell.differs, 'difference')} beyond wording`;
  return `${rowName}, ${label}: ${plural(cell.words, 'word')}, ${LEVEL_WORDS[cell.level]}, ${differs}. Go to paragraph ${paragraph + 1}.`;
}

/**
 * Passages against sources: each cell shaded by how much the source says in that passage (its
 * share of the longest telling, in four steps) and marked with how many differences other than
 * wording its text carries. Shade, number and pattern say the same thing, so colour is never the
 * only cue. Every filled cell is a button back to the text; the arrow keys move between them.
 */
export function CoverageMap(props: CoverageMapProps) {
  const { comparison, rows, labels, onGoTo } = props;
  const cells = useMemo(() => coverage(comparison, rows), [comparison, rows]);
  const { rendered, sentinel, reach, more } = useRowsInSteps(rows.length, ROWS_PER_STEP);
  const [stop, setStop] = useState<{ row: number; doc: number } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const firstStop = useMemo(() => {
    const doc = rows[0]?.cells.findIndex((cell) => cell.length > 0) ?? -1;
    return doc >= 0 ? { row: 0, doc } : null;
  }, [rows]);
  const tabStop = stop ?? firstStop;

  const onKeyDown = (row: number, doc: number, event: KeyboardEvent<HTMLButtonElement>) => {
    const filled = (r: number, d: number) => (rows[r]?.cells[d]?.length ?? 0) > 0;
    let target: { row: number; doc: number } | undefined;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      for (let r = row + step; r >= 0 && r < rows.length; r += step) if (filled(r, doc)) { target = { row: r, doc }; break; }
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      const step = event.key === 'ArrowRight' ? 1 : -1;
      for (let d = doc + step; d >= 0 && d < labels.length; d += step) if (filled(row, d)) { target = { row, doc: d }; break; }
    } else if (event.key === 'Home' || event.key === 'End') {
      const order = event.key === 'Home' ? rows.map((_, r) => r) : rows.map((_, r) => rows.length - 1 - r);
      const r = order.find((candidate) => filled(candidate, doc));
      if (r !== undefined) target = { row: r, doc };
    } else return;
    event.preventDefault();
    if (!target) return;
    const to = target;
    reach(to.row);
    setStop(to);
    requestAnimationFrame(() => buttons.current.get(`${to.row}:${to.doc}`)?.focus());
  };

  return (
    <div className="coverage-view">
      <div className="coverage-view__top">
        <div>
          <h2 className="view-heading">Coverage</h2>
          <p className="view-intro">
            Which source tells how much of each passage, and how differently. Choose a cell to read its text. Use the arrow keys to move
            through the map.
          </p>
        </div>
        <dl className="coverage-legend" aria-label="Key to the coverage map">
          <div className="coverage-legend__group">
            <dt>Shade: how much the source says, against the longest telling</dt>
            <dd className="coverage-legend__swatches">
              {([1, 2, 3, 4] as const).map((level) => (
                <span key={level} className="coverage-legend__swatch">
                  <span className={`coverage-swatch coverage-swatch--${level}`} aria-hidden="true" />
                  {LEVEL_WORDS[level]}
                </span>
              ))}
              <span className="coverage-legend__swatch">
                <span className="coverage-swatch coverage-swatch--0" aria-hidden="true">
                  —
                </span>
                {LEVEL_WORDS[0]}
              </span>
            </dd>
          </div>
          <div className="coverage-legend__group">
            <dt>Mark: differences beyond wording</dt>
            <dd className="coverage-legend__swatches">
              <span className="coverage-legend__swatch">
                <span className="coverage-differs coverage-differs--sample" aria-hidden="true">
                  3
                </span>
                3 differences (attribution, loaded terms, figures…)
              </span>
            </dd>
          </div>
        </dl>
      </div>
      <div className="coverage-view__scroll">
        <table className="coverage-map" style={{ '--coverage-sources': labels.length } as CSSProperties}>
          <caption className="visually-hidden">
            Coverage: {rows.length} passages by {labels.length} sources. Each cell gives the words a source has in a passage and its differences beyond wording.
          </caption>
          <thead>
            <tr>
              <th scope="col">Passage</th>
              {labels.map((label, doc) => (
                <th scope="col" key={doc}>
                  <span className="source-chip" aria-hidden="true">
                    {doc + 1}
                  </span>{' '}
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, rendered).map((row, r) => {
              const alone = row.group ? -1 : row.cells.findIndex((cell) => cell.length > 0);
              const rowName = row.group ? `Passage ${row.group.number}` : `Only in ${labels[alone] ?? ''}`;
              const document0 = comparison.documents[row.group ? (row.group.members[0]?.doc ?? 0) : alone];
              const firstParagraph = row.group ? row.group.members[0]?.paragraphs[0] : row.cells[alone]?.[0];
              const paragraph = firstParagraph === undefined ? undefined : document0?.paragraphs[firstParagraph];
              const gist = paragraph && document0 ? document0.text.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + 90)).replace(/\s+/g, ' ') : '';
              return (
                <tr key={row.key} data-row={row.key} data-group={row.group?.number} className={row.group ? undefined : 'coverage-map__alone'}>
                  <th scope="row" className="coverage-map__head">
                    {row.group ? <span className="group-badge">{row.group.number}</span> : <span className="coverage-map__alone-tag">only</span>}
                    <span className="coverage-map__gist">{gist}</span>
                  </th>
                  {row.cells.map((paragraphs, doc) => {
                    const cell = cells[r]![doc]!;
                    const first = paragraphs[0];
                    if (first === undefined) {
                      return (
                        <td key={doc} className="coverage-cell coverage-cell--0">
                          <span aria-hidden="true">—</span>
                          <span className="visually-hidden">{labels[doc]} says nothing here</span>
                        </td>
                      );
                    }
                    const isStop = tabStop?.row === r && tabStop.doc === doc;
                    return (
                      <td key={doc} className={`coverage-cell coverage-cell--${cell.level}`} data-level={cell.level} data-differs={cell.differs}>
                        <button
                          type="button"
                          className="coverage-cell__button"
                          tabIndex={isStop ? 0 : -1}
                          ref={(element) => {
                            if (element) buttons.current.set(`${r}:${doc}`, element);
                            else buttons.current.delete(`${r}:${doc}`);
                          }}
                          aria-label={cellName(cell, labels[doc] ?? '', rowName, first)}
                          title={`${plural(cell.words, 'word')} · ${cell.differs === 0 ? 'no differences beyond wording' : plural(cell.differs, 'difference') + ' beyond wording'}`}
                          onFocus={() => setStop({ row: r, doc })}
                          onKeyDown={(event) => onKeyDown(r, doc, event)}
                          onClick={() => onGoTo({ doc, paragraph: first })}
                        >
                          <span className="coverage-cell__words">{cell.words}</span>
                          {cell.differs > 0 && <span className="coverage-differs">{cell.differs}</span>}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
        <MoreRows rendered={rendered} total={rows.length} ref={sentinel} onMore={more} />
      </div>
    </div>
  );
}
