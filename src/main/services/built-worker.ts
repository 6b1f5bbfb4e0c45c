import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where a built worker script is: out/main/<name>.js, beside the entry that runs this code, or one
 * folder up when this code was bundled into a chunk (out/main/chunks). Undefined when this code
 * runs from its TypeScript source (tests) or the script is missing.
 */
export function builtWorkerUrl(name: string): URL | undefined {
  if (!import.meta.url.endsWith('.js')) return undefined;
  for (const relative of [`./${name}.js`, `../${name}.js`]) {
    const url = new URL(relative, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

/** True when this code runs from its TypeScript source (vitest, the end-to-end harness), not a build. */
export const runsFromSource = (): boolean => import.meta.url.endsWith('.ts');
