import { TEXT_ENCODINGS, type TextEncoding } from '../../shared/contract/encodings.js';
import type { SourceDocument } from '../../shared/contract/comparison.js';
import { openSources } from '../services/sources.js';
import { parseCommandLazily } from './args.js';
import type { CliIO } from './index.js';
import { printableName, printableText } from '../../shared/core/terminal.js';

/**
 * `parallax import FILE [--json] [--encoding ENC]`: read one article as Parallax does and show what
 * it found. With --json, the document in the comparison contract (path, label, title, text,
 * paragraphs, hash, metadata); without, a listing of its paragraphs with their kinds.
 *
 * Exit codes: 0 read; 2 bad usage or the file could not be read (said on stderr).
 */

export const IMPORT_USAGE = `  parallax import FILE [options]          read one article and show its paragraphs and kinds

Options for import:
  --json              print the document as JSON (a document of parallax.comparison/1)
  --encoding ENC      read a text file in this encoding instead of detecting it
                      (${TEXT_ENCODINGS.join(', ')})
`;

/** `usage` is the command's whole help, put together when it is shown. */
export async function importCommand(args: readonly string[], io: CliIO, usage: () => Promise<string>): Promise<number> {
  const parsed = await parseCommandLazily(
    'import',
    {
      args: [...args],
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, encoding: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    },
    usage,
    io,
  );
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.stderr(`parallax import: give exactly one file to read${positionals.length > 1 ? ` (${positionals.length} were given)` : ''}.\n\n${usage}`);
    return 2;
  }
  let encoding: TextEncoding | undefined;
  if (values.encoding !== undefined) {
    const wanted = values.encoding.toLowerCase();
    if (!(TEXT_ENCODINGS as readonly string[]).includes(wanted)) {
      io.stderr(`parallax import: --encoding takes one of ${TEXT_ENCODINGS.join(', ')}, not "${values.encoding}".\n`);
      return 2;
    }
    encoding = wanted as TextEncoding;
  }
  const file = positionals[0]!;
  const { documents, problems } = await openSources([file], encoding ? { encodings: { [file]: encoding } } : {});
  for (const problem of problems) io.stderr(`parallax: ${printableName(problem.message)}\n`);
  const document = documents[0];
  if (!document) return 2;
  // The readable form goes to a person: names and text from the file shown, not obeyed (terminal.ts).
  io.stdout(
    values.json
      ? JSON.stringify(document, null, 2) + '\n'
      : formatDocument({ ...document, label: printableName(document.label), title: printableName(document.title), path: printableName(document.path), text: printableText(document.text) }),
  );
  return 0;
}

/** A readable listing: what the source is, then each paragraph with its kind. */
export function formatDocument(document: SourceDocument): string {
  const metadata = document.metadata;
  const facts: string[] = [`${document.label} · ${document.paragraphs.length} paragraphs`];
  if (metadata) {
    facts.push(metadata.format + (metadata.encoding ? ` (${metadata.encoding})` : ''));
    if (metadata.byline) facts.push(`by ${metadata.byline}`);
    if (metadata.published) facts.push(`published ${metadata.published}`);
    if (metadata.language) facts.push(`language ${metadata.language}`);
  }
  const lines = [document.path, `Title: ${document.title}`, facts.join(' · ')];
  for (const warning of metadata?.warnings ?? []) lines.push(`Note: ${warning}`);
  if (metadata?.undecodable) {
    const { count, firstLine, firstColumn } = metadata.undecodable;
    lines.push(`Note: ${count} character${count === 1 ? '' : 's'} could not be decoded (the first at line ${firstLine}, column ${firstColumn}).`);
  }
  lines.push('');
  const width = Math.max(...document.paragraphs.map((paragraph) => paragraph.kind.length), 4);
  document.paragraphs.forEach((paragraph, index) => {
    const text = document.text.slice(paragraph.start, paragraph.end);
    lines.push(`${String(index + 1).padStart(3)}  ${paragraph.kind.padEnd(width)}  ${text}`);
  });
  return lines.join('\n') + '\n';
}
