import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, seedPaths, test } from './harness.js';


test('a note written on a paragraph is still there after a restart, reopened from Recent', async ({ app }) => {
  let page = app.page;
  app.queuePick(seedPaths());
  await app.openFilesButton().click();
  await expect(page.locator('section.column')).toHaveCount(5);

  // Write a note on a body paragraph of the second source, saving with Ctrl+Enter.
  const column = page.locator('section.column').nth(1);
  const paragraph = column.locator('.para--body').nth(1);
  const quote = (await paragraph.locator('.para__text').innerText()).slice(0, 40);
  await paragraph.click();
  const panel = page.getByRole('complementary', { name: 'Notes' });
  await expect(panel).toContainText(quote);
  await panel.getByRole('textbox', { name: 'Add a note' }).fill('Compare the casualty figure with the other sources.');
  await panel.getByRole('textbox', { name: 'Add a note' }).press('Control+Enter');
  await expect(panel.getByRole('list', { name: 'Notes on this paragraph' }).getByRole('listitem')).toHaveText(/Compare the casualty figure/);
  await expect(panel.getByRole('textbox', { name: 'Add a note' })).toHaveValue('');
  await expect(paragraph.locator('.note-marker')).toBeVisible();

  await app.restart();
  page = app.page;
  // The sample opens on start; the seeds comparison is in Recent, with its note counted.
  await expect(page.locator('section.column').first()).toBeVisible();
  await expect(page.locator('.note-marker')).toHaveCount(0);
  await page.getByRole('button', { name: 'Recent', exact: true }).click();
  const entry = page.locator('.recent-item').filter({ hasText: 'Netanyahu orders top officials to Qatar' });
  await expect(entry).toContainText('1 note');
  await entry.locator('.recent-item__open').click();

  await expect(page.locator('section.column')).toHaveCount(5);
  const reopened = page.locator('section.column').nth(1).locator('.para--body').nth(1);
  await expect(reopened.locator('.note-marker')).toBeVisible();
  await expect(page.locator('.note-marker')).toHaveCount(1);
  await reopened.click();
  await expect(page.getByRole('complementary', { name: 'Notes' }).getByRole('list', { name: 'Notes on this paragraph' }).getByRole('listitem')).toHaveText(/Compare the casualty figure/);
});

test('a note can be saved with the button and deleted', async ({ app }) => {
  const { page } = app;
  const paragraph = page.locator('section.column').first().locator('.para--body').first();
  await paragraph.click();
  const panel = page.getByRole('complementary', { name: 'Notes' });
  await expect(panel.getByText('No notes on this paragraph yet.')).toBeVisible();
  await panel.getByRole('textbox', { name: 'Add a note' }).fill('Hedged wording here.');
  await panel.getByRole('button', { name: 'Save note' }).click();
  await expect(panel.getByRole('list', { name: 'Notes on this paragraph' }).getByRole('listitem')).toHaveCount(1);
  await expect(paragraph.locator('.note-marker')).toBeVisible();
  await panel.getByRole('button', { name: 'Delete this note' }).click();
  await expect(panel.getByRole('list', { name: 'Notes on this paragraph' }).getByRole('listitem')).toHaveCount(0);
  await expect(paragraph.locator('.note-marker')).toHaveCount(0);
  // The deletion reached the store: the next list from main has nothing.
  await app.restart();
  await app.page.locator('section.column').first().locator('.para--body').first().click();
  await expect(app.page.getByText('No notes on this paragraph yet.')).toBeVisible();
});

test('a damaged notes store is reported once, calmly, and the app still opens', async ({ app }) => {
  await expect(app.page.locator('section.column').first()).toBeVisible();
  await app.restart(() => writeFile(join(app.dataDir, 'parallax-store.json'), '{"schema": "parallax.notes/1", "notes": [tru'));
  const notice = app.page.getByRole('status').filter({ hasText: 'Your notes store was repaired' });
  await expect(notice).toBeVisible();
  await expect(app.page.locator('section.column').first()).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);

  // The store is sound again: the next start has nothing to report.
  await app.restart();
  await expect(app.page.locator('section.column').first()).toBeVisible();
  await expect(app.page.getByText('Your notes store was repaired')).toHaveCount(0);
});
