import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceDocument } from '../../shared/contract/comparison.js';
import { printableName, printableMessage } from '../../shared/core/terminal.js';
import { COMPARE_TIME_LIMIT_MS } from '../services/compare-protocol.js';
import { compareOpened, comparisonJson, lexiconInUse, openForComparison } from '../services/comparison-service.js';
import { defaultLexiconPath } from '../services/lexicon.js';
import { TimeLimitError } from '../services/time-limit.js';
import { parseCommandLazily } from './args.js';

/**
 * The `parallax` command line: the app's main job, headless, on the same core and services.
 *
 * Exit codes: 0 done; 1 done, but some files could not be opened (said on stderr); 2 nothing could
 * be done (bad usage, or no file could be opened).
 */

/**
 * The command's help. Each subcommand's own part comes from its module, so building it loads them
 * all (the notes export, the store, the batch runner): it is put together only when it is shown,
 * never on the way to a comparison (issue 13: `parallax compare` starts as fast as it can).
 */
export async function usage(): Promise<string> {
  const [{ DEFAULT_ALIGN_THRESHOLD }, { BATCH_USAGE }, { IMPORT_USAGE }, { NOTES_USAGE }, { COMPARE_QDPX_USAGE }] = await Promise.all([
    import('../../shared/core/align.js'),
    import('./batch.js'),
    import('./import.js'),
    import('./notes.js'),
    import('./qdpx.js'),
  ]);
  return `Usage:
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
}

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
    io.stdout(await usage());
    return 0;
  }
  if (command === '-v' || command === '--version') {
    io.stdout(`parallax ${VERSION}\n`);
    return 0;
  }
  // Each subcommand is loaded only when it is asked for (see `usage`).
  if (command === 'compare') return compare(rest, io);
  if (command === 'batch') return (await import('./batch.js')).batchCommand(rest, io, resourcesDir(), VERSION);
  if (command === 'import') return (await import('./import.js')).importCommand(rest, io, usage);
  if (command === 'notes') return (await import('./notes.js')).notesCommand(rest, io, resourcesDir());
  if (command === 'report') return (await import('./notes.js')).reportCommand(rest, io, resourcesDir());
  return (await import('./launch.js')).launchApp(argv, io);
}

async function compare(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = await parseCommandLazily(
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
    usage,
    io,
  );
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  if (positionals.length < 2) {
    io.stderr(`parallax compare: give at least two article files to compare${positionals.length === 1 ? ' (only one was given)' : ''}.\n\n${await usage()}`);
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
  // Reading and comparing stop at the app's limit for a comparison (issue 14): a 25 MB source must
  // not keep the command busy for minutes with no end in sight.
  const limitMs = compareTimeLimitMs();
  const deadline = started + limitMs;
  const lexicon = await lexiconInUse(resourcesDir(), values.lexicon ? { file: values.lexicon } : {});
  if (!lexicon.ok) {
    io.stderr(`parallax compare: ${printableName(lexicon.message)}\n`);
    return 2;
  }
  let opening: Awaited<ReturnType<typeof openForComparison>>;
  try {
    opening = await openForComparison(positionals, undefined, { deadline });
  } catch (error) {
    if (!(error instanceof TimeLimitError)) throw error;
    io.stderr(`parallax compare: ${printableName(tookTooLong(limitMs, { reading: error.path ?? positionals.join(', ') }))}\n`);
    return 2;
  }
  const { documents, problems } = opening;
  const opened = performance.now();
  for (const problem of problems) io.stderr(`parallax: ${printableName(problem.message)}\n`);
  if (documents.length < 2) {
    io.stderr(`parallax compare: ${documents.length === 0 ? 'no file' : 'only one file'} could be opened; a comparison needs at least two.\n`);
    return 2;
  }
  let comparison: Awaited<ReturnType<typeof compareOpened>>;
  try {
    comparison = await compareOpened(documents, { threshold, lexicon: lexicon.lexicon, timeLimitMs: deadline - performance.now() });
  } catch (error) {
    if (!(error instanceof TimeLimitError)) throw error;
    io.stderr(`parallax compare: ${printableName(tookTooLong(limitMs, { comparing: documents }))}\n`);
    return 2;
  }
  const compared = performance.now();
  if (values.json) {
    // Each difference with its description in words, naming the sources by their labels (the same JSON as batch writes).
    io.stdout(comparisonJson(comparison));
  } else {
    const color = values['no-color'] ? false : (values.color ?? (io.isTTY && !process.env.NO_COLOR));
    const { formatComparison } = await import('../../shared/core/format.js');
    io.stdout(formatComparison(comparison, { color, width }));
  }
  for (const notice of comparison.notices ?? []) io.stderr(`parallax: ${printableName(notice)}\n`);
  if (values.qdpx !== undefined) {
    const { compareToQdpx } = await import('./qdpx.js');
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
 * How long `compare` may read and compare: the app's limit for a comparison (COMPARE_TIME_LIMIT_MS,
 * 120 seconds), or PARALLAX_COMPARE_TIME_LIMIT_MS milliseconds when that is set to a number above
 * 0 (for tests, which need the limit to come sooner).
 */
function compareTimeLimitMs(): number {
  const given = Number(process.env.PARALLAX_COMPARE_TIME_LIMIT_MS);
  return Number.isFinite(given) && given > 0 ? given : COMPARE_TIME_LIMIT_MS;
}

/** Why `compare` stopped at its time limit, naming the file it was reading or the largest it was comparing. */
function tookTooLong(limitMs: number, at: { readonly reading: string } | { readonly comparing: readonly SourceDocument[] }): string {
  const seconds = limitMs >= 10_000 ? String(Math.round(limitMs / 1000)) : String(Math.round(limitMs / 100) / 10);
  const limit = `${seconds} second${seconds === '1' ? '' : 's'}`;
  if ('reading' in at) {
    return `reading "${basename(at.reading) || at.reading}" took longer than ${limit}, so Parallax stopped: that is the limit for reading and comparing. Save only the article's text in a smaller file and compare that.`;
  }
  const largest = at.comparing.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const others = at.comparing.length - 1;
  const megabytes = (Buffer.byteLength(largest.text) / (1024 * 1024)).toFixed(1);
  return (
    `comparing "${basename(largest.path) || largest.path}" (${megabytes} MB, ${largest.paragraphs.length.toLocaleString('en-US')} paragraphs) with ${others} other source${others === 1 ? '' : 's'} ` +
    `took longer than ${limit}, so Parallax stopped: that is the limit for one comparison, in the app too. Compare fewer or shorter sources, or only the articles' text, and try again.`
  );
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
