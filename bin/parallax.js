#!/usr/bin/env node
// The `parallax` command. With a subcommand (compare, ...) it runs headless on the built core;
// otherwise it opens the app with the files given.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// A reader that stops early (`parallax compare ... | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// `parallax --version` answers from package.json, without loading the command line's modules.
const [first] = process.argv.slice(2);
if (process.argv.length === 3 && (first === '--version' || first === '-v')) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  process.stdout.write(`parallax ${version}\n`);
  process.exit(0);
}
const cli = join(root, 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('parallax: the app is not built yet. Run `npm install` (or `npm run build`) in ' + root + ' first.\n');
  process.exit(2);
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
