import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ALIGN_THRESHOLD } from '../../shared/core/align.js';
import { formatComparison } from '../../shared/core/format.js';
import { printableName, printableMessage } from '../../shared/core/terminal.js';
import { compareOpened, comparisonJson, lexiconInUse, openForComparison } from '../services/comparison-service.js';
import { defaultLexiconPath } from '../services/lexicon.js';
import { parseCommand } from './args.js';
import { BATCH_USAGE, batchCommand } from './batch.js';
import { IMPORT_USAGE, importCommand } from './import.js';
import { launchApp } from './launch.js';
import { NOTES_USAGE, notesCommand, reportCommand } from './notes.js';
import { COMPARE_QDPX_USAGE, compareToQdpx } from './qdpx.js';

/**
 * The `parallax` command line: the app's main job, headless, on the same core and services.
 *
 * Exit codes: 0 done; 1 done, but some files could not be opened (said on stderr); 2 nothing could
 * be done (bad usage, or no file could be opened).
 */

export const USAGE = `Usage:
  parallax [FILE...]                      open the app, comparing the files given
  parallax compare FILE... [options]      compare articles headless and print the result
  parallax batch DIR|MANIFEST --out DIR   compare many stories, a JSON each and a summary table
${IMPORT_USAGE.split('\n')[0]}
  parallax notes export --format F ...    write the app's notes as md, csv, json, jsonld or qdpx
  parallax report FILE... --html OUT      a printable HTML report of a comparison and its notes

Options for compare:
  --json              print the comparison as JSON (schema parallax.comparison/1)
  --threshold N       how alike paragraphs must be to be aligned, 0 (loose) to 1 (strict);
                      default ${DEFAULT_ALIGN_THRESHOLD}
  --color / --no-color  mark differing words with colour (default: when printing to a terminal)
  --width N           wrap the summary at N columns (default: the terminal's width, or 100)
  --lexicon FILE      classify differences with this lexicon (parallax.lexicon/1) instead
                      of the default one in resources/lexicon/default.json
  --timings           print how long reading, comparing and printing took, and peak
                      memory, as one JSON line on stderr
${COMPARE_QDPX_USAGE}

${BATCH_USAGE.slice(BATCH_USAGE.indexOf('Options for batch:'), BATCH_USAGE.indexOf('  -h, --help'))}
${IMPORT_USAGE.split('\n').slice(2).join('\n')}
${NOTES_USAGE.split('\n').slice(4).join('\n')}
  -h, --help          show this help
  -v, --version       show the version
`;

export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY: boolean;
  readonly columns: number | undefined;
  /** Whether stderr is a terminal (for progress bars); not when not given. */
  readonly stderrIsTTY?: boolean;
}

const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  columns: process.stdout.columns,
  stderrIsTTY: Boolean(process.stderr.isTTY),
};

declare const __PARALLAX_VERSION__: string | undefined;
const VERSION = typeof __PARALLAX_VERSION__ === 'string' ? __PARALLAX_VERSION__ : '0.0.0-dev';

export async function main(argv: readonly string[], given: CliIO = processIO): Promise<number> {
  // Messages quote file names and story ids: their control characters are shown, never obeyed.
  const io: CliIO = { ...given, stderr: (text) => given.stderr(printableMessage(text)) };
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (command === '-v' || command === '--version') {
    io.stdout(`parallax ${VERSION}\n`);
    return 0;
  }
  if (command === 'compare') return compare(rest, io);
  if (command === 'batch') return batchCommand(rest, io, resourcesDir(), VERSION);
  if (command === 'import') return importCommand(rest, io, USAGE);
  if (command === 'notes') return notesCommand(rest, io, resourcesDir());
  if (command === 'report') return reportCommand(rest, io, resourcesDir());
  return launchApp(argv, io);
}

async function compare(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseCommand(
    'compare',
    {
      args: [...args],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        threshold: { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        width: { type: 'string' },
        timings: { type: 'boolean', default: false },
        lexicon: { type: 'string' },
        qdpx: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    USAGE,
    io,
  );
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  if (positionals.length < 2) {
    io.stderr(`parallax compare: give at least two article files to compare${positionals.length === 1 ? ' (only one was given)' : ''}.\n\n${USAGE}`);
    return 2;
  }
  let threshold: number | undefined;
  if (values.threshold !== undefined) {
    threshold = Number(values.threshold);
    if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
      io.stderr(`parallax compare: --threshold takes a number from 0 (loose) to 1 (strict), not "${values.threshold}".\n`);
      return 2;
    }
  }
  if (values['data-dir'] !== undefined && values.qdpx === undefined) {
    io.stderr('parallax compare: --data-dir is for --qdpx (the notes and codebook of the app go into the project); give --qdpx OUT.qdpx too.\n');
    return 2;
  }
  let width = io.columns ?? 100;
  if (values.width !== undefined) {
    width = Number(values.width);
    if (!Number.isInteger(width) || width < 40) {
      io.stderr(`parallax compare: --width takes a whole number of columns, 40 or more, not "${values.width}".\n`);
      return 2;
    }
  }

  const started = performance.now();
  const lexicon = await lexiconInUse(resourcesDir(), values.lexicon ? { file: values.lexicon } : {});
  if (!lexicon.ok) {
    io.stderr(`parallax compare: ${printableName(lexicon.message)}\n`);
    return 2;
  }
  const { documents, problems } = await openForComparison(positionals);
  const opened = performance.now();
  for (const problem of problems) io.stderr(`parallax: ${printableName(problem.message)}\n`);
  if (documents.length < 2) {
    io.stderr(`parallax compare: ${documents.length === 0 ? 'no file' : 'only one file'} could be opened; a comparison needs at least two.\n`);
    return 2;
  }
  const comparison = await compareOpened(documents, { threshold, lexicon: lexicon.lexicon });
  const compared = performance.now();
  if (values.json) {
    // Each difference with its description in words, naming the sources by their labels (the same JSON as batch writes).
    io.stdout(comparisonJson(comparison));
  } else {
    const color = values['no-color'] ? false : (values.color ?? (io.isTTY && !process.env.NO_COLOR));
    io.stdout(formatComparison(comparison, { color, width }));
  }
  for (const notice of comparison.notices ?? []) io.stderr(`parallax: ${printableName(notice)}\n`);
  if (values.qdpx !== undefined) {
    const written = await compareToQdpx(comparison, positionals, { out: values.qdpx, dataDir: values['data-dir'], resourcesDir: resourcesDir(), version: VERSION }, io);
    if (written !== 0) return written;
  }
  if (values.timings) {
    const ms = (value: number): number => Math.round(value * 10) / 10;
    io.stderr(
      JSON.stringify({
        timings: { openMs: ms(opened - started), compareMs: ms(compared - opened), printMs: ms(performance.now() - compared) },
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      }) + '\n',
    );
  }
  return problems.length > 0 ? 1 : 0;
}

/**
 * The app's resources folder: PARALLAX_RESOURCES if set, else the repository's resources/ found
 * from the built command (out/main/cli.js) or from its source (src/main/cli/index.ts).
 */
function resourcesDir(): string {
  if (process.env.PARALLAX_RESOURCES) return process.env.PARALLAX_RESOURCES;
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', '..', 'resources'), join(here, '..', '..', '..', 'resources')];
  return candidates.find((folder) => existsSync(defaultLexiconPath(folder))) ?? candidates[0]!;
}
