import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { build, type InlineConfig, type Plugin } from 'vite';
import { lexiconFilesToTrust } from './src/main/services/checked-lexicons.js';

/**
 * Three bundles, and the command line:
 * - main: the Electron main process (`index`), the import worker (`import-worker`) that reads web
 *   pages, Word files and PDFs off the main thread, and the comparison worker (`compare-worker`)
 *   that works out comparisons off it. They share the pure core in src/shared and the plain Node
 *   services in src/main/services, and load their dependencies from node_modules.
 * - preload: CommonJS, as a sandboxed preload must be.
 * - renderer: the React app.
 * - the headless command line (`cli`) and the batch worker of `parallax batch` (`batch-worker`),
 *   built after main into the same folder (see `commandLine` below).
 */
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/**
 * The shipped lexicon files (resources/lexicon) are checked against the lexicon schema here, once,
 * rather than at every start (src/main/services/checked-lexicons.ts).
 */
const define = { __PARALLAX_VERSION__: JSON.stringify(version), __PARALLAX_CHECKED_LEXICONS__: JSON.stringify(lexiconFilesToTrust('resources/lexicon')) };

/**
 * Packages the command line loads from node_modules rather than carrying in its bundle: the
 * document readers, which run only in the import worker (out/main/import-worker.js, built with
 * main), the decoders of legacy encodings, loaded only for a file that needs them (decode.ts), and
 * Electron. Everything else it uses (zod, jsdiff, lowdb, fflate, saxes) is bundled in.
 */
const COMMAND_LINE_EXTERNAL = ['electron', 'jsdom', '@mozilla/readability', 'pdfjs-dist', 'mammoth', 'mdast-util-from-markdown', 'iconv-lite', 'jschardet'];

/**
 * Where the CommonJS build of the command line goes, inside out/main: `bin/parallax.js` runs it
 * through src/main/code-cache.ts, which compiles it with V8's code cache (issue 13: compiling the
 * command's code was a good part of a cold `parallax compare`, and Node 20 keeps no code cache for
 * ES modules). One folder below out/main, as the ES build's chunks are, so what the code finds from
 * where it is (the workers beside out/main/cli.js, resources/, the app's folder) it finds from
 * here too; its package.json makes its .js files CommonJS.
 */
const HEADLESS_FOLDER = 'cli-cjs';

/**
 * The command line as a start-up-sized bundle (issue 13). `parallax compare` is a one-shot process,
 * so what it costs to load counts: built with the app, it loaded 135 files (95 of them zod's, the
 * schemas of every channel, the store and the notes export with it) before reading a word. Built
 * on its own, it is one file with what `compare` needs, its dependencies inlined, and each other
 * subcommand and the comparison's core in chunks loaded when first needed (out/main/cli-chunks).
 * It is built twice: as ES modules (out/main/cli.js, what tests and `import` use) and as CommonJS
 * (HEADLESS_FOLDER, what `bin/parallax.js` runs, with the loader out/main/code-cache.js). The batch
 * worker is built the same way, as one file. All are built after main, into out/main beside the
 * workers they start (services/built-worker.ts finds them there).
 */
function commandLineBuild(entry: string, fileName: string, options: { readonly oneFile?: boolean; readonly commonJs?: boolean } = {}): InlineConfig {
  const output = options.commonJs
    ? // The same command as CommonJS, in its own folder (see HEADLESS_FOLDER).
      { format: 'cjs' as const, strict: true, entryFileNames: `${HEADLESS_FOLDER}/${fileName}`, chunkFileNames: `${HEADLESS_FOLDER}/[name].js` }
    : { format: 'es' as const, entryFileNames: fileName, chunkFileNames: 'cli-chunks/[name]-[hash].js' };
  return {
    configFile: false,
    logLevel: 'warn',
    define,
    ssr: { noExternal: true, external: COMMAND_LINE_EXTERNAL },
    build: {
      ssr: resolve(entry),
      outDir: 'out/main',
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      reportCompressedSize: false,
      rolldownOptions: {
        output: { ...output, ...(options.oneFile ? { codeSplitting: false } : {}) },
      },
    },
  };
}

const commandLine: Plugin = {
  name: 'parallax:command-line',
  apply: 'build',
  async closeBundle() {
    await build(commandLineBuild('src/main/cli/index.ts', 'cli.js'));
    await build(commandLineBuild('src/main/cli/index.ts', 'cli.js', { commonJs: true }));
    writeFileSync(resolve('out/main', HEADLESS_FOLDER, 'package.json'), JSON.stringify({ type: 'commonjs' }) + '\n');
    await build(commandLineBuild('src/main/code-cache.ts', 'code-cache.js', { oneFile: true }));
    await build(commandLineBuild('src/main/cli/batch-worker.ts', 'batch-worker.js', { oneFile: true }));
  },
};

export default defineConfig({
  main: {
    define,
    plugins: [commandLine],
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // The document reader's worker thread (web pages, Word files, PDFs): see services/import/pool.ts.
          'import-worker': resolve('src/main/services/import/worker.ts'),
          // The comparison's worker thread, so the window never waits on it: see services/compare-pool.ts.
          'compare-worker': resolve('src/main/services/compare-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { preload: resolve('src/main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // Smaller to read from disk and quicker to parse at start-up.
      minify: true,
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
