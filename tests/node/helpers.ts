import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temporary folder for one test, removed afterwards. */
export function useTempFolders(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
  });
  return async () => {
    const folder = await mkdtemp(join(tmpdir(), 'parallax-node-'));
    made.push(folder);
    return folder;
  };
}

/** A note as the page would send it for a paragraph of `source`. */
export function noteRequest(comparisonId: string, source: string, body: string) {
  return {
    comparisonId,
    target: {
      kind: 'paragraph' as const,
      source,
      sourceHash: 'abc123',
      paragraph: 0,
      quote: { type: 'TextQuoteSelector' as const, exact: 'Storm', prefix: '', suffix: ' hits' },
      position: { type: 'TextPositionSelector' as const, start: 0, end: 5 },
    },
    body,
    tags: ['check'],
  };
}
