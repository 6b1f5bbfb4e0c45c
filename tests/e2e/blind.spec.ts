import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, SAMPLES_DIR, seedPaths, test } from './harness.js';

/**
 * Blind mode: every name, title, file name and piece of metadata that could give a source's outlet
 * away is hidden everywhere on the page, until the instructor reveals them. Article text is never
 * rewritten, so it is left out of the check.
 */

const sampleFiles = readdirSync(SAMPLES_DIR).filter((name) => name.endsWith('.txt')).sort();
const seedFiles = seedPaths();

/** The sample's outlets, as Parallax names them (from their files), and their headlines. */
const SAMPLE_OUTLETS = ['Amberline Wire', 'Harlowmere Lantern', 'Quillon Dispatch', 'Veskin Valley Courier'];
const firstLine = (path: string): string => readFileSync(path, 'utf8').split('\n').find((line) => line.trim())!.trim();

/**
 * Everything on the page a person (or a screen reader) can read that is not article text: the
 * visible text without the paragraphs' and quotes' own words, every tooltip and accessible name,
 * and the window's title.
 */
async function textOutsideArticles(page: Page): Promise<string> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { body: { cloneNode(deep: boolean): unknown }; title: string; querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null }> } }).document;
    const clone = doc.body.cloneNode(true) as { querySelectorAll(s: string): ArrayLike<{ remove(): void }>; textContent: string | null };
    for (const element of Array.from(clone.querySelectorAll('.para__text, .notes__quote, .unplaced__quote, .present-para__text'))) element.remove();
    const attributes: string[] = [];
    for (const element of Array.from(doc.querySelectorAll('[title], [aria-label], [placeholder], [alt]'))) {
      for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        // Attributes inside article text (a mark's tooltip) are Parallax's own words: they count.
        if (value) attributes.push(value);
      }
    }
    return [doc.title, clone.textContent ?? '', ...attributes].join('\n');
  });
}

const blindToggle = (page: Page) => page.getByRole('banner').getByRole('button', { name: 'Blind mode', exact: true });

/** The names in `text` that should not be there. */
function leaks(text: string, names: readonly string[]): string[] {
  return names.filter((name) => new RegExp(`(?<![\\p{L}\\p{N}])(?<!\\p{N}[.,])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])(?![.,]\\p{N})`, 'iu').test(text));
}

test('blind mode hides every outlet name, title and file of the sample until revealed', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('section.column')).toHaveCount(4);
  const forbidden = [...SAMPLE_OUTLETS, ...sampleFiles, ...sampleFiles.map((name) => firstLine(join(SAMPLES_DIR, name)))];
  // Names show before blind mode (so the check below can fail).
  expect(leaks(await textOutsideArticles(page), forbidden)).not.toEqual([]);

  await blindToggle(page).click();
  await expect(blindToggle(page)).toHaveAttribute('aria-pressed', 'true');
  const banner = page.getByRole('region', { name: 'Blind mode' });
  await expect(banner).toContainText('Names that appear in the articles’ own words are not');
  await expect(page.locator('.column__label-text')).toHaveText(['Source A', 'Source B', 'Source C', 'Source D']);

  // Select a shared passage (notes panel: its source, "also reported by", how they differ) and open
  // a source's details: none may name an outlet.
  await page.locator('section.column').nth(1).locator('.para--body[data-group]').first().click();
  await expect(page.getByRole('complementary', { name: 'Notes' })).toContainText('Source B · paragraph');
  await page.locator('section.column').nth(2).getByRole('button', { name: 'Source details: Source C' }).click();
  await expect(page.getByRole('dialog', { name: 'Source details' })).toContainText('Hidden in blind mode');
  expect(leaks(await textOutsideArticles(page), forbidden)).toEqual([]);
  // The label cannot be edited (the field would show the real name).
  await expect(page.getByRole('button', { name: /^Rename/ })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // The recent list too.
  await page.getByRole('button', { name: 'Recent', exact: true }).click();
  await expect(page.locator('.recent-item').first()).toContainText('Comparison of 4 sources');
  expect(leaks(await textOutsideArticles(page), forbidden)).toEqual([]);
  await page.getByRole('button', { name: 'Comparison', exact: true }).click();

  // Reveal, and hide again.
  await banner.getByRole('button', { name: 'Reveal names' }).click();
  await expect(page.locator('.column__label-text').first()).toHaveText('Amberline Wire');
  await expect(banner).toContainText('Names revealed');
  await banner.getByRole('button', { name: 'Hide names' }).click();
  await expect(page.locator('.column__label-text').first()).toHaveText('Source A');
  expect(leaks(await textOutsideArticles(page), forbidden)).toEqual([]);
});

test('blind mode holds for the five seeds, is remembered after a restart, and turns off', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('section.column').first()).toBeVisible();
  await blindToggle(page).click();
  app.queuePick(seedFiles);
  await app.openFilesButton().click();
  await expect(page.locator('section.column')).toHaveCount(5);

  // The seeds are named by their files ("000"…) and carry their headlines (first lines) as titles:
  // those of 000 and 002, read from the seeds (their text is not ours to copy here).
  const forbidden = [
    ...seedFiles.map((path) => basename(path)),
    ...seedFiles.map((path) => basename(path).slice(0, 3)),
    ...seedFiles.map((path) => basename(path, '.txt').slice(4)),
    ...[seedFiles[0]!, seedFiles[2]!].map(firstLine),
  ];
  await page.locator('section.column').first().locator('.para--body[data-group]').first().click();
  await expect(page.getByRole('complementary', { name: 'Notes' })).toBeVisible();
  // Hover a mark so its tooltip is live, as a student would.
  await page.locator('.para mark.diff').first().hover();
  expect(leaks(await textOutsideArticles(page), forbidden)).toEqual([]);
  expect(await page.title()).toBe('5 sources · names hidden — Parallax');

  await app.restart();
  await expect(blindToggle(app.page)).toHaveAttribute('aria-pressed', 'true');
  await expect(app.page.locator('.column__label-text').first()).toHaveText('Source A');
  await app.page.getByRole('region', { name: 'Blind mode' }).getByRole('button', { name: 'Turn off blind mode' }).click();
  await expect(app.page.getByRole('region', { name: 'Blind mode' })).toHaveCount(0);
  await expect(app.page.locator('.column__label-text').first()).not.toHaveText('Source A');
});
