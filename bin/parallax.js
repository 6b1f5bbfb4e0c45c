#!/usr/bin/env node
// The `parallax` command. With a subcommand (compare, ...) it runs headless on the built core;
// otherwise it opens the app with the files given.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// A reader that stops early (`parallax compare ... | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('parallax: the app is not built yet. Run `npm install` (or `npm run build`) in ' + root + ' first.\n');
  process.exit(2);
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
