/**
 * The child process of the crash test (tests/node/store-crash.test.ts): opens the real notes store
 * in the folder named on the command line and writes to it as fast as it can until it is killed,
 * printing the number of each write once it is committed (awaited).
 *
 * Write n keeps the store small: the first RING writes add a note each, every later one rewrites the
 * body of note (n - 1) % RING, always to `write n`. So the state after write n is known from n alone
 * (see `expectedBodies`), and a restarted writer can tell from the store where it got to.
 */
import { openNotesStore } from '../../../src/main/services/store.js';

export const RING = 5;

/** The note bodies, in order, after `writes` writes. */
export function expectedBodies(writes: number): string[] {
  const bodies: string[] = [];
  for (let slot = 0; slot < Math.min(writes, RING); slot++) {
    let last = slot + 1;
    while (last + RING <= writes) last += RING;
    bodies.push(`write ${last}`);
  }
  return bodies;
}

async function main(folder: string): Promise<void> {
  const store = await openNotesStore(folder);
  if (store.recovery) {
    process.stdout.write(`recovery ${JSON.stringify(store.recovery)}\n`);
    process.exit(3);
  }
  const notes = store.listAllNotes();
  let done = Math.max(0, ...notes.map((note) => Number(/^write (\d+)$/.exec(note.body)?.[1] ?? 0)));
  process.stdout.write(`ready ${done}\n`);
  for (;;) {
    const next = done + 1;
    const target = {
      kind: 'paragraph' as const,
      source: '/crash/source.txt',
      sourceHash: 'h',
      paragraph: 0,
      quote: { type: 'TextQuoteSelector' as const, exact: 'text', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector' as const, start: 0, end: 4 },
    };
    const existing = next > RING ? store.listAllNotes()[(next - 1) % RING] : undefined;
    await store.saveNote({ ...(existing ? { id: existing.id } : {}), comparisonId: 'crash', target, body: `write ${next}`, tags: [] }, 'crash test');
    done = next;
    process.stdout.write(`${done}\n`);
  }
}

if (process.argv[2]) await main(process.argv[2]);
