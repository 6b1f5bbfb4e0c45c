import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { afterEach } from 'vitest';

/**
 * Named pipes for hostile-path tests (POSIX only). Each test file that calls `usePipes()` gets a
 * `mkfifo`; after each test, any pipe a reader might still wait on (the bug under test) is opened to
 * write, which lets the reader go, so a failure cannot hang the run.
 */
export function usePipes(): (path: string) => string {
  const pipes: string[] = [];
  afterEach(() => {
    for (const pipe of pipes.splice(0)) {
      try {
        closeSync(openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // No reader waiting: nothing to release.
      }
    }
  });
  return (path) => {
    execFileSync('mkfifo', [path]);
    pipes.push(path);
    return path;
  };
}
