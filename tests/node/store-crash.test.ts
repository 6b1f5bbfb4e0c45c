import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseStore, STORE_FILE } from '../../src/main/services/store.js';
import { bundleChild } from './crash/bundle.js';
import { expectedBodies } from './crash/store-writer.js';
import { useTempFolders } from './helpers.js';

/**
 * Killing the process at any moment during a save leaves the store parseable and equal to the
 * state before or after the write under way (the trust guide's kill -9 loop).
 *
 * A child process runs the real store (bundled from source with Vite) and writes as fast as it
 * can, printing each committed write; this process kills it with SIGKILL at a random moment, then
 * reads the file with the store's own validation. The same folder is reused, so every child also
 * opens a store the previous one was killed over (and must find nothing to recover), and takes
 * over the lock the killed one left (see store-lock.ts) without waiting.
 */

const KILLS = Number(process.env.PARALLAX_CRASH_KILLS ?? 200);
const tempFolder = useTempFolders();
let writer = '';

beforeAll(async () => {
  writer = await bundleChild('store-writer.ts', await tempFolder());
}, 60_000);

interface Run {
  readonly ready: number;
  /** The last write the child reported as committed. */
  readonly reported: number;
  readonly output: string;
}

/**
 * Start the writer on `folder`; once it has reported `after` writes, kill it within `delay` ms
 * (so kills land at every point of a write, whatever the machine's speed); say what it reported.
 */
function runAndKill(folder: string, after: number, delay: number): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [writer, folder], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let ready = -1;
    let armed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      const match = /^ready (\d+)$/m.exec(output);
      if (ready === -1 && match) ready = Number(match[1]);
      const reported = output.split('\n').filter((line) => /^\d+$/.test(line)).length;
      if (!armed && ready !== -1 && reported >= after) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delay);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL' || ready === -1) {
        fail(new Error(`the writer ended by itself (code ${code}, signal ${signal}):\n${output}`));
        return;
      }
      const numbers = output.split('\n').filter((line) => /^\d+$/.test(line)).map(Number);
      done({ ready, reported: numbers.at(-1) ?? ready, output });
    });
  });
}

/** Kills run in two lanes, each on its own folder: most of a kill's time is a node process starting. */
const LANES = 2;

interface LaneResult {
  before: number;
  after: number;
  writes: number;
}

/** `kills` kills in a row over one folder, each checked. */
async function lane(kills: number): Promise<LaneResult> {
  const folder = await tempFolder();
  const result: LaneResult = { before: 0, after: 0, writes: 0 };
  for (let kill = 0; kill < kills; kill++) {
    // After 0 to 3 committed writes of this run (0: during the first write, which also takes a
    // backup), within about one write's time.
    const run = await runAndKill(folder, Math.floor(Math.random() * 4), Math.random() * 10);
    const bytes = await readFile(join(folder, STORE_FILE)).catch(() => null);
    // Killed before the very first write was done: no store yet is the state before it.
    const bodies = bytes === null && run.reported === 0 ? [] : parseStore(bytes ?? Buffer.alloc(0)).notes.map((note) => note.body);
    const isBefore = JSON.stringify(bodies) === JSON.stringify(expectedBodies(run.reported));
    const isAfter = JSON.stringify(bodies) === JSON.stringify(expectedBodies(run.reported + 1));
    expect(isBefore || isAfter, `after a kill at reported write ${run.reported} the store holds ${JSON.stringify(bodies)}`).toBe(true);
    if (isBefore) result.before++;
    else result.after++;
    result.writes = run.reported;
  }
  return result;
}

describe('the notes store survives kill -9 during saves', () => {
  it(`is the state before or after the last write after each of ${KILLS} kills`, async () => {
    const started = Date.now();
    const lanes = await Promise.all(Array.from({ length: LANES }, (_, i) => lane(Math.floor(KILLS / LANES) + (i < KILLS % LANES ? 1 : 0))));
    const sum = (key: keyof LaneResult): number => lanes.reduce((total, result) => total + result[key], 0);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `store-crash: ${KILLS} kills in ${seconds} s, ${sum('writes')} writes; the store held the state before the last write ${sum('before')} times, after it ${sum('after')} times`,
    );
    expect(sum('before') + sum('after')).toBe(KILLS);
    // The kills landed among writes: each run waited for 0 to 3 of them, 1.5 on average.
    expect(sum('writes')).toBeGreaterThan(KILLS);
  }, 300_000);
});
