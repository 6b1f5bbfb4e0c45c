import type { Comparison, Difference, ParagraphKind, SourceDocument, TextSpan } from '../contract/comparison.js';
import { countDifferences, isMarkedInText, type DifferenceCounts } from './counts.js';
import { describeDifference, labelNamer } from './describe.js';
import { asWritten, sameValue } from './framing/figures.js';
import { toldElsewhere } from './related.js';
import { printableName, printableText } from './terminal.js';

export interface FormatOptions {
  /** Mark differing words with terminal colours instead of «guillemets». */
  readonly color?: boolean;
  /** Line width to wrap at. */
  readonly width?: number;
}

const ANSI = { bold: '\x1b[1m', dim: '\x1b[2m', mark: '\x1b[4;33m', framing: '\x1b[35m', reset: '\x1b[0m' };

/** "A", "B", … "Z", "AA", … for the n-th source. */
export function sourceLetter(index: number): string {
  let letter = '';
  let n = index;
  do {
    letter = String.fromCharCode(65 + (n % 26)) + letter;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letter;
}

function wrap(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let visible = 0;
  for (const word of words) {
    const length = word.replace(/\x1b\[[0-9;]*m/g, '').length;
    if (visible > 0 && visible + 1 + length > width) {
      lines.push(line);
      line = word;
      visible = length;
    } else {
      line = visible > 0 ? `${line} ${word}` : word;
      visible += (visible > 0 ? 1 : 0) + length;
    }
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}

/** The text of a paragraph with the given spans marked. Spans may overlap; they are merged. */
function markedText(document: SourceDocument, start: number, end: number, spans: readonly TextSpan[], color: boolean): string {
  const ranges = spans
    .map((span) => [Math.max(start, span.start), Math.min(end, span.end)] as const)
    .filter(([s, e]) => e > s)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of ranges) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const [open, close] = color ? [ANSI.mark, ANSI.reset] : ['«', '»'];
  let out = '';
  let at = start;
  for (const [s, e] of merged) {
    out += document.text.slice(at, s) + open + document.text.slice(s, e) + close;
    at = e;
  }
  return out + document.text.slice(at, end);
}

function kindCounts(document: SourceDocument): string {
  const counts = new Map<ParagraphKind, number>();
  for (const paragraph of document.paragraphs) counts.set(paragraph.kind, (counts.get(paragraph.kind) ?? 0) + 1);
  return [...counts.entries()].map(([kind, count]) => `${count} ${kind}`).join(', ');
}

function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? flat.slice(0, length - 1).trimEnd() + '…' : flat;
}

/** A path cut from the left to fit, keeping the file name: "…/seeds/000.txt". */
function shortenPath(path: string, length: number): string {
  if (path.length <= length) return path;
  return '…' + path.slice(path.length - Math.max(length - 1, 12));
}

/**
 * A readable summary of a comparison for a terminal: the sources, each group of aligned paragraphs
 * with the differing words marked, and what each source alone reports.
 */
/** The counts for a header: "12 differences (5 classified, 7 changes of wording) · 4 paragraphs only one source has". */
export function describeCounts(counts: DifferenceCounts): string {
  const wording = counts.total - counts.classified;
  const parts = [`${counts.total} difference${counts.total === 1 ? '' : 's'}${counts.total > 0 ? ` (${counts.classified} classified, ${wording} change${wording === 1 ? '' : 's'} of wording)` : ''}`];
  if (counts.onlyInOneSource > 0) parts.push(`${counts.onlyInOneSource} paragraph${counts.onlyInOneSource === 1 ? '' : 's'} only one source has`);
  return parts.join(' · ');
}

export function formatComparison(unsafe: Comparison, options: FormatOptions = {}): string {
  // Names and text come from files: shown, never obeyed, by the terminal (see terminal.ts).
  const comparison: Comparison = {
    ...unsafe,
    documents: unsafe.documents.map((document) => ({
      ...document,
      label: printableName(document.label),
      title: printableName(document.title),
      path: printableName(document.path),
      text: printableText(document.text),
    })),
  };
  const color = options.color ?? false;
  const width = Math.max(40, options.width ?? 100);
  const style = (code: string, text: string): string => (color ? code + text + ANSI.reset : text);
  const { documents, groups, differences } = comparison;
  const nameOf = labelNamer(documents);
  const out: string[] = [];

  out.push(
    style(ANSI.bold, wrap(`Parallax · ${documents.length} sources · ${groups.length} group${groups.length === 1 ? '' : 's'} of aligned paragraphs · ${describeCounts(countDifferences(comparison))}`, width, '')),
    '',
    style(ANSI.bold, 'Sources'),
  );
  documents.forEach((document, doc) => {
    const head = `  ${sourceLetter(doc)}  ${document.label} — `;
    out.push(head + shorten(document.title, width - head.length));
    const facts = ` · ${document.paragraphs.length} paragraphs: ${kindCounts(document)}`;
    out.push(style(ANSI.dim, `     ${shortenPath(document.path, width - 5 - facts.length)}${facts}`));
  });

  const spansByGroup = new Map<string, TextSpan[]>();
  for (const difference of differences) {
    const list = spansByGroup.get(difference.group) ?? [];
    list.push(...difference.spans);
    spansByGroup.set(difference.group, list);
  }
  const countByGroup = new Map<string, number>();
  for (const difference of differences) if (isMarkedInText(difference)) countByGroup.set(difference.group, (countByGroup.get(difference.group) ?? 0) + 1);
  const framingByGroup = new Map<string, Difference[]>();
  // A difference marked in a paragraph only one source has (a loaded word there), by that paragraph.
  const framingByParagraph = new Map<string, Difference[]>();
  for (const difference of differences) {
    if (difference.kind === 'wording' || !isMarkedInText(difference)) continue;
    if (difference.group === '') {
      const span = difference.spans[0];
      if (!span) continue;
      const index = documents[span.doc]?.paragraphs.findIndex((paragraph) => paragraph.start <= span.start && span.start < paragraph.end) ?? -1;
      const key = `${span.doc}:${index}`;
      const list = framingByParagraph.get(key);
      if (list) list.push(difference);
      else framingByParagraph.set(key, [difference]);
      continue;
    }
    const list = framingByGroup.get(difference.group) ?? [];
    list.push(difference);
    framingByGroup.set(difference.group, list);
  }
  const framingLines = (list: readonly Difference[]): string[] =>
    list.map((difference) => {
      const tag = `    ${difference.kind}`.padEnd(17);
      return style(ANSI.framing, tag) + wrap(printableName(describeDifference(difference, nameOf)), width - 17, ' '.repeat(17));
    });

  const grouped = new Set<string>();
  for (const group of groups) {
    const letters = group.members.map((member) => sourceLetter(member.doc)).join(', ');
    const changes = countByGroup.get(group.id) ?? 0;
    out.push('', style(ANSI.bold, `Group ${group.id.replace(/^g/, '')} · sources ${letters} · similarity ${group.score.toFixed(2)} · ${changes} difference${changes === 1 ? '' : 's'}`));
    const spans = spansByGroup.get(group.id) ?? [];
    for (const member of group.members) {
      const document = documents[member.doc]!;
      for (const index of member.paragraphs) {
        grouped.add(`${member.doc}:${index}`);
        const paragraph = document.paragraphs[index]!;
        const tag = `  ${sourceLetter(member.doc)} ¶${index + 1}`.padEnd(9);
        const text = markedText(document, paragraph.start, paragraph.end, spans.filter((span) => span.doc === member.doc), color);
        out.push(tag + wrap(text, width - 9, ' '.repeat(9)));
      }
    }
    // A source with no paragraph here may mention the event in a paragraph that went elsewhere.
    const shown = new Map<number, number>();
    for (const place of toldElsewhere(comparison, group, { absentOnly: true })) {
      // Two sentences a source at most: enough to point to it.
      if ((shown.get(place.doc) ?? 0) >= 2) continue;
      shown.set(place.doc, (shown.get(place.doc) ?? 0) + 1);
      const where = place.group ? `group ${place.group.replace(/^g/, '')}` : 'only in this source';
      const tag = `  ${sourceLetter(place.doc)} ¶${place.paragraph + 1}`.padEnd(9);
      const sentence = shorten(documents[place.doc]!.text.slice(place.span.start, place.span.end), 160);
      out.push(style(ANSI.dim, tag + wrap(`mentions it elsewhere (${where}): ${sentence}`, width - 9, ' '.repeat(9))));
    }
    out.push(...framingLines(framingByGroup.get(group.id) ?? []));
  }

  const unique: string[] = [];
  const setAside: string[] = [];
  documents.forEach((document, doc) => {
    let boilerplate = 0;
    document.paragraphs.forEach((paragraph, index) => {
      if (paragraph.kind === 'boilerplate' || paragraph.kind === 'caption') {
        boilerplate++;
        return;
      }
      if (grouped.has(`${doc}:${index}`)) return;
      const tag = `  ${sourceLetter(doc)} ¶${index + 1}`.padEnd(9);
      unique.push(tag + shorten(document.text.slice(paragraph.start, paragraph.end), width - 9), ...framingLines(framingByParagraph.get(`${doc}:${index}`) ?? []));
    });
    if (boilerplate > 0) setAside.push(`${sourceLetter(doc)}: ${boilerplate}`);
  });
  // The loaded words marked in those paragraphs, counted as a group's header counts its differences.
  const marked = [...framingByParagraph.values()].reduce((sum, list) => sum + list.length, 0);
  const markedCount = marked > 0 ? ` · ${marked} difference${marked === 1 ? '' : 's'}` : '';
  if (unique.length > 0) out.push('', style(ANSI.bold, `Only in one source (no counterpart elsewhere)${markedCount}`), ...unique);

  const summary = comparison.summary;
  // The same figure in two units ("200 feet", "60 metres") does not differ.
  const tables = (summary?.claims ?? []).filter((table) => !table.rows.every((row) => sameValue(row, table.rows[0]!)));
  if (tables.length > 0) {
    out.push('', style(ANSI.bold, 'Figures that differ between sources'));
    for (const table of tables) {
      out.push(`  ${table.quantity === 'killed' ? 'Deaths' : `“${table.quantity}”`} (group ${table.group.replace(/^g/, '')}):`);
      for (const row of table.rows) {
        const line = `${sourceLetter(row.doc)}  ${asWritten(row)}${row.attribution ? `, ${row.attribution}` : ''}${row.outlier ? '  ← far out of line with the others' : ''}`;
        out.push('    ' + wrap(row.outlier ? style(ANSI.framing, line) : line, width - 4, ' '.repeat(7)));
      }
    }
  }
  if (summary) {
    out.push('', style(ANSI.bold, 'Each source'));
    for (const source of summary.sources) {
      const counts = Object.entries(source.counts)
        .filter(([, n]) => (n ?? 0) > 0)
        .map(([kind, n]) => `${n} ${kind}`)
        .join(', ');
      const verbs = source.attribution.slice(0, 5).map((item) => `${item.term}${item.count > 1 ? ` ×${item.count}` : ''}`).join(', ');
      // In its own words, then inside quotations (the speakers' words, which it prints).
      const times = (term: string, n: number): string => `${term}${n > 1 ? ` ×${n}` : ''}`;
      // Each list most used first, by its own count (sort is stable: ties keep the summary's order).
      const ownCount = (item: (typeof source.loadedTerms)[number]): number => item.count - (item.quoted ?? 0);
      const own = source.loadedTerms.filter((item) => ownCount(item) > 0).sort((x, y) => ownCount(y) - ownCount(x)).slice(0, 6);
      const inQuotes = source.loadedTerms.filter((item) => (item.quoted ?? 0) > 0).sort((x, y) => y.quoted! - x.quoted!).slice(0, 4);
      const terms = [
        own.map((item) => times(item.term, item.count - (item.quoted ?? 0))).join(', '),
        inQuotes.length > 0 ? `quoted: ${inQuotes.map((item) => times(item.term, item.quoted!)).join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      const lines = [
        `${Math.round(source.highlightedShare * 100)}% of its article text marked${counts ? ` · ${counts}` : ''}`,
        ...(verbs ? [`attribution: ${verbs}`] : []),
        ...(terms ? [`loaded terms and labels: ${terms}`] : []),
        ...(source.unique.length > 0 ? [`alone reports ${source.unique.length} paragraph${source.unique.length === 1 ? '' : 's'}`] : []),
        ...(source.omits.length > 0 ? [`leaves out ${source.omits.length} report${source.omits.length === 1 ? '' : 's'} that others share`] : []),
      ];
      out.push(`  ${sourceLetter(source.doc)}  ${wrap(lines.join(' · '), width - 5, '     ')}`);
    }
  }
  if (setAside.length > 0) {
    out.push('', style(ANSI.dim, `Captions and boilerplate left out of the comparison: ${setAside.join(', ')}`));
  }
  out.push(
    '',
    style(
      ANSI.dim,
      wrap(
        color
          ? 'Underlined words set a source apart from the others in its group; the lines under each group say how.'
          : 'Words in «guillemets» set a source apart from the others in its group; the lines under each group say how.',
        width,
        '',
      ),
    ),
  );
  return out.join('\n') + '\n';
}
