import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPARISON_PROGRESS_CHANNEL } from '../../src/shared/contract/api.js';

/**
 * The BUILT preload (out/preload/preload.cjs) passes on the sources' text that comes with the
 * progress of a comparison (once, before main compares them) only when it is well formed, copied
 * field by field; anything else the sender put on it stays behind, and malformed text is dropped
 * while the progress itself still gets through.
 */

const preloadBundle = join(import.meta.dirname, '..', '..', 'out', 'preload', 'preload.cjs');

function loadPreload() {
  if (!existsSync(preloadBundle)) throw new Error(`The built preload is missing (${preloadBundle}). Run \`npm run build\` before this test.`);
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: {
      invoke: async () => ({ ok: true, value: null }),
      sendSync: () => true,
      on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
      removeListener: () => undefined,
    },
    webUtils: { getPathForFile: () => '' },
  };
  const module = { exports: {} };
  const fakeRequire = (name: string) => {
    if (name === 'electron') return electron;
    throw new Error(`The preload may require only electron, not ${name}`);
  };
  new Function('require', 'module', 'exports', '__filename', '__dirname', readFileSync(preloadBundle, 'utf8'))(fakeRequire, module, module.exports, preloadBundle, join(preloadBundle, '..'));
  const api = exposed.get('api') as { onProgress(listener: (progress: unknown) => void): () => void };
  const emit = (payload: unknown) => (listeners.get(COMPARISON_PROGRESS_CHANNEL) ?? []).forEach((listener) => listener({ sender: 'ipc' }, payload));
  return { api, emit };
}

const text = 'Dam fails\n\nThe dam failed at dawn.';
const source = { path: '/a.txt', label: 'The Wire', title: 'Dam fails', text, paragraphs: [{ start: 0, end: 9, kind: 'title' }, { start: 11, end: text.length, kind: 'body' }] };

describe('built preload: the sources’ text with the progress', () => {
  it('passes on well-formed text, copied field by field', () => {
    const { api, emit } = loadPreload();
    const heard: unknown[] = [];
    api.onProgress((progress) => heard.push(progress));
    const sent = { done: 0, stage: 'Lining up paragraphs', documents: [{ ...source, hash: 'h', metadata: { format: 'text' }, extra: 1, paragraphs: [{ ...source.paragraphs[0], extra: 2 }, source.paragraphs[1]] }] };
    emit(sent);
    expect(heard).toEqual([{ done: 0, stage: 'Lining up paragraphs', documents: [source] }]);
    expect((heard[0] as { documents: unknown[] }).documents[0]).not.toBe(sent.documents[0]);
  });

  it('drops malformed text, and passes on the progress without it', () => {
    const { api, emit } = loadPreload();
    const heard: unknown[] = [];
    api.onProgress((progress) => heard.push(progress));
    const bad: unknown[] = [
      'text',
      [],
      [null],
      [{ ...source, path: '' }],
      [{ ...source, path: 7 }],
      [{ ...source, text: 7 }],
      [{ ...source, label: undefined }],
      [{ ...source, paragraphs: 'all' }],
      [{ ...source, paragraphs: [{ start: 0, end: text.length + 1, kind: 'body' }] }],
      [{ ...source, paragraphs: [{ start: 5, end: 2, kind: 'body' }] }],
      [{ ...source, paragraphs: [{ start: 0.5, end: 2, kind: 'body' }] }],
      [{ ...source, paragraphs: [{ start: 0, end: 2, kind: 'script' }] }],
      [{ ...source, paragraphs: [{ start: 0, end: 2, kind: 'toString' }] }],
      Array.from({ length: 51 }, () => source),
    ];
    for (const documents of bad) emit({ done: 0.5, stage: 'Lining up paragraphs', documents });
    expect(heard).toEqual(bad.map(() => ({ done: 0.5, stage: 'Lining up paragraphs' })));
  });
});
