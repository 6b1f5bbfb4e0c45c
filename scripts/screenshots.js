#!/usr/bin/env node
// Screenshots of the built renderer, for the README and for review:
//
//   npm run screenshots -- --out DIR [--local DIR] [FILE...]
//
// The repository holds no text written by others, so what goes to --out (docs/screenshots) shows
// only the bundled sample (resources/samples) and an invented fifth report written by the spec:
// comparison-sample.png, note-panel.png, source-details.png, page-furniture.png (page furniture
// dimmed) and paragraph-marked-by-you.png (a line the reader marked), recent.png, word-sets.png,
// five-sources-hover.png and five-sources-1280.png (a passage under the pointer, at 1440x900 and on
// a 1280x720 projector), differences-panel.png, event-view.png, claims-table.png, coverage-map.png,
// notes-panel.png and notes-panel-every-kind.png (notes of every kind; the second in a tall window
// that shows them all), blind-mode.png, dark-theme.png, high-contrast.png, presentation-mode.png,
// and the story at a glance, the first view of a comparison: glance-1280.png and glance-1920.png.
// The reading screen on a projector (issue 15): columns-1280.png (the sample at 1280x720, the
// toolbar folded into Key & tools), columns-list-1280.png (three invented reports of a library
// fire beside the differences list, a figure chosen) and columns-list-1920.png (the sample and the
// fifth report beside it at 1920x1080), and presentation-long-1280.png and
// presentation-long-1920.png (a passage taller than the screen, in parts, its key on screen).
//
// Shots of anyone else's articles go to --local (default .screenshots/, which git ignores), to be
// looked at and never committed: of the FILEs when they are given, else of the seed articles
// (../shared/seeds) when they are there: comparison-NAME.png, comparison-NAME-junk.png,
// comparison-NAME-hover.png, comparison-NAME-1280.png, NAME-differences-panel.png,
// NAME-event-view.png, NAME-claims-table.png, NAME-coverage-map.png and glance-NAME-1280.png, where
// NAME is "files" or "seeds".
//
// It builds nothing: it expects out/renderer (run `npm run build` first). The capture itself is a
// Playwright spec (tests/e2e/screenshots.spec.ts) that uses the same harness as the end-to-end
// tests, so window.api is backed by the real main-process services; this script only passes it
// the output folder and the files, through environment variables.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let out = null;
let local = join(root, '.screenshots');
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') out = args[++i];
  else if (args[i].startsWith('--out=')) out = args[i].slice('--out='.length);
  else if (args[i] === '--local') local = args[++i];
  else if (args[i].startsWith('--local=')) local = args[i].slice('--local='.length);
  else if (args[i] === '--help' || args[i] === '-h') {
    process.stdout.write('Usage: npm run screenshots -- --out DIR [--local DIR] [FILE...]\n');
    process.exit(0);
  } else files.push(resolve(args[i]));
}

if (!out || !local) {
  process.stderr.write('screenshots: say where to write them: npm run screenshots -- --out DIR [--local DIR] [FILE...]\n');
  process.exit(2);
}
if (resolve(local) === resolve(out)) {
  process.stderr.write('screenshots: --local must be another folder than --out: shots of other people\'s articles never go with ours.\n');
  process.exit(2);
}
if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  process.stderr.write(`screenshots: the renderer is not built (no ${join(root, 'out', 'renderer', 'index.html')}). Run \`npm run build\` first.\n`);
  process.exit(2);
}
const missing = files.filter((file) => !existsSync(file));
if (missing.length > 0) {
  process.stderr.write(`screenshots: no such file: ${missing.join(', ')}\n`);
  process.exit(2);
}

const result = spawnSync(
  process.platform === 'win32' ? 'npx.cmd' : 'npx',
  ['playwright', 'test', '--project=renderer', '--workers=1', '--reporter=list', 'tests/e2e/screenshots.spec.ts'],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      PARALLAX_SCREENSHOTS_OUT: resolve(out),
      PARALLAX_SCREENSHOTS_LOCAL: resolve(local),
      PARALLAX_SCREENSHOTS_FILES: JSON.stringify(files),
    },
  },
);
if (result.status === 0) process.stdout.write(`screenshots: written to ${resolve(out)} (other people's articles, if any: ${resolve(local)})\n`);
process.exit(result.status ?? 1);
