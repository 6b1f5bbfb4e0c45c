import { DIFFERENCE_KIND_NAMES, type Comparison, type Difference, type DifferenceKind, type SourceDocument } from '../../contract/comparison.js';
import { countDifferences, isMarkedInText } from '../../core/counts.js';
import { describeDifference, labelNamer } from '../../core/describe.js';
import { describeCounts } from '../../core/format.js';
import { storyAtAGlance, type Glance, type GlanceSpeaker } from '../../core/glance.js';
import { anchorRows, codeLabel, readingOrder, targetDescription, type ExportComparison, type NoteRow, type NotesExport } from './common.js';

/**
 * A self-contained HTML report of one comparison: its sources, each group of aligned paragraphs
 * with the classified differences marked in the text, the paragraphs only one source has that hold
 * a mark (a loaded word there), and the notes, for reading on screen or printing. It loads nothing
 * (a Content Security Policy forbids it), runs nothing (no scripts, no event handlers), and every
 * text from a document or a note is escaped.
 */

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}


/** Marks by kind that do not rely on colour alone (as in the app: a line style per kind). */
const STYLE = `
:root { color-scheme: light; --ink: #1d232b; --muted: #55606e; --rule: #c9d0d8; --paper: #fff; --tint: #f3f5f8; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; font: 17px/1.55 Georgia, 'Times New Roman', serif; color: var(--ink); background: var(--paper); }
h1, h2, h3 { font-family: system-ui, 'Segoe UI', Helvetica, Arial, sans-serif; line-height: 1.25; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 .75rem; padding-top: .5rem; border-top: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.meta, .where, .stamp { font-family: system-ui, 'Segoe UI', Helvetica, Arial, sans-serif; color: var(--muted); font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--rule); }
th { font-family: system-ui, 'Segoe UI', Helvetica, Arial, sans-serif; }
.path { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .8rem; color: var(--muted); overflow-wrap: anywhere; }
.group, .alone { break-inside: avoid-page; margin-bottom: 1.5rem; }
.members { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .75rem; }
.member { background: var(--tint); border-left: 3px solid var(--rule); padding: .5rem .75rem; margin: 0; }
.member p { margin: .25rem 0 0; }
.source { font-family: system-ui, 'Segoe UI', Helvetica, Arial, sans-serif; font-weight: 600; font-size: .9rem; }
mark { background: none; color: inherit; text-decoration-thickness: 2px; text-underline-offset: 3px; }
mark.k-wording { text-decoration: underline solid #6b7785; text-decoration-thickness: 1px; }
mark.k-attribution { text-decoration: underline dashed #9a4b00; }
mark.k-loaded-term { text-decoration: underline wavy #a0153e; }
mark.k-label { text-decoration: underline double #4a3a9a; }
mark.k-hedge { text-decoration: underline dotted #00677a; }
mark.k-figure { text-decoration: underline solid #7a5b00; text-decoration-thickness: 3px; }
mark.k-quote { border-left: 3px solid #2b6b2b; padding-left: 2px; }
mark.k-omission { outline: 1px dashed #6b7785; }
.differences { margin: .5rem 0 0; padding-left: 1.2rem; font-size: .95rem; }
.note { border: 1px solid var(--rule); border-radius: 4px; padding: .6rem .9rem; margin: .75rem 0; break-inside: avoid; }
.note blockquote { margin: .4rem 0; padding-left: .75rem; border-left: 3px solid var(--rule); color: #333d48; }
.note .body { white-space: pre-wrap; margin: .4rem 0; }
.orphan { border-style: dashed; }
.badge { display: inline-block; font-family: system-ui, sans-serif; font-size: .8rem; border: 1px solid currentColor; border-radius: 3px; padding: 0 .3rem; }
.codes { font-family: system-ui, sans-serif; font-size: .9rem; }
.glance ul, .glance ol { margin: .25rem 0 .75rem; padding-left: 1.2rem; font-size: .95rem; }
.glance li { margin: .15rem 0; }
.glance h3 { margin: 1rem 0 .25rem; }
mark.g-word { background: #fbe8eb; box-shadow: inset 0 -2px 0 #a0153e; }
.g-kind, .g-verbs { font-family: system-ui, 'Segoe UI', Helvetica, Arial, sans-serif; font-size: .9rem; }
.g-kind { font-weight: 600; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .glance { break-after: page; }
  h2 { break-after: avoid-page; }
  .member { background: none; border-left-color: #888; }
  a { color: inherit; text-decoration: none; }
}
@page { margin: 18mm 16mm; }
`;

/** A paragraph's text with the group's differences in this source marked, one mark per character. */
function markedParagraph(doc: SourceDocument, docIndex: number, start: number, end: number, differences: readonly Difference[], describe: (difference: Difference) => string): string {
  const spans = differences
    .flatMap((difference) => difference.spans.filter((span) => span.doc === docIndex && span.end > span.start && span.start < end && span.end > start).map((span) => ({ span, difference })))
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  let html = '';
  let at = start;
  for (const { span, difference } of spans) {
    const from = Math.max(at, span.start);
    const to = Math.min(end, span.end);
    if (to <= from) continue;
    html += escapeHtml(doc.text.slice(at, from));
    const description = describe(difference);
    const title = `${DIFFERENCE_KIND_NAMES[difference.kind]}${description ? `: ${description}` : ''}`;
    html += `<mark class="k-${difference.kind}" title="${escapeHtml(title)}">${escapeHtml(doc.text.slice(from, to))}</mark>`;
    at = to;
  }
  return html + escapeHtml(doc.text.slice(at, end));
}

function noteHtml(item: ExportComparison, row: NoteRow, codebook: NotesExport['codebook']): string {
  const { note, status } = row.place;
  const anchors = anchorRows(item, row.place);
  const where = [...new Set(anchors.map((anchor) => `${anchor.label}, paragraph ${anchor.paragraphNumber}${anchor.placed ? '' : ' (as it was)'}`))].join('; ');
  const group = row.groupNumber === undefined ? '' : ` · group ${row.groupNumber}`;
  const flag =
    status === 'orphan'
      ? '<p class="meta"><span class="badge">Not found</span> The words it was written on are no longer in the source; they are shown as they were.</p>'
      : status === 'moved'
        ? '<p class="meta"><span class="badge">Found again</span> The source changed since this note was written.</p>'
        : '';
  const quotes = anchors.map((anchor) => `<blockquote>${anchors.length > 1 ? `<span class="source">${escapeHtml(anchor.label)}:</span> ` : ''}${escapeHtml(anchor.quote)}</blockquote>`).join('');
  const codes = note.tags.length > 0 ? `<p class="codes">Codes: ${note.tags.map((tag) => escapeHtml(codeLabel(codebook, tag))).join(', ')}</p>` : '';
  const by = note.author ? `${escapeHtml(note.author)} · ` : '';
  return `<article class="note${status === 'orphan' ? ' orphan' : ''}">
<p class="where">${escapeHtml(targetDescription(note))} · ${escapeHtml(where)}${group}</p>${flag}
${quotes}
${note.body.trim() ? `<p class="body">${escapeHtml(note.body.trim())}</p>` : ''}${codes}
<p class="stamp">${by}<time datetime="${escapeHtml(note.created)}">${escapeHtml(note.created)}</time>${note.updated !== note.created ? ` · edited <time datetime="${escapeHtml(note.updated)}">${escapeHtml(note.updated)}</time>` : ''}</p>
</article>`;
}

function groupsHtml(comparison: Comparison, rows: readonly NoteRow[], item: ExportComparison, codebook: NotesExport['codebook']): string {
  // Differences in words, naming the sources by their labels, as the command line does.
  const nameOf = labelNamer(comparison.documents);
  const describe = (difference: Difference): string => describeDifference(difference, nameOf);
  return comparison.groups
    .map((group, index) => {
      const number = index + 1;
      const differences = comparison.differences.filter((difference) => difference.group === group.id);
      const members = group.members
        .map((member) => {
          const doc = comparison.documents[member.doc];
          if (!doc) return '';
          const paragraphs = member.paragraphs
            .map((p) => {
              const block = doc.paragraphs[p];
              return block ? `<p>${markedParagraph(doc, member.doc, block.start, block.end, differences, describe)}</p>` : '';
            })
            .join('');
          return `<figure class="member"><figcaption class="source">${escapeHtml(doc.label)} · paragraph ${member.paragraphs.map((p) => p + 1).join(', ')}</figcaption>${paragraphs}</figure>`;
        })
        .join('\n');
      const classified = differences.filter((difference) => difference.kind !== 'wording').map((difference) => ({ kind: difference.kind, description: describe(difference) })).filter((entry) => entry.description);
      const list = classified.length > 0 ? `<ul class="differences">${classified.map((entry) => `<li><strong>${DIFFERENCE_KIND_NAMES[entry.kind]}</strong>: ${escapeHtml(entry.description)}</li>`).join('')}</ul>` : '';
      const notes = rows.filter((row) => row.section !== 'orphan' && row.groupNumber === number).map((row) => noteHtml(item, row, codebook)).join('\n');
      return `<section class="group" aria-labelledby="group-${number}"><h3 id="group-${number}">Group ${number} · ${group.members.length} sources</h3>
<div class="members">${members}</div>${list}${notes}</section>`;
    })
    .join('\n');
}

/**
 * The paragraphs only one source has that hold a difference marked in the text (a loaded word),
 * each with its marks and the differences in words, in the order of the sources and their text.
 */
function aloneHtml(comparison: Comparison): string {
  const nameOf = labelNamer(comparison.documents);
  const describe = (difference: Difference): string => describeDifference(difference, nameOf);
  const byParagraph = new Map<string, { doc: number; paragraph: number; differences: Difference[] }>();
  for (const difference of comparison.differences) {
    if (difference.group !== '' || !isMarkedInText(difference)) continue;
    const span = difference.spans[0];
    const paragraph = span ? (comparison.documents[span.doc]?.paragraphs.findIndex((block) => block.start <= span.start && span.start < block.end) ?? -1) : -1;
    if (!span || paragraph < 0) continue;
    const key = `${span.doc}:${paragraph}`;
    const entry = byParagraph.get(key) ?? { doc: span.doc, paragraph, differences: [] };
    entry.differences.push(difference);
    byParagraph.set(key, entry);
  }
  return [...byParagraph.values()]
    .sort((a, b) => a.doc - b.doc || a.paragraph - b.paragraph)
    .map(({ doc: docIndex, paragraph, differences }) => {
      const doc = comparison.documents[docIndex]!;
      const block = doc.paragraphs[paragraph]!;
      const list = differences.map((difference) => ({ kind: difference.kind, description: describe(difference) })).filter((entry) => entry.description);
      return `<section class="alone"><figure class="member"><figcaption class="source">${escapeHtml(doc.label)} · paragraph ${paragraph + 1}</figcaption><p>${markedParagraph(doc, docIndex, block.start, block.end, differences, describe)}</p></figure>${
        list.length > 0 ? `<ul class="differences">${list.map((entry) => `<li><strong>${DIFFERENCE_KIND_NAMES[entry.kind]}</strong>: ${escapeHtml(entry.description)}</li>`).join('')}</ul>` : ''
      }</section>`;
    })
    .join('\n');
}

/** A headline with the words that set it apart marked. */
function markedHeadline(text: string, marks: readonly { start: number; end: number }[]): string {
  let html = '';
  let at = 0;
  for (const mark of marks) {
    html += escapeHtml(text.slice(at, mark.start)) + `<mark class="g-word">${escapeHtml(text.slice(mark.start, mark.end))}</mark>`;
    at = mark.end;
  }
  return html + escapeHtml(text.slice(at));
}

/** "the lede", "paragraph 8": where a passage stands in a source, counting its article's paragraphs from the lede. */
const placeOf = (position: number): string => (position === 0 ? 'the headline' : position === 1 ? 'the lede' : `paragraph ${position}`);

/**
 * The story at a glance (shared/core/glance.ts), the same as the app's first view, naming the sources
 * by their labels. Passages are called groups here, as the sections below call them.
 */
function glanceHtml(comparison: Comparison, glance: Glance): string {
  const label = (doc: number): string => escapeHtml(comparison.documents[doc]?.label ?? '');
  const group = (number: number | undefined): string => (number === undefined ? '' : ` <span class="meta">(group ${number})</span>`);
  const names = (speakers: readonly GlanceSpeaker[]): string =>
    speakers.map((speaker) => `${escapeHtml(speaker.name)}${speaker.direct + speaker.paraphrased > 1 ? ` ×${speaker.direct + speaker.paraphrased}` : ''}`).join(', ');
  const leadOf = new Map(glance.leads.map((lead) => [lead.doc, lead]));
  const headlines = glance.headlines
    .map((headline) => {
      const lead = leadOf.get(headline.doc);
      return `<li><span class="source">${label(headline.doc)}</span>: ${markedHeadline(headline.text, headline.marks)}${lead ? `<br><span class="meta">Opens with:</span> ${escapeHtml(lead.text)}${group(lead.number)}` : ''}</li>`;
    })
    .join('\n');
  const voices = glance.voices
    .map((voice) => {
      const quoted = voice.speakers.filter((speaker) => speaker.direct > 0);
      const paraphrased = voice.speakers.filter((speaker) => speaker.direct === 0);
      const parts = [
        `quoted directly: ${quoted.length > 0 ? names(quoted) : 'no one'}`,
        `paraphrased only: ${paraphrased.length > 0 ? names(paraphrased) : 'no one'}`,
        `${voice.unnamed} ${voice.unnamed === 1 ? 'statement' : 'statements'} from unnamed sources`,
      ];
      const verbs = voice.verbs.map((verb) => `${escapeHtml(verb.term)}${verb.count > 1 ? ` ×${verb.count}` : ''}${verb.tone && verb.tone !== 'neutral' ? ` (${escapeHtml(verb.tone)})` : ''}`).join(', ');
      return `<li><span class="source">${label(voice.doc)}</span>: ${parts.join('; ')}.${verbs ? `<br><span class="g-verbs">Reporting verbs: ${verbs}</span>` : ''}</li>`;
    })
    .join('\n');
  const sole =
    glance.soleVoices.length > 0 ? `<p>Only one source lets speak: ${glance.soleVoices.map((voice) => `${escapeHtml(voice.name)} (${label(voice.doc)})`).join('; ')}.</p>` : '';
  const contrasted = glance.passages.filter((passage) => passage.leads.length > 0 && passage.buried.length > 0);
  const placed = (contrasted.length > 0 ? contrasted : glance.passages.slice(0, 3))
    .map((passage) => {
      const where = [...passage.positions]
        .sort((a, b) => a.position - b.position || a.doc - b.doc)
        .map((position) => `${label(position.doc)}: ${placeOf(position.position)}${passage.leads.includes(position.doc) ? ' (leads)' : ''}${passage.buried.includes(position.doc) ? ' (buried)' : ''}`)
        .join('; ');
      return `<li>Group ${passage.number} · ${escapeHtml(passage.text)}<br>${where}.</li>`;
    })
    .join('\n');
  const contrasts = glance.contrasts
    .map((contrast) => {
      const difference = comparison.differences[contrast.difference]!;
      return `<li><span class="g-kind">${DIFFERENCE_KIND_NAMES[difference.kind]}</span> (group ${contrast.number}) — ${escapeHtml(describeDifference(difference, labelNamer(comparison.documents)))}</li>`;
    })
    .join('\n');
  const unique = glance.unique
    .map(
      (item) =>
        `<li><span class="source">${label(item.doc)}</span>: ${item.lines.map((line) => escapeHtml(line.text)).join(' · ')}${item.more > 0 ? ` <span class="meta">and ${item.more} more</span>` : ''}</li>`,
    )
    .join('\n');
  const figures = glance.figures
    .map(
      (conflict) =>
        `<li>${escapeHtml(conflict.counted === 'killed' ? 'Deaths' : conflict.counted)} (group ${conflict.number}): ${conflict.figures.map((figure) => `${label(figure.doc)} ${escapeHtml(figure.text)}${figure.outlier ? ' (far out of line)' : ''}`).join('; ')}</li>`,
    )
    .join('\n');
  return `<section class="glance" aria-labelledby="glance">
<h2 id="glance">The story at a glance</h2>
<h3>Headlines, and what each story opens with</h3>
<p class="meta">Words no other headline uses are marked.</p>
<ul>${headlines}</ul>
<h3>Who gets to speak</h3>
<ul>${voices}</ul>${sole}
<h3>What leads, what is buried</h3>
${placed ? `<p class="meta">Where each source puts a passage, counting its paragraphs from the lede.</p>\n<ul>${placed}</ul>` : '<p class="meta">No passage is reported by two or more sources.</p>'}
<h3>The strongest contrasts</h3>
${contrasts ? `<ol>${contrasts}</ol>` : '<p class="meta">The sources differ in wording only.</p>'}
<h3>Only one source reports</h3>
${unique ? `<ul>${unique}</ul>` : '<p class="meta">Every passage is reported by two or more sources.</p>'}
<h3>Figures that conflict</h3>
${figures ? `<ul>${figures}</ul>` : '<p class="meta">No figures conflict.</p>'}
</section>`;
}

/**
 * The report of one comparison and its notes. `generated` is printed as the report's date (ISO 8601;
 * none when absent, so the same input gives the same file).
 */
export function comparisonReport(item: ExportComparison, options: { codebook?: NotesExport['codebook']; generated?: string } = {}): string {
  const rows = readingOrder(item);
  const comparison = item.comparison;
  const title = item.title || comparison?.documents[0]?.title || 'Comparison';
  const sources = comparison
    ? comparison.documents
        .map((doc, i) => `<tr><td>${String.fromCharCode(65 + (i % 26))}</td><td>${escapeHtml(doc.label)}</td><td>${escapeHtml(doc.title)}<div class="path">${escapeHtml(doc.path)}</div></td><td>${doc.paragraphs.length}</td></tr>`)
        .join('\n')
    : (item.sources ?? []).map((source, i) => `<tr><td>${String.fromCharCode(65 + (i % 26))}</td><td>${escapeHtml(source.label)}</td><td><div class="path">${escapeHtml(source.path)}</div></td><td></td></tr>`).join('\n');
  const counts = comparison ? countDifferences(comparison) : undefined;
  const summary = counts
    ? [describeCounts(counts), ...(Object.entries(counts.byKind) as [DifferenceKind, number][]).map(([kind, count]) => `${DIFFERENCE_KIND_NAMES[kind]} ${count}`)].join(' · ')
    : '';
  const ungrouped = rows.filter((row) => row.section !== 'orphan' && row.groupNumber === undefined);
  const orphans = rows.filter((row) => row.section === 'orphan');
  const alone = comparison ? aloneHtml(comparison) : '';
  const legend = (Object.keys(DIFFERENCE_KIND_NAMES) as DifferenceKind[]).map((kind) => `<mark class="k-${kind}">${DIFFERENCE_KIND_NAMES[kind]}</mark>`).join(' ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'; form-action 'none'; base-uri 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Parallax">
<title>${escapeHtml(title)} · Parallax report</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">A Parallax comparison of ${comparison?.documents.length ?? item.sources?.length ?? 0} sources · ${comparison?.groups.length ?? 0} group${comparison?.groups.length === 1 ? '' : 's'} of aligned paragraphs · ${rows.length} ${rows.length === 1 ? 'note' : 'notes'}${options.generated ? ` · ${escapeHtml(options.generated)}` : ''}</p>
</header>
<main>
${comparison && comparison.documents.length > 0 ? glanceHtml(comparison, storyAtAGlance(comparison)) : ''}
<h2>Sources</h2>
<table><thead><tr><th scope="col">Source</th><th scope="col">Label</th><th scope="col">Title and file</th><th scope="col">Paragraphs</th></tr></thead>
<tbody>${sources}</tbody></table>
${summary ? `<p class="meta">Differences found: ${summary}</p>` : ''}
${comparison && comparison.groups.length > 0 ? `<h2>Groups of aligned paragraphs</h2>\n<p class="meta">How each kind of difference is marked: ${legend}</p>\n${groupsHtml(comparison, rows, item, options.codebook)}` : ''}
${alone ? `<h2>Marked in paragraphs only one source has</h2>\n${alone}` : ''}
${ungrouped.length > 0 ? `<h2>Notes on paragraphs outside the groups</h2>\n${ungrouped.map((row) => noteHtml(item, row, options.codebook)).join('\n')}` : ''}
${orphans.length > 0 ? `<h2>Notes not found in the sources as they are now</h2>\n${orphans.map((row) => noteHtml(item, row, options.codebook)).join('\n')}` : ''}
</main>
</body>
</html>
`;
}
