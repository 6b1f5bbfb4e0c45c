import type { CSSProperties } from 'react';
import type { ClaimsTable as ClaimsTableData, Comparison } from '../../../shared/contract/comparison';
import type { ComparisonIndex, ParagraphRef } from '../lib/comparisonIndex';
import { asWritten } from '../../../shared/core/framing/figures';
import { explainClaim, formatFigure } from '../lib/claims';

export interface ClaimsTableProps {
  readonly comparison: Comparison;
  readonly index: ComparisonIndex;
  readonly labels: readonly string[];
  /** Go back to a figure's paragraph in the columns. */
  readonly onGoTo: (ref: ParagraphRef) => void;
}

/** "killed" → "Killed", for a row's heading. */
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The figures the sources give for the same thing: one row per quantity of a passage, one column
 * per source, each figure with whom the source credits for it; a figure far out of line with the
 * others is flagged, and the row says by how much. Each figure leads back to its paragraph.
 */
export function ClaimsTable(props: ClaimsTableProps) {
  const { comparison, index, labels, onGoTo } = props;
  const claims = comparison.summary?.claims ?? [];
  const numberOf = new Map(index.groups.map((group) => [group.id, group.number]));
  const labelOf = (doc: number) => labels[doc] ?? `Source ${doc + 1}`;

  return (
    <div className="claims-view">
      <div className="claims-view__inner">
        <h2 className="view-heading">Figures across sources</h2>
        <p className="view-intro">
          Each row is one quantity that two or more sources give for the same passage. Under each figure is whom the source credits. A figure
          far out of line with the others is flagged <span className="outlier-flag outlier-flag--inline">Out of line</span>. Choose a figure to
          read it in its paragraph.
        </p>
        {claims.length === 0 ? (
          <p className="claims-view__empty" role="status">
            No passage has figures from two or more sources to set side by side.
          </p>
        ) : (
          <div className="claims-view__scroll">
            {/* Each source's column keeps room for its figure: many sources scroll sideways rather than overlap. */}
            <table className="claims-table" style={{ '--claims-sources': labels.length } as CSSProperties}>
              <caption className="visually-hidden">Figures across sources: {claims.length === 1 ? '1 quantity' : `${claims.length} quantities`}</caption>
              <thead>
                <tr>
                  <th scope="col">What is counted</th>
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
                {claims.map((table: ClaimsTableData, t) => {
                  const byDoc = new Map(table.rows.map((row) => [row.doc, row]));
                  const flagged = table.rows.some((row) => row.outlier);
                  return (
                    <tr key={`${table.group}:${table.quantity}:${t}`} className={flagged ? 'claims-row claims-row--flagged' : 'claims-row'} data-group={numberOf.get(table.group)}>
                      <th scope="row" className="claims-row__head">
                        <span className="claims-row__quantity">{capitalise(table.quantity)}</span>
                        <span className="claims-row__passage">
                          <span className="group-badge">{numberOf.get(table.group) ?? '?'}</span> passage
                        </span>
                        <span className="claims-row__explain">{explainClaim(table, labelOf, comparison.documents.length)}</span>
                      </th>
                      {labels.map((label, doc) => {
                        const row = byDoc.get(doc);
                        if (!row) {
                          return (
                            <td key={doc} className="claims-cell claims-cell--empty">
                              <span aria-hidden="true">—</span>
                              <span className="visually-hidden">{label} gives no figure</span>
                            </td>
                          );
                        }
                        return (
                          <td key={doc} className={row.outlier ? 'claims-cell claims-cell--outlier' : 'claims-cell'}>
                            <button
                              type="button"
                              className="claims-cell__button"
                              onClick={() => onGoTo({ doc: row.doc, paragraph: row.paragraph })}
                              aria-label={`${formatFigure(row.value)} ${table.quantity}, ${label}${row.outlier ? ', far out of line with the others' : ''}${row.attribution ? `, ${row.attribution}` : ', no source credited'}. Go to paragraph ${row.paragraph + 1}.`}
                            >
                              <span className="claims-cell__value">{formatFigure(row.value)}</span>
                              <span className="claims-cell__text">“{asWritten(row)}”</span>
                              {row.outlier && <span className="outlier-flag">Out of line</span>}
                              <span className={row.attribution ? 'claims-cell__credit' : 'claims-cell__credit claims-cell__credit--none'}>
                                {row.attribution ?? 'No source credited'}
                              </span>
                            </button>
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
