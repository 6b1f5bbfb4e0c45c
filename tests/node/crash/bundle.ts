import { join } from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from '../../support/seeds.js';

/**
 * Bundle a child-process script of these tests (and the real store it imports) from source into
 * one ES module for plain Node, so a test can run the store in other processes and kill them.
 */
export async function bundleChild(script: string, outDir: string): Promise<string> {
  const name = script.replace(/\.ts$/, '.mjs');
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: join(REPO_ROOT, 'tests', 'node', 'crash', script),
      outDir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: name } },
    },
    ssr: { noExternal: true, target: 'node' },
  });
  return join(outDir, name);
}
