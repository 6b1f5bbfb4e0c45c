#!/usr/bin/env node
// The `parallax` command. With a subcommand (compare, ...) it runs headless on the built core;
// otherwise it opens the app with the files given.
// Node's modules by process.getBuiltinModule, not `import`: an ES import of a built-in module copies
// all its exports, loading the lazy ones (node:fs its file streams), time each run pays (issue 13).
const { existsSync, readFileSync } = process.getBuiltinModule('node:fs');
const { dirname, join } = process.getBuiltinModule('node:path');
const { fileURLToPath, pathToFileURL } = process.getBuiltinModule('node:url');

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
const argv = process.argv.slice(2);

// The command as CommonJS, compiled with V8's code cache and tuned for a short run
// (src/main/code-cache.ts, issue 13): each `parallax compare` starts from the code the last one
// compiled. Without that build (a build from before it), the ES build as it is.
const headless = join(root, 'out', 'main', 'cli-cjs', 'cli.js');
const loaderFile = join(root, 'out', 'main', 'code-cache.js');
let loader;
let main;
if (existsSync(headless) && existsSync(loaderFile)) {
  const { commonJsLoader, codeCacheFolders, shortRunV8Flags } = await import(pathToFileURL(loaderFile).href);
  loader = commonJsLoader({ root: dirname(headless), folders: codeCacheFolders(), warm: first === 'compare', v8Flags: shortRunV8Flags() });
  ({ main } = loader.load(headless));
} else {
  ({ main } = await import(pathToFileURL(cli).href));
}
const code = await main(argv);
loader?.save();
process.exitCode = code;
// A comparison is done once it is printed: leave now, rather than after V8's background work
// (optimising code that will not run again, marking the heap) that Node otherwise waits for.
if (first === 'compare') exitWhenWritten(code);

/** process.exit(code) once what was written to stdout and stderr has gone out. */
function exitWhenWritten(exitCode) {
  const streams = [process.stdout, process.stderr].filter((stream) => stream.writableLength > 0);
  let left = streams.length;
  if (left === 0) process.exit(exitCode);
  for (const stream of streams) stream.once('drain', () => --left === 0 && process.exit(exitCode));
}
