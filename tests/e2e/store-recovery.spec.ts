import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './harness.js';

/**
 * A notes store damaged while the app was closed: on the next start the person is told, in the
 * window, what happened, where the damaged file was kept, and from when their notes came back;
 * the notes are there. One that cannot be repaired in place opens read-only from the newest
 * backup, and the window says so as a problem, since nothing new can be saved.
 */

test('a store cut short is kept aside, the newest backup restored, and the window says from when', async ({ app }, testInfo) => {
  const page = app.page;
  await expect(page.locator('section.column').first()).toBeVisible();
  // A note, so the store has something to restore; closing the app backs it up.
  const paragraph = page.locator('section.column').first().locator('.para--body').first();
  await paragraph.click();
  const panel = page.getByRole('complementary', { name: 'Notes' });
  await panel.getByRole('textbox', { name: 'Add a note' }).fill('Check the reservoir level against the council report.');
  await panel.getByRole('textbox', { name: 'Add a note' }).press('Control+Enter');
  await expect(panel.getByRole('list', { name: 'Notes on this paragraph' }).getByRole('listitem')).toHaveCount(1);

  await app.restart(() => writeFile(join(app.dataDir, 'parallax-store.json'), '{"version": 4, "comparisons": [{"id": "c'));

  const notice = app.page.getByRole('status').filter({ hasText: 'Your notes store was repaired' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(/was cut short or is not a Parallax notes file\. It was kept unchanged as "parallax-store\.damaged-[0-9T-]+Z\.json"/);
  await expect(notice).toContainText(/your notes were restored from the backup made on \d{1,2} \w+ \d{4} at \d\d:\d\d \(1 note\)\./);
  const kept = (await readdir(app.dataDir)).filter((name) => name.startsWith('parallax-store.damaged-'));
  expect(kept).toHaveLength(1);
  await expect(notice).toContainText(kept[0]!);
  // The note is back on its paragraph.
  const restored = app.page.locator('section.column').first().locator('.para--body').first();
  await expect(restored.locator('.note-marker')).toBeVisible();
  await app.page.screenshot({ path: testInfo.outputPath('store-recovery.png') });
  await restored.click();
  await expect(app.page.getByRole('complementary', { name: 'Notes' })).toContainText('Check the reservoir level against the council report.');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

test('a folder where the notes file should be: the notes open read-only from the newest backup, and the window says so', async ({ app }) => {
  const page = app.page;
  await expect(page.locator('section.column').first()).toBeVisible();
  const paragraph = page.locator('section.column').first().locator('.para--body').first();
  await paragraph.click();
  const panel = page.getByRole('complementary', { name: 'Notes' });
  await panel.getByRole('textbox', { name: 'Add a note' }).fill('Kept in the backup taken on closing.');
  await panel.getByRole('textbox', { name: 'Add a note' }).press('Control+Enter');
  await expect(panel.getByRole('list', { name: 'Notes on this paragraph' }).getByRole('listitem')).toHaveCount(1);

  // While the app is closed, something puts a folder where the notes file was.
  const storePath = join(app.dataDir, 'parallax-store.json');
  await app.restart(async () => {
    await rm(storePath);
    await mkdir(storePath);
  });

  const notice = app.page.getByRole('alert').filter({ hasText: 'Your notes are open read-only' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(`Parallax's notes file (${storePath}) is a folder, not an ordinary file, so Parallax did not read it. It was left as it is.`);
  await expect(notice).toContainText(/Your notes were opened from the backup made on .* \(1 note\), "parallax-store\.[0-9T-]+Z\.json" in .*backups, read-only/);
  // The note is there to read; a new one is refused in words, and nothing on disk changes.
  const restored = app.page.locator('section.column').first().locator('.para--body').first();
  await expect(restored.locator('.note-marker')).toBeVisible();
  await restored.click();
  const notes = app.page.getByRole('complementary', { name: 'Notes' });
  await expect(notes).toContainText('Kept in the backup taken on closing.');
  await notes.getByRole('textbox', { name: 'Add a note' }).fill('Not saved.');
  await notes.getByRole('textbox', { name: 'Add a note' }).press('Control+Enter');
  await expect(app.page.getByRole('alert').filter({ hasText: 'this change was not saved' })).toBeVisible();
  expect(await readdir(storePath)).toEqual([]);
});
