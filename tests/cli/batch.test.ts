import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_USAGE, parseCsv, storyFileName } from '../../src/main/cli/batch.js';
import type { Comparison } from '../../src/shared/contract/comparison.js';
import { checkComparison } from '../../src/shared/contract/validate.js';
import { countDifferences } from '../../src/shared/core/counts.js';
import { KIND_COLUMNS, STORY_TABLE_COLUMNS } from '../../src/shared/core/story-table.js';
import { DIFFERENCE_KINDS } from '../../src/shared/contract/comparison.js';
import { REPO_ROOT } from '../support/seeds.js';
import { runCli } from '../support/cli.js';

/**
 * `parallax batch`, mostly through the BUILT command (bin/parallax.js, out/main/cli.js and its
 * batch-worker.js: run `npm run build` first), on short invented articles written to a temporary
 * folder: both kinds of input, the outputs read back, failures kept to their story, resuming, and
 * the same bytes whatever the number of workers.
 */

type Run = { code: number; stdout: string; stderr: string };

const run = runCli;

function runBuilt(args: string[]): Promise<Run> {
  return new Promise((resolveRun) => {
    execFile(process.execPath, [join(REPO_ROOT, 'bin', 'parallax.js'), 'batch', ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolveRun({ code, stdout, stderr });
    });
  });
}

// Invented events, three or four sentences each, told a little differently.
const ARTICLES: Record<string, Record<string, string>> = {
  bridge: {
    'a.txt': `Footbridge closes after crack found\n\nThe council closed the Millbrook footbridge on Tuesday after inspectors found a crack in its main beam, officials said.\n\nAbout 2,000 people cross the bridge every day. The council said repairs would take six weeks.\n\nResidents slammed the decision as reckless and said the detour adds twenty minutes to their walk.\n`,
    'b.txt': `Millbrook footbridge shut over safety fears\n\nThe Millbrook footbridge was shut on Tuesday after engineers discovered a crack in the main beam, the council claimed.\n\nSome 3,500 people use the bridge daily. Repairs could take up to two months, according to the council.\n\nA local shopkeeper said trade had already fallen.\n`,
    'c.md': `# Crack closes Millbrook bridge\n\nThe council closed the Millbrook footbridge on Tuesday after a crack was found in its main beam.\n\nAbout 2,000 people cross it each day, and repairs are expected to take six weeks.\n`,
  },
  flood: {
    'one.txt': `River Alder bursts its banks\n\nThe River Alder burst its banks on Sunday night, flooding forty homes in the village of Ashcombe, the fire service said.\n\nVolunteers filled sandbags until dawn. The mayor warned that more rain was expected.\n`,
    'two.txt': `Ashcombe flooded as Alder rises\n\nFlood water poured into about sixty homes in Ashcombe on Sunday night after the River Alder rose, residents said.\n\nThe mayor admitted the defences had failed. Forecasters expect more rain on Wednesday.\n`,
    // Not an article: left out of a story folder.
    'notes.json': `{"about": "not an article"}\n`,
  },
  // A bad file: the story is compared without it.
  orchard: {
    'first.txt': `Orchard fire destroys barn\n\nA fire destroyed a barn at the Pennick orchard early on Friday, the owner said.\n\nFirefighters reported that nobody was hurt. The cause is not yet known.\n`,
    'second.txt': `Blaze at Pennick orchard\n\nA blaze tore through a barn at Pennick orchard on Friday morning, police confirmed.\n\nNo one was injured, officials said. Investigators suspect faulty wiring.\n`,
    'third.pdf': 'This is not a PDF at all.\n',
  },
  // A bad story: one of its two files is empty, so there is nothing to compare it with.
  broken: {
    'good.txt': `Library extends opening hours\n\nThe town library will open until nine on weekdays from March, the council said.\n`,
    'empty.txt': '',
  },
};

let root: string;
let input: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'parallax-batch-'));
  input = join(root, 'stories-in');
  for (const [story, files] of Object.entries(ARTICLES)) {
    mkdirSync(join(input, story), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(input, story, name), text);
  }
  if (!existsSync(join(REPO_ROOT, 'out', 'main', 'batch-worker.js'))) {
    throw new Error('The built command is missing (out/main/batch-worker.js). Run `npm run build` before this test.');
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const files = (story: string, ...names: string[]): string[] => names.map((name) => join(input, story, name));
const read = (path: string): string => readFileSync(path, 'utf8');
const jsonLines = (path: string): Record<string, unknown>[] => read(path).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

/** A small CSV reader (quoted fields, doubled quotes), written apart from the command's own. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  return rows;
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(folder, name)).isFile())
    .sort();
}

describe('parallax batch: a folder of story folders', () => {
  let out: string;
  let result: Run;
  beforeAll(async () => {
    out = join(root, 'out-folder');
    result = await runBuilt([input, '--out', out, '--workers', '2']);
  });

  it('compares every story it can, keeps failures to their story, and exits 1', () => {
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('parallax batch: 4 stories; comparing 4 stories with 2 workers.');
    expect(result.stderr).toContain('story "broken" failed');
    expect(result.stderr).toMatch(/story "orchard": "third\.pdf" .* It was compared without that file\./);
    expect(result.stderr).toMatch(/3 stories compared, 0 skipped \(already done\), 1 failed; 1 file could not be opened and was left out\. Results in .*out-folder\/ \(summary\.csv, summary\.jsonl, failures\.jsonl, stories\/\)\.\n$/);
    expect(listFiles(join(out, 'stories'))).toEqual(['bridge.json', 'flood.json', 'orchard.json']);
  });

  it('writes each story as compare --json prints it, and the JSON fits the contract', async () => {
    for (const [story, names] of [
      ['bridge', ['a.txt', 'b.txt', 'c.md']],
      ['flood', ['one.txt', 'two.txt']],
    ] as const) {
      const written = read(join(out, 'stories', `${story}.json`));
      expect(checkComparison(JSON.parse(written))).toEqual([]);
      const printed = await run(['compare', ...files(story, ...names), '--json']);
      expect(printed.code).toBe(0);
      expect(written).toBe(printed.stdout);
    }
    const orchard = JSON.parse(read(join(out, 'stories', 'orchard.json'))) as Comparison;
    expect(orchard.documents.map((document) => document.path)).toEqual(files('orchard', 'first.txt', 'second.txt'));
  });

  it('lists the failed story and the file left out in failures.jsonl', () => {
    expect(jsonLines(join(out, 'failures.jsonl'))).toEqual([
      { story: 'broken', file: null, message: expect.stringContaining('only one of its 2 files could be opened'), compared: false },
      { story: 'broken', file: join(input, 'broken', 'empty.txt'), message: expect.stringContaining('"empty.txt" is empty'), compared: false },
      { story: 'orchard', file: join(input, 'orchard', 'third.pdf'), message: expect.stringContaining('"third.pdf"'), compared: true },
    ]);
  });

  it('writes summary.csv and summary.jsonl: a row per story and source, counted as the JSON counts', () => {
    const [header, ...rows] = readCsv(read(join(out, 'summary.csv')));
    expect(header).toEqual([...STORY_TABLE_COLUMNS]);
    expect(rows.map((row) => `${row[0]}:${row[1]}`)).toEqual(['bridge:0', 'bridge:1', 'bridge:2', 'flood:0', 'flood:1', 'orchard:0', 'orchard:1']);
    const lines = jsonLines(join(out, 'summary.jsonl'));
    expect(lines).toHaveLength(rows.length);
    for (const [i, row] of rows.entries()) {
      const line = lines[i]!;
      expect(Object.keys(line)).toEqual([...STORY_TABLE_COLUMNS]);
      // The same table in both files.
      expect(row).toEqual(STORY_TABLE_COLUMNS.map((column) => String(line[column])));
      const comparison = JSON.parse(read(join(out, 'stories', `${line['story']}.json`))) as Comparison;
      const doc = Number(line['doc']);
      const counts = countDifferences(comparison, doc);
      DIFFERENCE_KINDS.forEach((kind, k) => expect(line[KIND_COLUMNS[k]!]).toBe(counts.byKind[kind] ?? 0));
      expect(line['diff_total']).toBe(counts.total);
      expect(line['only_in_this_source']).toBe(counts.onlyInOneSource);
      expect(line['sources']).toBe(comparison.documents.length);
      expect(line['label']).toBe(comparison.documents[doc]!.label);
      expect(line['file']).toBe(comparison.documents[doc]!.path);
      const summary = comparison.summary!.sources[doc]!;
      expect(line['loaded_terms_n']).toBe(summary.loadedTerms.reduce((sum, term) => sum + term.count, 0));
      expect(line['loaded_terms_quoted_n']).toBe(summary.loadedTerms.reduce((sum, term) => sum + (term.quoted ?? 0), 0));
      expect(line['attribution_n']).toBe(summary.attribution.reduce((sum, term) => sum + term.count, 0));
      expect(line['highlighted_share']).toBe(summary.highlightedShare);
    }
    const bridgeA = lines[0]!;
    expect(bridgeA['format']).toBe('text');
    expect(bridgeA['attribution_verbs']).toMatch(/said \(\d\)/);
    expect(lines[2]!['format']).toBe('markdown');
    expect(lines.reduce((sum, line) => sum + Number(line['diff_total']), 0)).toBeGreaterThan(0);
  });
});

describe('parallax batch: manifests', () => {
  it('reads a CSV manifest (story,file; paths relative to it) and a JSONL one, to the same comparisons as a folder', async () => {
    const manifests = join(root, 'manifests');
    mkdirSync(manifests, { recursive: true });
    const csv = join(manifests, 'stories.csv');
    writeFileSync(
      csv,
      '\uFEFFstory,file,comment\r\n' +
        'bridge,../stories-in/bridge/a.txt,first\r\n' +
        '"Bridge, day two",../stories-in/bridge/b.txt,"a ""quoted"" note"\r\n' +
        'bridge,../stories-in/bridge/b.txt,\r\n' +
        '"Bridge, day two",../stories-in/bridge/c.md,\r\n' +
        `bridge,${join(input, 'bridge', 'c.md')},absolute\r\n` +
        '\r\n',
    );
    const jsonl = join(manifests, 'stories.jsonl');
    writeFileSync(
      jsonl,
      [
        { story: 'bridge', files: ['../stories-in/bridge/a.txt', '../stories-in/bridge/b.txt', '../stories-in/bridge/c.md'] },
        { story: 'Bridge, day two', files: ['../stories-in/bridge/b.txt', '../stories-in/bridge/c.md'] },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n') + '\n\n',
    );
    const fromFolder = join(root, 'out-folder');
    if (!existsSync(join(fromFolder, 'stories', 'bridge.json'))) await runBuilt([input, '--out', fromFolder]);
    const day2 = storyFileName('Bridge, day two');
    expect(day2).toMatch(/^Bridge_day_two-[0-9a-f]{8}$/);
    for (const manifest of [csv, jsonl]) {
      const out = join(root, `out-${manifest.endsWith('.csv') ? 'csv' : 'jsonl'}`);
      const result = await runBuilt([manifest, '--out', out]);
      expect(result.stderr).toContain('2 stories compared, 0 skipped (already done), 0 failed.');
      expect(result.code).toBe(0);
      expect(read(join(out, 'stories', 'bridge.json'))).toBe(read(join(fromFolder, 'stories', 'bridge.json')));
      const second = JSON.parse(read(join(out, 'stories', `${day2}.json`))) as Comparison;
      expect(second.documents.map((document) => document.path)).toEqual(files('bridge', 'b.txt', 'c.md'));
      // The story keeps its id in the summary; its rows come after "bridge" ("B" < "b").
      const rows = readCsv(read(join(out, 'summary.csv'))).slice(1);
      expect(rows.map((row) => row[0])).toEqual(['Bridge, day two', 'Bridge, day two', 'bridge', 'bridge', 'bridge']);
      expect(read(join(out, 'failures.jsonl'))).toBe('');
    }
    expect(read(join(root, 'out-csv', 'summary.csv'))).toBe(read(join(root, 'out-jsonl', 'summary.csv')));
  });
});

describe('parallax batch: the same bytes whatever the number of workers', () => {
  it('gives identical story JSON, summaries and failures with 1 worker and with 2', async () => {
    const one = join(root, 'out-w1');
    const two = join(root, 'out-w2');
    const [a, b] = await Promise.all([runBuilt([input, '--out', one, '--workers', '1', '--no-progress']), runBuilt([input, '--out', two, '--workers', '2', '--no-progress'])]);
    expect([a.code, b.code]).toEqual([1, 1]);
    expect(listFiles(one)).toEqual(listFiles(two));
    for (const name of listFiles(one)) expect(read(join(two, name)), name).toBe(read(join(one, name)));
  });

  it('gives the same bytes from the command run from source, in one thread', async () => {
    const inThread = join(root, 'out-thread');
    const result = await run(['batch', input, '--out', inThread, '--workers', '3']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('comparing 4 stories in this thread');
    const built = join(root, 'out-w1');
    for (const name of ['summary.csv', 'summary.jsonl', 'failures.jsonl', 'stories/bridge.json', 'stories/orchard.json']) {
      expect(read(join(inThread, name)), name).toBe(read(join(built, name)));
    }
  });
});

describe('parallax batch: resuming', () => {
  it('skips the stories already done, redoes only a story whose file changed, and redoes all with --force', async () => {
    const folder = join(root, 'resume-in');
    cpSync(input, folder, { recursive: true });
    const out = join(root, 'out-resume');
    const first = await runBuilt([folder, '--out', out]);
    expect(first.stderr).toContain('3 stories compared, 0 skipped');
    const stamp = (story: string): number => statSync(join(out, 'stories', `${story}.json`)).mtimeMs;
    const before = { bridge: stamp('bridge'), flood: stamp('flood'), orchard: stamp('orchard') };
    const summary = read(join(out, 'summary.csv'));

    // An interrupted run may leave a temporary file and a line cut short: neither matters.
    writeFileSync(join(out, 'stories', 'flood.json.1234abcd.tmp'), '{"schema": "parallax.compar');
    writeFileSync(join(out, 'done.jsonl'), read(join(out, 'done.jsonl')) + '{"story": "half');
    const again = await runBuilt([folder, '--out', out]);
    // The failed story is tried again (its files may have been mended); the others are not.
    expect(again.stderr).toContain('parallax batch: 4 stories, 3 already done; comparing 1 story with 1 worker.');
    expect(again.stderr).toContain('0 stories compared, 3 skipped (already done), 1 failed');
    expect(again.code).toBe(1);
    expect({ bridge: stamp('bridge'), flood: stamp('flood'), orchard: stamp('orchard') }).toEqual(before);
    expect(read(join(out, 'summary.csv'))).toBe(summary);
    expect(readdirSync(join(out, 'stories')).some((name) => name.endsWith('.tmp'))).toBe(false);
    // The skipped story's file problem is still reported.
    expect(jsonLines(join(out, 'failures.jsonl')).filter((line) => line['story'] === 'orchard')).toHaveLength(1);

    // A file touched: only its story is done again.
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(folder, 'flood', 'one.txt'), later, later);
    const touched = await runBuilt([folder, '--out', out]);
    expect(touched.stderr).toContain('1 story compared, 2 skipped (already done), 1 failed');
    expect(stamp('flood')).toBeGreaterThan(before.flood);
    expect(stamp('bridge')).toBe(before.bridge);
    expect(stamp('orchard')).toBe(before.orchard);

    // A story fixed: it is done, and its failure is gone.
    writeFileSync(join(folder, 'broken', 'empty.txt'), 'Library opens later\n\nThe town library will stay open until nine on weekdays from March, officials said.\n');
    const fixed = await runBuilt([folder, '--out', out]);
    expect(fixed.stderr).toContain('1 story compared, 3 skipped (already done), 0 failed');
    expect(fixed.code).toBe(1); // orchard's file is still left out
    expect(jsonLines(join(out, 'failures.jsonl')).map((line) => line['story'])).toEqual(['orchard']);
    expect(readCsv(read(join(out, 'summary.csv'))).filter((row) => row[0] === 'broken')).toHaveLength(2);

    const forced = await runBuilt([folder, '--out', out, '--force']);
    expect(forced.stderr).toContain('4 stories compared, 0 skipped');
    // A threshold of its own makes different comparisons: every story is done again.
    const stricter = await runBuilt([folder, '--out', out, '--threshold', '0.9']);
    expect(stricter.stderr).toContain('4 stories compared, 0 skipped');
  });
});

describe('parallax batch: progress', () => {
  it('draws a bar with the time left on a terminal', async () => {
    const result = await run(['batch', join(input), '--out', join(root, 'out-tty'), '--workers', '1'], { stderrIsTTY: true });
    expect(result.stderr).toMatch(/\r\[#{8}-{22}\] 1\/4 stories, \d+ s, about \d+ s left/);
    expect(result.stderr).toMatch(/\r\[#{30}\] 4\/4 stories/);
  });

  it('writes only the failures and the last line with --no-progress', async () => {
    const result = await run(['batch', join(input), '--out', join(root, 'out-quiet'), '--no-progress']);
    expect(result.stderr).not.toContain('stories (');
    expect(result.stderr.trim().split('\n').pop()).toMatch(/^parallax batch: 3 stories compared/);
  });
});

describe('parallax batch: bad usage', () => {
  const failsWith = async (argv: string[], message: string | RegExp): Promise<void> => {
    const result = await run(['batch', ...argv]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(typeof message === 'string' ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : message);
  };

  it('says what is wrong with the command, exit 2', async () => {
    const out = join(root, 'out-bad');
    await failsWith(['--out', out], 'give a folder of story folders, or a manifest');
    await failsWith([input], 'say where to write the results with --out OUTDIR');
    await failsWith([input, input, '--out', out], 'give one folder or manifest, not 2');
    await failsWith([input, '--out', out, '--workers', '0'], '--workers takes a whole number from 1 to 256, not "0"');
    await failsWith([input, '--out', out, '--threshold', 'strict'], '--threshold takes a number from 0 (loose) to 1 (strict)');
    await failsWith([input, '--out', out, '--lexicon', join(root, 'no-lexicon.json')], 'could not be found');
    await failsWith([input, '--out', out, '--frobnicate'], /Unknown option '--frobnicate'[\s\S]*Usage:/);
    await failsWith([join(root, 'nowhere'), '--out', out], 'could not be found. Give a folder of story folders');
    const text = join(root, 'list.txt');
    writeFileSync(text, 'a.txt\n');
    await failsWith([text, '--out', out], 'list.txt is neither a folder nor a manifest');
    const flat = join(root, 'flat');
    mkdirSync(flat, { recursive: true });
    writeFileSync(join(flat, 'a.txt'), 'An article.\n');
    await failsWith([flat, '--out', out], 'has no story folders in it');
    if (process.platform !== 'win32') {
      // A named pipe as the manifest is refused unread, not waited on.
      const pipe = join(root, 'stories.csv');
      execFileSync('mkfifo', [pipe]);
      await failsWith([pipe, '--out', out], 'is a named pipe (FIFO), not an ordinary file, so Parallax did not read it');
      rmSync(pipe);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('says what is wrong with a manifest, and where', async () => {
    const out = join(root, 'out-bad');
    const write = (name: string, text: string): string => {
      const path = join(root, name);
      writeFileSync(path, text);
      return path;
    };
    await failsWith([write('no-header.csv', 'id,path\nx,a.txt\n'), '--out', out], 'no-header.csv: the first line must name the columns, with "story" and "file" among them (it has "id", "path")');
    await failsWith([write('no-file.csv', 'story,file\nx,a.txt\ny,\n'), '--out', out], 'no-file.csv line 3: story "y" has no file given.');
    await failsWith([write('open-quote.csv', 'story,file\n"x,a.txt\n'), '--out', out], 'open-quote.csv line 2: a quoted field is not closed.');
    await failsWith([write('empty.csv', ''), '--out', out], 'empty.csv is empty');
    await failsWith([write('bad.jsonl', '{"story": "x", "files": ["a.txt", "b.txt"]}\n{"story": "y", files: []}\n'), '--out', out], 'bad.jsonl line 2 is not JSON');
    await failsWith([write('no-files.jsonl', '{"story": "x"}\n'), '--out', out], 'no-files.jsonl line 1: "files" must be a list of file paths');
    await failsWith([write('twice.jsonl', '{"story": "x", "files": ["a.txt"]}\n{"story": "x", "files": ["b.txt"]}\n'), '--out', out], 'twice.jsonl line 2: story "x" is given twice');
    await failsWith([write('case.jsonl', '{"story": "Flood", "files": ["a.txt"]}\n{"story": "flood", "files": ["b.txt"]}\n'), '--out', out], 'stories "Flood" and "flood" would be written to the same file');
  });

  it('exits 2 when no story could be done', async () => {
    const manifest = join(root, 'hopeless.jsonl');
    writeFileSync(manifest, JSON.stringify({ story: 'gone', files: ['missing-a.txt', 'missing-b.txt'] }) + '\n');
    const result = await run(['batch', manifest, '--out', join(root, 'out-hopeless')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('0 stories compared, 0 skipped (already done), 1 failed');
    expect(jsonLines(join(root, 'out-hopeless', 'failures.jsonl'))).toHaveLength(3);
  });

  it('prints its help, and is in the command list', async () => {
    const help = await run(['batch', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(BATCH_USAGE);
    expect((await run(['--help'])).stdout).toContain('parallax batch DIR|MANIFEST --out DIR');
  });
});

describe('story ids as file names', () => {
  it('keeps plain ids, and makes others plain and unique, the same way every time', () => {
    expect(storyFileName('005a2961-0c2e')).toBe('005a2961-0c2e');
    expect(storyFileName('story_1.v2')).toBe('story_1.v2');
    for (const id of ['a/b', '../up', '.hidden', 'CON', 'nul.txt', 'ends.', 'Zürich', 'x'.repeat(120), '', '  ']) {
      const name = storyFileName(id);
      expect(name, id).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*-[0-9a-f]{8}$/);
      expect(name.length).toBeLessThanOrEqual(100);
      expect(storyFileName(id)).toBe(name);
    }
    expect(storyFileName('a/b')).not.toBe(storyFileName('a:b'));
  });

  it('reads CSV as RFC 4180 writes it', () => {
    expect(parseCsv('\uFEFFstory,file\r\n"a, ""b""",x.txt\r\n\r\nc ,"multi\nline"\n')).toEqual([
      { line: 1, cells: ['story', 'file'] },
      { line: 2, cells: ['a, "b"', 'x.txt'] },
      { line: 4, cells: ['c', 'multi\nline'] },
    ]);
  });
});
