import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, REPO_ROOT, test } from './harness.js';

/** Presentation mode, the menu's commands, the keyboard shortcuts, zoom and right-to-left text. */

const position = (page: Page) => page.locator('.present__position');

test('presentation mode steps through the passages with the keys, hides the panels, and Escape leaves it', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('section.column')).toHaveCount(4);
  await page.locator('section.column').nth(1).locator('.para--body[data-group]').first().click();
  await expect(page.getByRole('complementary', { name: 'Notes' })).toBeVisible();
  const passages = await page.locator('.para[data-group]').evaluateAll((els) => new Set(els.map((el) => el.getAttribute('data-group'))).size);

  await page.getByRole('button', { name: 'Present', exact: true }).click();
  const present = page.getByRole('region', { name: 'Presentation' });
  await expect(present).toBeVisible();
  // Notes, the header, the toolbar and the columns are gone.
  await expect(page.getByRole('complementary')).toHaveCount(0);
  await expect(page.locator('.app-header, .toolbar, section.column')).toHaveCount(0);
  await expect(position(page)).toHaveText(`Passage 1 of ${passages}`);
  // The passage's sources side by side, in large type, with the key to its marks.
  expect(await present.locator('.present__column').count()).toBeGreaterThanOrEqual(2);
  const size = await present.locator('.present-para__text').first().evaluate((el) => parseFloat(el.ownerDocument.defaultView!.getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(24);

  await page.keyboard.press('ArrowRight');
  await expect(position(page)).toHaveText(`Passage 2 of ${passages}`);
  await page.keyboard.press('PageDown');
  await page.keyboard.press('Space');
  await expect(position(page)).toHaveText(`Passage 4 of ${passages}`);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('PageUp');
  await expect(position(page)).toHaveText(`Passage 2 of ${passages}`);
  await page.keyboard.press('End');
  await expect(position(page)).toContainText('Only in one source:');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/^Only in /);
  await page.keyboard.press('Home');
  await expect(position(page)).toHaveText(`Passage 1 of ${passages}`);
  await page.keyboard.press('ArrowLeft');
  await expect(position(page)).toHaveText(`Passage 1 of ${passages}`);

  // Without the paragraphs only one source has, End is the last passage.
  await present.getByRole('checkbox', { name: 'Include paragraphs only one source has' }).uncheck();
  await page.keyboard.press('End');
  await expect(position(page)).toHaveText(`Passage ${passages} of ${passages}`);

  await page.keyboard.press('Escape');
  await expect(present).toHaveCount(0);
  await expect(page.locator('section.column')).toHaveCount(4);
  await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeFocused();
});

test('presentation mode from the menu and F5, in blind mode, in high contrast', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('section.column').first()).toBeVisible();
  await app.fireMenuCommand('toggle-blind');
  await app.fireMenuCommand('toggle-presentation');
  await expect(page.locator('.present__source').first()).toHaveText(/^Source [A-D]$/);
  expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { dataset: Record<string, string> } } }).document.documentElement.dataset.theme)).toBe('contrast');
  await page.keyboard.press('F5');
  await expect(page.getByRole('region', { name: 'Presentation' })).toHaveCount(0);
  await page.keyboard.press('F5');
  await expect(page.getByRole('region', { name: 'Presentation' })).toBeVisible();
  await app.fireMenuCommand('toggle-presentation');
  await expect(page.locator('section.column').first()).toBeVisible();
});

test('the menu’s commands reach the page: paste, views, blind mode and reveal, themes, find, shortcuts', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('section.column').first()).toBeVisible();
  const theme = () => page.evaluate(() => (globalThis as unknown as { document: { documentElement: { dataset: Record<string, string> } } }).document.documentElement.dataset.theme);

  await app.fireMenuCommand('paste-source');
  await expect(page.getByRole('textbox', { name: 'Article text' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  await app.fireMenuCommand('show-word-sets');
  await expect(page.getByRole('button', { name: 'Word sets', exact: true })).toHaveAttribute('aria-current', 'page');
  await app.fireMenuCommand('show-comparison');
  await expect(page.locator('section.column').first()).toBeVisible();

  await app.fireMenuCommand('toggle-blind');
  await expect(page.locator('.column__label-text').first()).toHaveText('Source A');
  await app.fireMenuCommand('toggle-reveal');
  await expect(page.locator('.column__label-text').first()).toHaveText('Amberline Wire');
  await app.fireMenuCommand('toggle-reveal');
  await expect(page.locator('.column__label-text').first()).toHaveText('Source A');
  await app.fireMenuCommand('toggle-blind');
  await expect(page.locator('.column__label-text').first()).toHaveText('Amberline Wire');

  for (const [command, expected] of [['theme-dark', 'dark'], ['theme-contrast', 'contrast'], ['theme-light', 'light'], ['theme-system', 'light']] as const) {
    await app.fireMenuCommand(command);
    await expect.poll(theme).toBe(expected);
  }
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('system');

  await app.fireMenuCommand('find-differences');
  await expect(page.locator('.differences__search')).toBeFocused();
  await app.fireMenuCommand('toggle-differences');
  await expect(page.locator('.differences__search')).toHaveCount(0);
  for (const [command, tab] of [['layout-event', 'Event'], ['layout-claims', 'Claims'], ['layout-coverage', 'Coverage'], ['layout-columns', 'Columns']] as const) {
    await app.fireMenuCommand(command);
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
  }

  await app.fireMenuCommand('show-shortcuts');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Presentation mode');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.keyboard.press('Control+/');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});

test('Ctrl +, − and 0 change the text size, and the layout holds at the largest size', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('section.column').first()).toBeVisible();
  const reading = () => page.locator('.para--body .para__text').first().evaluate((el) => parseFloat(el.ownerDocument.defaultView!.getComputedStyle(el).fontSize));
  const before = await reading();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+=');
  expect(await reading()).toBeGreaterThan(before);
  await page.keyboard.press('Control+0');
  expect(await reading()).toBe(before);
  await page.keyboard.press('Control+-');
  expect(await reading()).toBeLessThan(before);
  for (let i = 0; i < 12; i++) await page.keyboard.press('Control+=');
  expect(await reading()).toBe(30);
  // Nothing spills out of the window sideways, and the header's controls stay on screen.
  const overflow = await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
    return doc.documentElement.scrollWidth - doc.documentElement.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
  const open = await app.openFilesButton().boundingBox();
  expect(open && open.x + open.width).toBeLessThanOrEqual(1440);
});

test('right-to-left articles are shown right to left, marks included', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('section.column').first()).toBeVisible();
  app.queuePick([join(REPO_ROOT, 'tests', 'fixtures', 'rtl', 'sahil-daily.txt'), join(REPO_ROOT, 'tests', 'fixtures', 'rtl', 'nahar-post.txt')]);
  await app.openFilesButton().click();
  await expect(page.locator('section.column')).toHaveCount(2);
  const text = page.locator('section.column').first().locator('.para--body .para__text').first();
  await expect(text).toHaveAttribute('dir', 'auto');
  expect(await text.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).direction)).toBe('rtl');
  // The shared passage's marks sit inside right-to-left text, so they read right to left too.
  const mark = page.locator('.para mark.diff').first();
  await expect(mark).toBeVisible();
  expect(await mark.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).direction)).toBe('rtl');
  // An English paragraph stays left to right.
  const english = page.locator('.para__tag').first();
  expect(await english.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).direction)).toBe('ltr');
});

test('at 1280×720 (a projector) the header and the layout bar keep every label on one line, one slim row each', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(page.locator('section.column').first()).toBeVisible();
  const labels = await page.locator('.app-header button, .app-header select, .layout-bar button').evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      const style = element.ownerDocument.defaultView!.getComputedStyle(element);
      const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
      // The height of the label's text, laid out: one line high, unless it wraps.
      const range = element.ownerDocument.createRange();
      range.selectNodeContents(element);
      return { text: (element.textContent ?? '').trim(), textHeight: range.getBoundingClientRect().height, line, right: box.right };
    }),
  );
  // The header's controls, and in the layout bar the tabs, the differences list and Key & tools.
  expect(labels.length).toBeGreaterThan(12);
  for (const label of labels) {
    expect(label.textHeight, `"${label.text}" wraps onto two lines`).toBeLessThan(label.line * 1.6);
    expect(label.right, `"${label.text}" is cut off at the right`).toBeLessThanOrEqual(1280);
  }
  const header = await page.locator('.app-header').boundingBox();
  expect(header!.height, 'the header is one slim row').toBeLessThanOrEqual(42);
  const bar = await page.locator('.layout-bar').boundingBox();
  expect(bar!.height, 'the tabs, the differences list and Key & tools share one slim row').toBeLessThanOrEqual(40);
  // With the differences list open, the bar is still one row.
  await page.getByRole('button', { name: /^Differences list/ }).click();
  await expect(page.getByRole('complementary', { name: 'Differences' })).toBeVisible();
  expect((await page.locator('.layout-bar').boundingBox())!.height).toBeLessThanOrEqual(40);
});
