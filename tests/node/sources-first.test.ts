import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiResult, ComparisonProgress, OpenComparisonResult } from '../../src/shared/contract/api.js';
import { comparisonFromParts, isComparisonParts, type ComparisonParts } from '../../src/shared/contract/comparison-wire.js';
import { isAppPageUrl } from '../../src/main/security.js';
import { registerApi } from '../../src/main/ipc.js';
import { createApiHandlers } from '../../src/main/services/api.js';
import { dispatch } from '../../src/main/services/dispatch.js';
import { SAMPLES_DIR } from '../support/seeds.js';
import { useTempFolders } from './helpers.js';

/**
 * Main's side of the sources' text first (issue 13): as soon as it has read the sources, before it
 * compares them, it tells the page their text (once, with the person's labels), and the comparison
 * goes to the page through IPC as JSON text in parts, which the page puts together a part at a time.
 */

const tempFolder = useTempFolders();

async function start(onProgress?: (progress: ComparisonProgress) => void) {
  const folder = await tempFolder();
  return createApiHandlers({ dataDir: join(folder, 'data'), samplesDir: SAMPLES_DIR, version: 't', pickFiles: async () => [], author: 'Ana', compareWorker: 'in-process', ...(onProgress ? { onProgress } : {}) });
}

describe('the sources’ text first', () => {
  it('main sends the text of the sources it read, once, before any progress of comparing them', async () => {
    const heard: ComparisonProgress[] = [];
    const service = await start((progress) => heard.push(progress));
    const opened = (await dispatch(service.handlers, 'comparison:openSample', {})) as ApiResult<OpenComparisonResult>;
    if (!opened.ok) throw new Error(opened.error.message);
    const withText = heard.filter((progress) => progress.documents);
    expect(withText).toHaveLength(1);
    const at = heard.indexOf(withText[0]!);
    expect(heard.slice(0, at).every((progress) => progress.done === 0)).toBe(true);
    expect(withText[0]!.done).toBe(0);
    // The text as the comparison has it, and nothing of the documents but what the page shows.
    expect(withText[0]!.documents).toEqual(opened.value.comparison.documents.map(({ path, label, title, text, paragraphs }) => ({ path, label, title, text, paragraphs })));

    // With the person's label.
    heard.length = 0;
    const paths = opened.value.comparison.documents.map((document) => document.path);
    const renamed = await dispatch(service.handlers, 'source:setLabel', { paths, path: paths[0]!, label: 'The Wire' });
    expect(renamed.ok).toBe(true);
    expect(heard.find((progress) => progress.documents)?.documents?.[0]?.label).toBe('The Wire');
    await service.close();
  });

  it('the answer through IPC carries the comparison in parts, which put together are the comparison main worked out', async () => {
    const service = await start();
    const direct = (await dispatch(service.handlers, 'comparison:openSample', {})) as ApiResult<OpenComparisonResult>;
    const registered = new Map<string, (event: unknown, request: unknown) => Promise<unknown>>();
    const ipcMain = { handle: (channel: string, listener: (event: unknown, request: unknown) => Promise<unknown>) => registered.set(channel, listener) } as unknown as Parameters<typeof registerApi>[0];
    const origin = { rendererIndex: '/app/out/renderer/index.html', devUrl: null };
    registerApi(ipcMain, service.handlers, (url) => isAppPageUrl(url, origin));
    const page = { senderFrame: { url: 'file:///app/out/renderer/index.html', parent: null } };
    const sent = (await registered.get('comparison:openSample')!(page, {})) as ApiResult<Omit<OpenComparisonResult, 'comparison'> & { comparison: ComparisonParts }>;
    if (!sent.ok || !direct.ok) throw new Error('The sample did not open.');
    expect(isComparisonParts(sent.value.comparison)).toBe(true);
    expect(sent.value.id).toBe(direct.value.id);
    expect(await comparisonFromParts(sent.value.comparison, async () => undefined)).toEqual(direct.value.comparison);
    // Anything else goes as it is.
    expect(await registered.get('comparison:recent')!(page, {})).toMatchObject({ ok: true, value: [expect.objectContaining({ id: direct.value.id })] });
    await service.close();
  });
});
