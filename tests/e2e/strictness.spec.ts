import { largeArticleFiles } from '../support/large.js';
import { expect, test, type ParallaxApp } from './harness.js';

/**
 * The strictness control and slow comparisons: the control compares again with its setting; a
 * comparison that takes a while shows a progress bar with Cancel, the window keeps answering
 * meanwhile, and cancelling leaves the comparison that was on screen.
 */

/** The toolbar's count of shared passages (one per group). */
async function passageCount(app: ParallaxApp): Promise<number> {
  const text = (await app.page.locator('.toolbar__summary').textContent()) ?? '';
  const match = /(\d+) shared passages?/.exec(text);
  if (!match) throw new Error(`No passage count in "${text}"`);
  return Number(match[1]);
}

/**
 * Two long articles (~60,000 words each, from the seeds' sentences, shuffled): about three
 * seconds to compare here, long enough to see the progress bar and press Cancel. (Two of 20,000
 * words take half a second, too quick to cancel reliably.)
 */
let large: string[] = [];
let removeLarge = async (): Promise<void> => {};
test.beforeAll(async () => {
  ({ paths: large, remove: removeLarge } = await largeArticleFiles(60_000, 'parallax-large-'));
});
test.afterAll(async () => {
  await removeLarge();
});

test('the strictness control starts at the default, is keyboard operable, and changes the passages lined up', async ({ app }) => {
  const { page } = app;
  const slider = page.getByRole('slider', { name: 'Matching' });
  await expect(slider).toHaveValue('0.1');
  await expect(page.locator('.strictness__value')).toHaveText('0.10');
  await expect(slider).toHaveAttribute('aria-valuetext', '0.10, the default, from 0 loose to 1 strict');
  const before = await passageCount(app);

  // Fourteen steps to the right: 0.80, much stricter. The number moves at once; the comparison follows.
  await slider.focus();
  for (let i = 0; i < 14; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('.strictness__value')).toHaveText('0.80');
  await expect.poll(() => passageCount(app)).toBeLessThan(before);
  const opens = app.calls.filter((channel) => channel === 'comparison:open');
  expect(opens, 'the moves were gathered into one comparison').toHaveLength(1);
  await expect(slider).toHaveValue('0.8');

  // Back to the default with its button: the passages come back.
  await page.getByRole('button', { name: 'Default' }).click();
  await expect(page.locator('.strictness__value')).toHaveText('0.10');
  await expect.poll(() => passageCount(app)).toBe(before);
  await expect(page.getByRole('button', { name: 'Default' })).toHaveCount(0);
});

test('a long comparison shows its progress, the window keeps answering, and Cancel keeps the comparison on screen', async ({ app }) => {
  const { page } = app;
  const columns = page.locator('section.column');
  await expect(page.locator('.group-badge').first()).toBeVisible();
  const sampleColumns = await columns.count();
  const sampleTitle = await page.title();
  expect(sampleTitle).toContain('4 sources');

  app.queuePick(large);
  await app.openFilesButton().click();
  const bar = page.getByRole('progressbar', { name: 'Comparing the sources' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuemin', '0');
  await expect(bar).toHaveAttribute('aria-valuemax', '100');
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);

  // The window answers while the comparison is worked out: a click changes the text size.
  await page.getByRole('button', { name: 'Larger text' }).click();
  await expect(page.getByRole('button', { name: /^Reset text size \(now 1\d\d%\)$/ })).toBeVisible();
  await expect(bar).toBeVisible();

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(bar).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Comparison cancelled' })).toContainText('The comparison you had open is still here');
  await expect(columns).toHaveCount(sampleColumns);
  await expect(page).toHaveTitle(sampleTitle);
  expect(app.calls).toContain('comparison:cancel');
  expect(app.pageErrors).toEqual([]);

  // Nothing of the cancelled comparison arrives later.
  await page.waitForTimeout(500);
  await expect(columns).toHaveCount(sampleColumns);
  expect(app.progress.at(-1)?.done ?? 0).toBeLessThan(1);
});
