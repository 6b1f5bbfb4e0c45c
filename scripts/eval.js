#!/usr/bin/env node
// `npm run eval`: bundles the harness in scripts/eval (TypeScript, over the project's core in
// src/shared) with rolldown into .eval/build, then runs it. See scripts/eval/main.ts for the options.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, '.eval', 'build');
await build({
  input: { main: join(root, 'scripts/eval/main.ts'), worker: join(root, 'scripts/eval/worker.ts') },
  platform: 'node',
  logLevel: 'silent',
  output: { dir: outDir, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name].mjs' },
});
const { main } = await import(pathToFileURL(join(outDir, 'main.mjs')).href);
process.exitCode = await main(process.argv.slice(2), root, join(outDir, 'worker.mjs'));
