import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/**
 * Three bundles:
 * - main: the Electron main process (`index`) and the headless command line (`cli`), which share
 *   the pure core in src/shared and the plain Node services in src/main/services, and the import
 *   worker (`import-worker`) that reads web pages, Word files and PDFs off the main thread, and the
 *   comparison worker (`compare-worker`) that works out comparisons off it, and the batch worker
 *   (`batch-worker`) of `parallax batch`.
 * - preload: CommonJS, as a sandboxed preload must be.
 * - renderer: the React app.
 */
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  main: {
    define: { __PARALLAX_VERSION__: JSON.stringify(version) },
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/main/cli/index.ts'),
          // The document reader's worker thread (web pages, Word files, PDFs): see services/import/pool.ts.
          'import-worker': resolve('src/main/services/import/worker.ts'),
          // The comparison's worker thread, so the window never waits on it: see services/compare-pool.ts.
          'compare-worker': resolve('src/main/services/compare-worker.ts'),
          // `parallax batch`'s worker threads, a story at a time: see cli/batch.ts.
          'batch-worker': resolve('src/main/cli/batch-worker.ts'),
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
