import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, SAMPLES_DIR, test } from './harness.js';

const sample = (name: string) => join(SAMPLES_DIR, name);

test('files dropped on the window open as a comparison; a file with no path on disk is named', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('section.column').first()).toBeVisible();
  const names = ['veskin-valley-courier.txt', 'quillon-dispatch.txt'];
  for (const name of names) await app.registerDropPath(name, sample(name));

  await app.dropFiles([
    ...names.map((name) => ({ name, content: readFileSync(sample(name), 'utf8') })),
    { name: 'from-the-browser.txt', content: 'Dragged from a web page, so it has no file behind it.' },
  ]);

  const columns = page.locator('section.column');
  await expect(columns).toHaveCount(2);
  await expect(page.getByRole('alert')).toContainText('from-the-browser.txt could not be read from disk');
  expect(app.calls.filter((channel) => channel === 'comparison:open')).toHaveLength(1);
});

test('hostile text is shown as literal text and never runs', async ({ app }, testInfo) => {
  const { page } = app;
  const payload = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
  const hostile = testInfo.outputPath('hostile.txt');
  writeFileSync(hostile, `A headline about the dam\n\n${payload}\n\nThe embankment gave way late on Sunday.\n`);
  app.queuePick([hostile, sample('veskin-valley-courier.txt')]);
  await app.openFilesButton().click();

  await expect(page.locator('section.column')).toHaveCount(2);
  await expect(page.locator('section.column').first().getByText(payload, { exact: false })).toBeVisible();
  expect(await page.locator('#root img, #root script').count()).toBe(0);
  expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('an empty file among good ones is named in a message and the rest opens', async ({ app }, testInfo) => {
  const { page } = app;
  const empty = testInfo.outputPath('empty-article.txt');
  writeFileSync(empty, '');
  app.queuePick([sample('veskin-valley-courier.txt'), empty, sample('harlowmere-lantern.txt')]);
  await app.openFilesButton().click();

  await expect(page.locator('section.column')).toHaveCount(2);
  const alert = page.getByRole('alert').filter({ hasText: 'empty-article.txt' });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
});

test('when no file can be opened, the message says so and the open comparison stays', async ({ app }, testInfo) => {
  const { page } = app;
  await expect(page.locator('section.column').first()).toBeVisible();
  const before = await page.locator('section.column').count();
  app.queuePick([testInfo.outputPath('does-not-exist.txt')]);
  await app.openFilesButton().click();
  await expect(page.getByRole('alert')).toContainText('does-not-exist.txt');
  await expect(page.locator('section.column')).toHaveCount(before);
});
