import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openSources } from '../../src/main/services/sources.js';
import { expect, test } from './harness.js';

/**
 * notes:export from the page, as the notes panel calls it, with the harness's save dialog and its
 * printer (Chromium's own PDF printing with JavaScript off, as the app's hidden window does).
 */

interface Bridge {
  invoke(channel: string, request: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>;
}

test('the HTML report and the PDF of a comparison hold the note written in the window', async ({ app }, testInfo) => {
  const page = app.page;
  const paragraph = page.locator('section.column').first().locator('.para--body').first();
  await paragraph.click();
  const panel = page.getByRole('complementary', { name: 'Notes' });
  await panel.getByRole('textbox', { name: 'Add a note' }).fill('The Wire alone gives 140 dead: check the source.');
  await panel.getByRole('textbox', { name: 'Add a note' }).press('Control+Enter');
  await expect(panel.getByRole('list', { name: 'Notes on this paragraph' }).getByRole('listitem')).toHaveCount(1);

  const invoke = (channel: string, request: unknown) =>
    page.evaluate(([name, body]) => (globalThis as unknown as { api: Bridge }).api.invoke(name as string, body), [channel, request] as const);
  const recent = (await invoke('comparison:recent', {})) as { value: { id: string }[] };
  const comparisonId = recent.value[0]!.id;

  const html = join(app.dataDir, 'report.html');
  const pdf = join(app.dataDir, 'report.pdf');
  app.queueSavePath(html);
  app.queueSavePath(pdf);
  expect(await invoke('notes:export', { comparisonId, format: 'html' })).toEqual({ ok: true, value: { path: html } });
  expect(await invoke('notes:export', { comparisonId, format: 'pdf' })).toEqual({ ok: true, value: { path: pdf } });
  expect(app.suggestedSaveNames).toEqual([expect.stringMatching(/-report\.html$/), expect.stringMatching(/-report\.pdf$/)]);

  // The PDF is a real one: Parallax's own PDF reader (pdf.js) finds the note's words in it.
  const bytes = await readFile(pdf);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const { documents, problems } = await openSources([pdf]);
  expect(problems).toEqual([]);
  expect(documents[0]!.text.replace(/\s+/g, ' ')).toContain('The Wire alone gives 140 dead: check the source.');

  // Look at the report as it prints.
  const report = await page.context().newPage();
  await report.setContent(await readFile(html, 'utf8'));
  await report.emulateMedia({ media: 'print' });
  await report.screenshot({ path: testInfo.outputPath('report-print.png'), fullPage: false });
  await report.close();
});
