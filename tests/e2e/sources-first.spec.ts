import AxeBuilder from '@axe-core/playwright';
import { largeArticleFiles } from '../support/large.js';
import { expect, test } from './harness.js';

/**
 * The sources' text first (issue 13): a comparison that takes a while shows its sources' text in
 * the columns as soon as main has read them, plain (no passages, no marks), under the progress bar
 * and a calm line saying the passages and differences are being worked out; the comparison takes
 * its place when it arrives, and Cancel leaves the screen from before.
 */

/** Two long articles (~60,000 words each): about three seconds to compare here. */
let large: string[] = [];
let removeLarge = async (): Promise<void> => {};
test.beforeAll(async () => {
  ({ paths: large, remove: removeLarge } = await largeArticleFiles(60_000, 'parallax-first-'));
});
test.afterAll(async () => {
  await removeLarge();
});

const scan = (page: import('@playwright/test').Page) => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();

test('a long comparison shows its sources’ text while it is worked out, then the comparison takes its place', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('section.column')).toHaveCount(4);
  const release = app.holdComparisons();
  const heard = app.progress.length;
  app.queuePick(large);
  await app.openFilesButton().click();

  const preview = page.locator('.sources-preview');
  const columns = preview.locator('section.preview-column');
  await expect(columns).toHaveCount(2);
  await expect(columns.locator('.preview-text').first()).toBeVisible();
  // Before main has finished comparing them.
  expect(app.progress.slice(heard).some((progress) => progress.done === 1)).toBe(false);
  await expect(columns.locator('.preview-column__label')).toHaveText(['Long Report A', 'Long Report B']);
  await expect(columns.nth(0).locator('.preview-text').first()).toHaveText('A long report');
  await expect(columns.nth(1).locator('.preview-text').first()).toHaveText('Another long report');
  await expect(preview).toContainText('Finding the passages the sources share and how they differ.');
  await expect(page.getByRole('progressbar', { name: 'Comparing the sources' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  // Plain: no passages, no marks, nothing of the comparison that was on screen.
  await expect(preview.locator('mark, .group-badge, button')).toHaveCount(0);
  await expect(page.locator('section.column')).toHaveCount(0);
  await expect(page.getByRole('tablist', { name: 'Ways to see the comparison' })).toHaveCount(0);
  // Long: windowed, as the columns are, and every column scrolls from the keyboard.
  expect(await columns.nth(0).locator('.preview-column__item').count()).toBeLessThan(60);
  await columns.nth(0).getByRole('group', { name: 'Text of Long Report A' }).focus();
  await page.keyboard.press('PageDown');
  await expect.poll(() => columns.nth(0).locator('.preview-column__scroll').evaluate((element) => (element as unknown as { scrollTop: number }).scrollTop)).toBeGreaterThan(0);
  const violations = (await scan(page)).violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(violations).toEqual([]);

  release();
  await expect(page.locator('section.column')).toHaveCount(2);
  await expect(preview).toHaveCount(0);
  await expect(page.locator('.group-badge').first()).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.locator('.column__label-text')).toHaveText(['Long Report A', 'Long Report B']);
});

test('Cancel while the sources’ text is shown leaves the comparison that was on screen; in blind mode the text names no source', async ({ app }) => {
  const { page } = app;
  const columns = page.locator('section.column');
  await expect(columns).toHaveCount(4);
  await page.getByRole('button', { name: 'Blind mode' }).click();
  await expect(page.locator('.column__label-text').first()).toHaveText('Source A');
  const title = await page.title();

  const release = app.holdComparisons();
  app.queuePick(large);
  await app.openFilesButton().click();
  const preview = page.locator('.sources-preview');
  await expect(preview.locator('.preview-column__label')).toHaveText(['Source A', 'Source B']);
  await expect(preview).not.toContainText('Long Report');
  await expect(columns).toHaveCount(0);

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(preview).toHaveCount(0);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Comparison cancelled' })).toContainText('The comparison you had open is still here');
  await expect(columns).toHaveCount(4);
  await expect(page.locator('.column__label-text').first()).toHaveText('Source A');
  await expect(page).toHaveTitle(title);

  // Nothing of the cancelled comparison arrives later.
  release();
  await page.waitForTimeout(500);
  await expect(columns).toHaveCount(4);
  await expect(preview).toHaveCount(0);
});

test.describe('opened at the glance, as for a person', () => {
  test.use({ openAtGlance: true });

  test('a long comparison’s story at a glance is worked out off the window’s thread, after its text was shown', async ({ app }) => {
    const { page } = app;
    await expect(page.locator('.glance')).toBeVisible();
    app.queuePick(large);
    await app.openFilesButton().click();
    await expect(page.locator('.sources-preview section.preview-column')).toHaveCount(2);
    const headlines = page.locator('.glance').getByRole('region', { name: /^Headlines/ });
    await expect(headlines).toContainText('Another long report', { timeout: 60_000 });
    await expect(page.locator('.sources-preview')).toHaveCount(0);
    // The glance of a comparison this long came from the worker (the sample's is worked out in the page).
    expect(app.requests.some((url) => /\/assets\/glance-[\w-]+\.js$/.test(url))).toBe(true);
  });
});
