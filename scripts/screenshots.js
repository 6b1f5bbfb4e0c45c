#!/usr/bin/env node
// Screenshots of the built renderer, for the README and for review:
//
//   npm run screenshots -- --out DIR [FILE...]
//
// Writes comparison-sample.png, note-panel.png, comparison-seeds.png (or comparison-files.png
// when FILEs are given: they are opened instead of the seed articles), comparison-seeds-junk.png
// (seeds only: page furniture dimmed, one paragraph marked by the reader), source-details.png,
// recent.png, word-sets.png, notes-panel.png and notes-panel-every-kind.png (the notes panel on the seeds, notes of
// every kind; the second in a tall window that shows them all), and
// the comparison's other layouts: differences-panel.png, event-view.png, claims-table.png and
// coverage-map.png (of the seeds, or of the FILEs), at 1440x900; and the story at a glance, the
// first view of a comparison: glance-1280.png and glance-1920.png (the sample, at 1280x720 and
// 1920x1080) and glance-seeds-1280.png (glance-files-1280.png when FILEs are given).
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
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') out = args[++i];
  else if (args[i].startsWith('--out=')) out = args[i].slice('--out='.length);
  else if (args[i] === '--help' || args[i] === '-h') {
    process.stdout.write('Usage: npm run screenshots -- --out DIR [FILE...]\n');
    process.exit(0);
  } else files.push(resolve(args[i]));
}

if (!out) {
  process.stderr.write('screenshots: say where to write them: npm run screenshots -- --out DIR [FILE...]\n');
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
    env: { ...process.env, PARALLAX_SCREENSHOTS_OUT: resolve(out), PARALLAX_SCREENSHOTS_FILES: JSON.stringify(files) },
  },
);
if (result.status === 0) process.stdout.write(`screenshots: written to ${resolve(out)}\n`);
process.exit(result.status ?? 1);
