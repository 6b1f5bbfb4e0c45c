import { rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceChange } from '../../src/shared/contract/api.js';
import { watchSources, type SourceWatcher } from '../../src/main/services/watch.js';
import { useTempFolders } from './helpers.js';

const tempFolder = useTempFolders();
const watchers: SourceWatcher[] = [];
afterEach(() => watchers.splice(0).forEach((watcher) => watcher.close()));

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Watch `paths` with a short debounce; collect what is reported. */
function watching(paths: string[], debounceMs = 120) {
  const seen: SourceChange[] = [];
  const watcher = watchSources(paths, (change) => seen.push(change), { debounceMs });
  watchers.push(watcher);
  return { seen, watcher };
}

/** Wait until `seen` has `count` entries (or fail after a while), then a little longer to catch extras. */
async function settled(seen: readonly SourceChange[], count: number, quiet = 400): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (seen.length < count && Date.now() < deadline) await sleep(20);
  await sleep(quiet);
}

describe('watchSources (real files in a temporary folder)', () => {
  it('reports an edit in place once, however many writes it took', async () => {
    const folder = await tempFolder();
    const a = join(folder, 'a.txt');
    const b = join(folder, 'b.txt');
    await writeFile(a, 'one');
    await writeFile(b, 'two');
    const { seen } = watching([a, b]);
    for (let i = 0; i < 5; i++) {
      await writeFile(a, `one, edit ${i}`);
      await sleep(20);
    }
    await settled(seen, 1);
    expect(seen).toEqual([{ path: a, change: 'changed' }]);
  });

  it('reports a save by rename (write a temporary file, rename it over the source) as a change', async () => {
    const folder = await tempFolder();
    const a = join(folder, 'a.txt');
    await writeFile(a, 'before');
    const { seen } = watching([a]);
    const temporary = join(folder, '.a.txt.swp');
    await writeFile(temporary, 'after, saved the way many editors save');
    await rename(temporary, a);
    await settled(seen, 1);
    expect(seen).toEqual([{ path: a, change: 'changed' }]);
  });

  it('reports a deleted or moved file as removed, and its return as a change', async () => {
    const folder = await tempFolder();
    const a = join(folder, 'a.txt');
    const b = join(folder, 'b.txt');
    await writeFile(a, 'A');
    await writeFile(b, 'B');
    const { seen } = watching([a, b]);
    await unlink(a);
    await rename(b, join(folder, 'moved.txt'));
    await settled(seen, 2);
    expect(seen).toEqual(expect.arrayContaining([{ path: a, change: 'removed' }, { path: b, change: 'removed' }]));
    expect(seen).toHaveLength(2);
    await writeFile(a, 'A is back');
    await settled(seen, 3);
    expect(seen.at(-1)).toEqual({ path: a, change: 'changed' });
  });

  it('ignores other files in the folder, and waits for quiet before reporting', async () => {
    const folder = await tempFolder();
    const a = join(folder, 'a.txt');
    await writeFile(a, 'A');
    const { seen } = watching([a], 300);
    await writeFile(join(folder, 'unrelated.txt'), 'noise');
    await writeFile(a, 'A, edited');
    await sleep(150);
    expect(seen).toEqual([]); // still inside the debounce
    await settled(seen, 1);
    expect(seen).toEqual([{ path: a, change: 'changed' }]);
  });

  it('watches files in several folders, and says nothing after close', async () => {
    const one = await tempFolder();
    const two = await tempFolder();
    const a = join(one, 'a.txt');
    const b = join(two, 'b.txt');
    await writeFile(a, 'A');
    await writeFile(b, 'B');
    const { seen, watcher } = watching([a, b]);
    await writeFile(b, 'B, edited');
    await settled(seen, 1);
    expect(seen).toEqual([{ path: b, change: 'changed' }]);
    watcher.close();
    watcher.close();
    await writeFile(a, 'A, edited after close');
    await sleep(400);
    expect(seen).toHaveLength(1);
  });

  it('reports files whose folder is removed', async () => {
    const folder = await tempFolder();
    const a = join(folder, 'a.txt');
    await writeFile(a, 'A');
    const { seen } = watching([a]);
    await rm(folder, { recursive: true, force: true });
    await settled(seen, 1);
    expect(seen).toEqual([{ path: a, change: 'removed' }]);
  });

  it('does not throw for a file that is already gone when watching starts', async () => {
    const folder = await tempFolder();
    const { seen } = watching([join(folder, 'never-there.txt'), join(folder, 'no-such-folder', 'x.txt')]);
    await sleep(300);
    expect(seen).toEqual([]);
  });
});
