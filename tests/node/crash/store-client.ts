/**
 * A child process of the store-lock test (tests/node/store-lock.test.ts): another Parallax on the
 * same data folder. `store-client.mjs FOLDER NAME COUNT [hold]` opens the real notes store in
 * FOLDER (waiting PARALLAX_LOCK_WAIT_MS for another holder), saves COUNT notes "NAME 1" … "NAME
 * COUNT", printing `ack NAME n` once each is saved, and closes; with `hold`, it keeps the store
 * open until its standard input ends. Refused, it prints `refused <message as JSON>` and exits 4.
 */
import { openNotesStore } from '../../../src/main/services/store.js';

async function main([folder, name, count, hold]: string[]): Promise<void> {
  let store;
  try {
    store = await openNotesStore(folder!, { lockWaitMs: Number(process.env.PARALLAX_LOCK_WAIT_MS ?? 3000), program: `the test client ${name}` });
  } catch (error) {
    process.stdout.write(`refused ${JSON.stringify(error instanceof Error ? error.message : String(error))}\n`);
    process.exit(4);
  }
  process.stdout.write(`ready ${process.pid}\n`);
  const target = {
    kind: 'paragraph' as const,
    source: '/lock/source.txt',
    sourceHash: 'h',
    paragraph: 0,
    quote: { type: 'TextQuoteSelector' as const, exact: 'text', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector' as const, start: 0, end: 4 },
  };
  for (let n = 1; n <= Number(count); n++) {
    await store.saveNote({ comparisonId: 'lock', target, body: `${name} ${n}`, tags: [] }, 'lock test');
    process.stdout.write(`ack ${name} ${n}\n`);
  }
  if (hold === 'hold') {
    process.stdin.resume();
    await new Promise((done) => process.stdin.on('end', done));
  }
  await store.close();
  process.stdout.write('closed\n');
}

await main(process.argv.slice(2));
