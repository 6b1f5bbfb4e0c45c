#!/usr/bin/env node
// The renderer's figures, one JSON line each, as scripts/bench.js prints its own: five sources of
// 50,000 words compared by the real services (the built worker) and opened in the built renderer
// in Chromium through the end-to-end harness. It reports the time from Open to the first view (the
// sources' text in every column, shown while they are compared) and to the full comparison shown,
// the longest main-thread task (longtask and long-animation-frame) from Open until then and while
// scrolling each column, and the JS heap; then the same opened at the story at a glance.
//
//   node scripts/bench-renderer.js                              (after `npm run build`)
//   PARALLAX_BENCH_PROFILE=1 node scripts/bench-renderer.js     (also the page's self time by
//                                                                function while opening, on stderr)
//
// The measurement itself is tests/e2e/bench-renderer.spec.ts; this script runs it and prints
// what it wrote.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'out', 'renderer', 'index.html')) || !existsSync(join(root, 'out', 'main', 'compare-worker.js'))) {
  console.error('bench-renderer: build first (npm run build).');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-renderer-'));
const out = join(dir, 'figures.jsonl');
const result = spawnSync(
  process.platform === 'win32' ? 'npx.cmd' : 'npx',
  ['playwright', 'test', '--project=renderer', '--workers=1', '--reporter=line', 'tests/e2e/bench-renderer.spec.ts'],
  { cwd: root, encoding: 'utf8', env: { ...process.env, PARALLAX_BENCH_OUT: out }, stdio: ['ignore', 'pipe', 'pipe'] },
);
if (result.status !== 0 || !existsSync(out)) {
  process.stderr.write(result.stdout + result.stderr);
  console.log(JSON.stringify({ figure: 'renderer', failed: `the measurement did not finish (exit ${result.status})` }));
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
}
process.stdout.write(readFileSync(out, 'utf8'));
if (existsSync(`${out}.profile.txt`)) process.stderr.write(readFileSync(`${out}.profile.txt`, 'utf8'));
rmSync(dir, { recursive: true, force: true });
