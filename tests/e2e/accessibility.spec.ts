import AxeBuilder from '@axe-core/playwright';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, SAMPLES_DIR, test } from './harness.js';

/** axe-core's WCAG 2.x A and AA rules, on the main views. */
const scan = (page: import('@playwright/test').Page) => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();

const summary = (violations: Awaited<ReturnType<typeof scan>>['violations']) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);

test('the comparison, the notes panel and the recent list pass axe', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('section.column').first()).toBeVisible();
  expect(summary((await scan(page)).violations)).toEqual([]);

  await page.locator('section.column').nth(1).locator('.para--body[data-group]').first().click();
  await expect(page.getByRole('complementary', { name: 'Notes' })).toBeVisible();
  expect(summary((await scan(page)).violations)).toEqual([]);

  await page.getByRole('button', { name: 'Recent', exact: true }).click();
  await expect(page.locator('.recent-item').first()).toBeVisible();
  expect(summary((await scan(page)).violations)).toEqual([]);
});

test('the paste box, a source’s details, a marked paragraph, a label being renamed and a change on disk pass axe', async ({ app }, testInfo) => {
  const { page } = app;
  await expect(page.locator('section.column').first()).toBeVisible();
  const a = testInfo.outputPath('courier.txt');
  const b = testInfo.outputPath('lantern.txt');
  copyFileSync(join(SAMPLES_DIR, 'veskin-valley-courier.txt'), a);
  copyFileSync(join(SAMPLES_DIR, 'harlowmere-lantern.txt'), b);
  app.queuePick([a, b]);
  await app.openFilesButton().click();
  await expect(page.locator('section.column')).toHaveCount(2);

  await page.getByRole('button', { name: 'Paste article…' }).click();
  await expect(page.getByRole('textbox', { name: 'Article text' })).toBeFocused();
  expect(summary((await scan(page)).violations)).toEqual([]);
  await page.getByRole('button', { name: 'Cancel' }).click();

  const first = page.locator('section.column').first();
  await first.locator('.para--body').nth(1).click();
  await page.getByRole('button', { name: 'Mark as not article text' }).click();
  await expect(first.locator('.para[data-marked]')).toHaveCount(1);
  await first.getByRole('button', { name: /^Source details/ }).click();
  await expect(page.getByRole('dialog', { name: 'Source details' })).toBeVisible();
  writeFileSync(b, 'A different text now.\n\nWith a second paragraph.\n');
  await expect(page.locator('section.column').nth(1).getByRole('status')).toContainText('This file changed on disk.');
  expect(summary((await scan(page)).violations)).toEqual([]);

  await page.keyboard.press('Escape');
  await first.locator('.column__label').click();
  await expect(first.getByRole('textbox', { name: 'Name of source 1' })).toBeFocused();
  expect(summary((await scan(page)).violations)).toEqual([]);
});

test('the legend of the kinds of difference passes axe, with a kind hidden', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('.para mark.diff').first()).toBeVisible();
  const wording = page.getByRole('group', { name: 'Differences' }).getByRole('button', { name: /^Wording \d+$/ });
  await wording.click();
  await expect(wording).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.para mark[data-kind="wording"]')).toHaveCount(0);
  const serious = (await scan(page)).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(summary(serious)).toEqual([]);
});

test('blind mode, names hidden and revealed, passes axe', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('section.column').first()).toBeVisible();
  await page.getByRole('banner').getByRole('button', { name: 'Blind mode', exact: true }).click();
  await page.locator('section.column').nth(1).locator('.para--body[data-group]').first().click();
  await expect(page.locator('.column__label-text').first()).toHaveText('Source A');
  expect(summary((await scan(page)).violations)).toEqual([]);
  await page.getByRole('button', { name: 'Reveal names' }).click();
  await expect(page.getByRole('button', { name: 'Hide names' })).toBeVisible();
  expect(summary((await scan(page)).violations)).toEqual([]);
});

test('the notes panel with every note, its filters, the tag picker and the Add note button pass axe', async ({ app }) => {
  const { page } = app;
  // Five full-page scans.
  test.slow();
  const serious = async () => summary((await scan(page)).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'));
  const paragraph = page.locator('section.column').nth(1).locator('.para--body[data-group]').first();
  await paragraph.click();
  const panel = page.getByRole('complementary', { name: 'Notes' });
  const tags = panel.getByRole('combobox', { name: 'Tags' });
  await tags.fill('hedging');
  await expect(panel.getByRole('option', { name: 'Add “hedging” to the codebook' })).toBeVisible();
  expect(await serious()).toEqual([]);
  await tags.press('Enter');
  await panel.getByRole('textbox', { name: 'Add a note' }).fill('A note with a **tag**.');
  await panel.getByRole('button', { name: 'Save note' }).click();
  await expect(panel.locator('.note')).toHaveCount(1);
  // Words selected in the text, with the Add note button beside them.
  await paragraph.locator('.para__text').evaluate((element) => {
    const doc = element.ownerDocument;
    const range = doc.createRange();
    range.selectNodeContents(element);
    doc.getSelection()?.removeAllRanges();
    doc.getSelection()?.addRange(range);
  });
  await expect(page.getByRole('button', { name: 'Add note on the selected words' })).toBeVisible();
  expect(await serious()).toEqual([]);
  await panel.getByRole('button', { name: /^All notes/ }).click();
  await expect(panel.getByRole('list', { name: 'Notes of this comparison' })).toBeVisible();
  expect(await serious()).toEqual([]);
  await panel.getByRole('button', { name: 'Codebook' }).click();
  await expect(page.getByRole('dialog', { name: 'Codebook' })).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.keyboard.press('Escape');
  await panel.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  expect(await serious()).toEqual([]);
});

test('the event view, the claims table, the coverage map and the differences panel pass axe', async ({ app }) => {
  // Four axe scans of full pages: more than the default minute on a busy machine.
  test.slow();
  const { page } = app;
  await expect(page.locator('section.column').first()).toBeVisible();
  const serious = async () => summary((await scan(page)).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'));

  await page.getByRole('button', { name: /^Differences list/ }).click();
  const list = page.getByRole('complementary', { name: 'Differences' }).getByRole('listbox');
  await expect(list.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('F8');
  await expect(list.getByRole('option', { selected: true })).toHaveCount(1);
  expect(await serious()).toEqual([]);

  await page.getByRole('tab', { name: 'Event' }).click();
  await expect(page.locator('tr.event-row').first()).toBeVisible();
  expect(await serious()).toEqual([]);

  await page.getByRole('tab', { name: 'Claims' }).click();
  await expect(page.getByRole('heading', { name: 'Figures across sources' })).toBeVisible();
  expect(await serious()).toEqual([]);

  await page.getByRole('tab', { name: 'Coverage' }).click();
  await expect(page.locator('.coverage-cell__button').first()).toBeVisible();
  expect(await serious()).toEqual([]);
});

test('presentation mode, in blind mode, and the keyboard shortcuts dialog pass axe', async ({ app }) => {
  test.slow();
  const { page } = app;
  await expect(page.locator('section.column').first()).toBeVisible();
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Presentation' })).toBeVisible();
  expect(summary((await scan(page)).violations)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('banner').getByRole('button', { name: 'Blind mode', exact: true }).click();
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await page.keyboard.press('End');
  expect(summary((await scan(page)).violations)).toEqual([]);
  await page.keyboard.press('Control+/');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(summary((await scan(page)).violations)).toEqual([]);
});

test('the columns pass axe: the column tools, folded and opened page furniture, a hovered passage, a windowed long column', async ({ app }, testInfo) => {
  const { page } = app;
  await expect(page.locator('section.column').first()).toBeVisible();
  // A long source of our own beside a short one, so that one column is windowed.
  const long = testInfo.outputPath('long.txt');
  const short = testInfo.outputPath('short.txt');
  const paragraphs = Array.from({ length: 400 }, (_v, i) => `Section ${i + 1} of the ferry inquiry lists ${i * 3} logbook entries from the ${i % 2 ? 'north' : 'south'} landing.`);
  writeFileSync(long, ['The ferry inquiry, in full', 'Posted by the newsroom', 'Share this story', ...paragraphs, 'Comments are closed.'].join('\n\n') + '\n');
  writeFileSync(short, ['The ferry inquiry in brief', paragraphs[200], 'Nothing else was said.'].join('\n\n') + '\n');
  app.queuePick([short, long]);
  await app.openFilesButton().click();
  await expect(page.locator('section.column[data-windowed="true"]')).toHaveCount(1);
  const fold = page.locator('.furniture-toggle').first();
  if ((await fold.count()) > 0) await fold.click();
  await page.locator('.para[data-group]').first().hover();
  await expect(page.locator('.para[data-hovered="true"]').first()).toBeVisible();
  await page.getByRole('switch', { name: 'Linked scrolling' }).focus();
  const serious = (await scan(page)).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(summary(serious)).toEqual([]);
});
