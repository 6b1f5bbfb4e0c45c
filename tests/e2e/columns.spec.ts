import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openSeeds, seedPaths, test } from './harness.js';


/** The columns' labels, left to right. */
const labels = (page: Page) => page.locator('section.column .column__label-text').allInnerTexts();

/** A passage number found in the most columns (the first such). */
async function widePassage(page: Page): Promise<{ number: string; docs: number[] }> {
  const columns = page.locator('section.column');
  const docsByNumber = new Map<string, number[]>();
  for (let i = 0; i < (await columns.count()); i++) {
    const numbers = await columns.nth(i).locator('.para[data-group]').evaluateAll((els) => els.map((el) => el.getAttribute('data-group') ?? ''));
    for (const number of new Set(numbers)) docsByNumber.set(number, [...(docsByNumber.get(number) ?? []), i]);
  }
  const [number, docs] = [...docsByNumber].sort((a, b) => b[1].length - a[1].length || Number(a[0]) - Number(b[0]))[0] ?? ['', []];
  return { number, docs };
}

test('columns move left and right from the keyboard, keep the focus on the button, and say where they went', async ({ app }) => {
  const { page } = app;
  await openSeeds(app);
  const before = await labels(page);
  const first = page.locator('section.column').first();
  await expect(first.getByRole('button', { name: `Move ${before[0]} left` })).toBeDisabled();
  const right = first.getByRole('button', { name: `Move ${before[0]} right` });
  await right.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => labels(page)).toEqual([before[1], before[0], ...before.slice(2)]);
  // The moved column's button still has the focus: pressing again moves it on.
  await expect(page.getByRole('button', { name: `Move ${before[0]} right` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => labels(page)).toEqual([before[1], before[2], before[0], ...before.slice(3)]);
  await expect(page.getByRole('status').filter({ hasText: 'moved to column 3 of 5' })).toHaveCount(1);
  // The columns are named by their place on screen; the toolbar lists them in that order.
  await expect(page.locator('section.column').nth(2)).toHaveAttribute('aria-label', `Source 3: ${before[0]}`);
  await expect(page.getByRole('navigation', { name: 'Go to a source' }).getByRole('button').nth(2)).toContainText(before[0]!);
  // The last column cannot move further right.
  const last = page.locator('section.column').last();
  await expect(last.getByRole('button', { name: `Move ${before[4]} right` })).toBeDisabled();

  // The order is kept for the comparison: away to the sample and back through Recent.
  await app.fireMenuCommand('open-sample');
  await expect(page.locator('section.column')).toHaveCount(4);
  app.queuePick(seedPaths());
  await app.openFilesButton().click();
  await expect(page.locator('section.column')).toHaveCount(5);
  await expect.poll(() => labels(page)).toEqual([before[1], before[2], before[0], ...before.slice(3)]);
});

test('a column is moved by dragging its grip onto another column', async ({ app }) => {
  const { page } = app;
  await openSeeds(app);
  const before = await labels(page);
  // Five columns are narrow: the grip shows when the pointer is on the column's head.
  const head = page.locator('section.column').first().locator('.column__head');
  const grip = head.locator('.column__grip');
  await expect(grip).toBeHidden();
  await head.hover();
  await expect(grip).toBeVisible();
  const target = page.locator('section.column').nth(1);
  const box = (await target.boundingBox())!;
  // Dropped on the right half of the second column: after it.
  await grip.dragTo(target, { targetPosition: { x: box.width * 0.75, y: 200 } });
  await expect.poll(() => labels(page)).toEqual([before[1], before[0], ...before.slice(2)]);
  await expect(page.locator('.column--drop-before, .column--drop-after')).toHaveCount(0);
});

test('removing a column compares again without it, its notes kept; Add source brings it back', async ({ app }) => {
  const { page } = app;
  await openSeeds(app);
  const paths = seedPaths();
  const before = await labels(page);
  // A note on the last source, to find again.
  const column = page.locator('section.column').nth(4);
  await column.locator('.para--body').first().click();
  const field = page.getByRole('textbox', { name: 'Add a note' });
  await field.fill('Kept while the source is out of the comparison.');
  await field.press('Control+Enter');
  await expect(page.locator('.note')).toHaveCount(1);
  await page.keyboard.press('Escape');

  await column.getByRole('button', { name: `Remove ${before[4]} from the comparison` }).click();
  await expect(page.locator('section.column')).toHaveCount(4);
  expect(await labels(page)).toEqual(before.slice(0, 4));
  expect(app.calls.filter((c) => c === 'comparison:open').length).toBeGreaterThanOrEqual(2);

  // Add source, at the end of the columns, adds the file back, as the last column.
  app.queuePick([paths[4]!]);
  await page.getByRole('button', { name: 'Add source…' }).click();
  await expect(page.locator('section.column')).toHaveCount(5);
  expect(await labels(page)).toEqual(before);
  await expect(page.locator('section.column').nth(4).locator('.note-marker')).toHaveCount(1);

  // A file already in the comparison is not added twice.
  app.queuePick([paths[0]!]);
  await page.getByRole('button', { name: 'Add source…' }).click();
  await expect(page.getByText('Those files are already in the comparison')).toBeVisible();
  await expect(page.locator('section.column')).toHaveCount(5);
});

test('with two sources, neither can be removed', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('section.column').first()).toBeVisible();
  const paths = seedPaths();
  app.queuePick([paths[0]!, paths[4]!]);
  await app.openFilesButton().click();
  await expect(page.locator('section.column')).toHaveCount(2);
  await expect(page.locator('section.column').first().getByRole('button', { name: /^Remove .* from the comparison$/ })).toBeDisabled();
});

test('page furniture is folded into one line per run, opened and folded again from the keyboard', async ({ app }) => {
  const { page } = app;
  await openSeeds(app);
  const column = page.locator('section.column').first();
  const fold = column.locator('.furniture-toggle').first();
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  const lines = Number((await fold.innerText()).match(/^(\d+) lines?/)?.[1]);
  expect(lines).toBeGreaterThan(0);
  const shownBefore = await column.locator('.para--boilerplate').count();
  await fold.focus();
  await page.keyboard.press('Enter');
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await expect(fold).toHaveText(/^Fold \d+ lines? of page furniture$/);
  await expect(column.locator('.para--boilerplate')).toHaveCount(shownBefore + lines);
  await page.keyboard.press('Space');
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await expect(column.locator('.para--boilerplate')).toHaveCount(shownBefore);
});

test('hovering a paragraph highlights its passage in every column and draws connectors; unique paragraphs say so', async ({ app }) => {
  const { page } = app;
  await openSeeds(app);
  const passage = await widePassage(page);
  expect(passage.docs.length).toBeGreaterThanOrEqual(2);
  const columns = page.locator('section.column');
  const member = columns.nth(passage.docs[0]!).locator(`.para[data-group="${passage.number}"]`).first();
  await member.scrollIntoViewIfNeeded();
  await member.hover();
  for (const doc of passage.docs) {
    await expect(columns.nth(doc).locator(`.para[data-group="${passage.number}"]`).first()).toHaveAttribute('data-hovered', 'true');
  }
  await expect(page.locator(`.para[data-hovered="true"]:not([data-group="${passage.number}"])`)).toHaveCount(0);
  // Select it: the others line up, and the connectors join the members in sight.
  await member.click();
  await expect(page.locator(`.connectors[data-group="${passage.number}"] .connectors__line`).first()).toBeAttached();
  await page.mouse.move(5, 5);
  await expect(page.locator('.para[data-hovered="true"]')).toHaveCount(0);

  // A body paragraph no other source has is marked as such.
  const unique = page.locator('.para--only-here').first();
  await expect(unique).toContainText('Only in this source');
  await expect(unique).not.toHaveAttribute('data-group');
});

test('linked scrolling can be switched off: a selection then leaves the other columns where they are', async ({ app }) => {
  const { page } = app;
  await openSeeds(app);
  const passage = await widePassage(page);
  const columns = page.locator('section.column');
  const [first, second] = passage.docs;
  const scrollTop = (doc: number) => columns.nth(doc).locator('.column__scroll').evaluate((el) => el.scrollTop);

  const toggle = page.getByRole('switch', { name: 'Linked scrolling' });
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  const before = await scrollTop(second!);
  const member = columns.nth(first!).locator(`.para[data-group="${passage.number}"]`).first();
  await member.scrollIntoViewIfNeeded();
  await member.click();
  await expect(columns.nth(second!).locator(`.para[data-group="${passage.number}"]`).first()).toHaveAttribute('data-selection', 'linked');
  await page.waitForTimeout(600);
  expect(await scrollTop(second!)).toBe(before);

  // On again: the next selection lines the others up.
  await page.keyboard.press('Escape');
  await toggle.click();
  await expect(toggle).toBeChecked();
  await columns.nth(second!).locator('.column__scroll').evaluate((el) => el.scrollTo({ top: 0 }));
  const other = columns.nth(second!).locator(`.para[data-group="${passage.number}"]`).first();
  await member.click();
  await expect.poll(async () => {
    const box = await other.boundingBox();
    const view = await columns.nth(second!).locator('.column__scroll').boundingBox();
    return Boolean(box && view && box.y >= view.y - 1 && box.y < view.y + view.height - 20);
  }).toBe(true);
});

/** A long source of our own: numbered paragraphs, a few of them shared with a short one. */
function longSources(dir: string): { long: string; short: string; far: number } {
  const words = 'river bank council engineers gauge valley ferry harbour bridge turbine pumping reservoir meadow'.split(' ');
  const paragraphs: string[] = ['The long report on the valley waterworks'];
  for (let i = 1; i <= 1000; i++) {
    const w = (k: number) => words[(i * 7 + k * 3) % words.length];
    paragraphs.push(`Paragraph ${i} of the long report notes that the ${w(1)} near the ${w(2)} was inspected on day ${i}, and the ${w(3)} crew logged ${i * 13} readings at the ${w(4)} before the ${w(5)} closed.`);
  }
  const far = 900;
  const shared = `Inspectors Maribel Quonsett and Tobias Ferrand counted 4,812 cracked sluice panels at the Orrow Dam spillway, a figure the valley authority disputed.`;
  paragraphs[far] = shared;
  const long = join(dir, 'long-report.txt');
  const short = join(dir, 'short-report.txt');
  writeFileSync(long, paragraphs.join('\n\n') + '\n');
  writeFileSync(
    short,
    ['A short report on the dam', 'The authority opened its review of the spillway on Tuesday.', shared.replace('counted', 'found'), 'Nothing else was said.'].join('\n\n') + '\n',
  );
  return { long, short, far };
}

test('a long source renders only a window of its paragraphs, and a selection elsewhere brings a far paragraph into view', async ({ app }, testInfo) => {
  const { page } = app;
  await expect(page.locator('section.column').first()).toBeVisible();
  const { long, short, far } = longSources(testInfo.outputPath());
  app.queuePick([short, long]);
  await app.openFilesButton().click();
  await expect(page.locator('section.column')).toHaveCount(2);
  const longColumn = page.locator('section.column[data-windowed="true"]');
  await expect(longColumn).toHaveCount(1);
  // Only a window is in the page, yet every block says where it is in the whole.
  const rendered = await longColumn.locator('.column__item').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(120);
  await expect(longColumn.locator('.column__item').first()).toHaveAttribute('aria-setsize', '1001');
  await expect(longColumn.locator('.para', { hasText: 'Inspectors Maribel Quonsett' })).toHaveCount(0);

  // Select the shared paragraph in the short source: the long column scrolls to its far member.
  const shortColumn = page.locator('section.column').filter({ hasNot: page.locator('[data-windowed]') }).first();
  const selected = shortColumn.locator('.para', { hasText: 'Inspectors Maribel Quonsett' });
  await selected.click();
  const member = longColumn.locator('.para', { hasText: 'Inspectors Maribel Quonsett' });
  await expect(member).toHaveAttribute('data-selection', 'linked');
  await expect(member.locator('xpath=..')).toHaveAttribute('aria-posinset', String(far + 1));
  await expect(member).toBeInViewport({ ratio: 0.9 });
  // The top of the long column's text is no longer in the page.
  await expect(longColumn.locator('.para', { hasText: 'Paragraph 1 of the long report' })).toHaveCount(0);

  // The keyboard reaches the end of the long column, block by block, and back.
  await member.focus();
  await page.keyboard.press('End');
  await expect(longColumn.locator('.para', { hasText: 'Paragraph 1000 of' })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(longColumn.locator('.column__item[aria-posinset="1"] .para')).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(longColumn.locator('.column__item[aria-posinset="11"] .para')).toBeFocused();
});

test('a request to show a paragraph (from the notes panel) brings it into view, outlined for a moment', async ({ app }) => {
  const { page } = app;
  await openSeeds(app);
  const passage = await widePassage(page);
  const columns = page.locator('section.column');
  const lastDoc = passage.docs.at(-1)!;
  await columns.nth(passage.docs[0]!).locator(`.para[data-group="${passage.number}"]`).first().click();
  // Scroll the target column away, then ask for its member from the notes panel.
  await columns.nth(lastDoc).locator('.column__scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const label = (await columns.nth(lastDoc).locator('.column__label').innerText()).trim();
  await page.getByRole('navigation', { name: 'The same passage in other sources' }).getByRole('button', { name: new RegExp(`^${label}`, 'i') }).click();
  const target = columns.nth(lastDoc).locator(`.para[data-group="${passage.number}"]`).first();
  await expect(target).toHaveClass(/para--flash/);
  await expect(target).toBeInViewport({ ratio: 0.5 });
  await expect(target).not.toHaveClass(/para--flash/, { timeout: 4000 });
});
