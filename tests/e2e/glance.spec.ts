import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, seedPaths, test } from './harness.js';

/**
 * The story at a glance: the first view of a comparison (issue 15 §1). On the bundled sample and
 * on the five seeds: every piece is there, on one 1280×720 screen; each item leads back to its
 * passage in the columns; blind mode names no outlet; axe finds nothing; it prints as a page.
 */

// As for a person: comparisons open at the glance (the harness turns that off for the other specs).
test.use({ openAtGlance: true });

const SAMPLE_OUTLETS = ['Amberline Wire', 'Harlowmere Lantern', 'Quillon Dispatch', 'Veskin Valley Courier'];
const SECTIONS = ['Headlines and ledes', 'Who gets to speak', 'What leads, what is buried', 'The strongest contrasts', 'Only one source reports'];

const scan = (page: Page) => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
const summary = (violations: Awaited<ReturnType<typeof scan>>['violations']) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);

const glanceTab = (page: Page) => page.getByRole('tab', { name: 'At a glance' });
const columnsTab = (page: Page) => page.getByRole('tab', { name: 'Columns' });
const region = (page: Page, name: string) => page.locator('.glance').getByRole('region', { name, exact: true });

/** How far the glance, and the page, run past the window: 0 when it all fits. */
async function overflow(page: Page): Promise<{ glance: number; glanceWide: number; page: number }> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { querySelector(s: string): { scrollHeight: number; clientHeight: number; scrollWidth: number; clientWidth: number }; documentElement: { scrollHeight: number } } }).document;
    const view = doc.querySelector('.glance');
    const height = (globalThis as unknown as { innerHeight: number }).innerHeight;
    return { glance: view.scrollHeight - view.clientHeight, glanceWide: view.scrollWidth - view.clientWidth, page: doc.documentElement.scrollHeight - height };
  });
}

/**
 * What the glance says that is not the articles' own words (their headlines, ledes, sentences and
 * the names of the people they quote, which blind mode never rewrites): its text without those, and
 * every tooltip and accessible name in it.
 */
async function glanceOwnWords(page: Page): Promise<string> {
  return page.locator('.glance').evaluate((element) => {
    const view = element as unknown as {
      cloneNode(deep: boolean): { querySelectorAll(s: string): ArrayLike<{ remove(): void }>; textContent: string | null };
      querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null }>;
    };
    const clone = view.cloneNode(true);
    for (const article of Array.from(clone.querySelectorAll('.glance__article'))) article.remove();
    const attributes: string[] = [];
    for (const item of Array.from(view.querySelectorAll('[title], [aria-label]'))) {
      for (const name of ['title', 'aria-label']) {
        const value = item.getAttribute(name);
        if (value) attributes.push(value);
      }
    }
    return [clone.textContent ?? '', ...attributes].join('\n');
  });
}

test('a comparison opens at the story at a glance: every piece of the sample on one 1280×720 screen, and axe finds nothing', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(page.locator('.glance')).toBeVisible();
  await expect(glanceTab(page)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab').first()).toHaveText('At a glance');
  for (const name of SECTIONS) await expect(region(page, name)).toBeVisible();

  // Headlines side by side, with the words that set each apart marked.
  const headlines = region(page, 'Headlines and ledes');
  await expect(headlines.locator('tbody tr')).toHaveCount(4);
  const wire = headlines.locator('tbody tr', { hasText: 'Amberline Wire' });
  await expect(wire.locator('mark.glance__word', { hasText: '140' })).toHaveCount(1);
  await expect(wire).toContainText('At least 140 people were killed');

  // Who gets to speak: quoted or paraphrased, unnamed, the verbs; and who only one source lets speak.
  const voices = region(page, 'Who gets to speak');
  await expect(voices.locator('tbody tr', { hasText: 'Quillon Dispatch' }).locator('td').first()).toContainText('Mayor Orla Fennimore-Quist');
  await expect(voices.locator('tbody tr', { hasText: 'Amberline Wire' }).locator('td').nth(3)).toContainText('claimed (doubt)');
  await expect(voices.locator('.glance__sole')).toContainText('Residents of Millrace Lane (Harlowmere Lantern)');

  // What leads and what is buried: the baker's words, near the top of one story and buried in two.
  const baker = region(page, 'What leads, what is buried').locator('.glance__passage', { hasText: 'back door' });
  await expect(baker.locator('.glance__place--lead')).toHaveText(/Harlowmere Lantern ¶2/);
  await expect(baker.locator('.glance__place--buried')).toHaveCount(2);

  // The strongest contrasts, ranked; what only one source reports; the death tolls.
  const contrasts = region(page, 'The strongest contrasts').locator('li');
  await expect(contrasts).toHaveCount(5);
  await expect(contrasts.first()).toContainText('Loaded term');
  const only = region(page, 'Only one source reports');
  await expect(only).toContainText('Residents of Millrace Lane said the warning sirens');
  await expect(only.locator('.glance__figure--outlier')).toContainText('Amberline Wire 140 killed out of line');

  expect(await overflow(page)).toEqual({ glance: 0, glanceWide: 0, page: 0 });
  expect(summary((await scan(page)).violations)).toEqual([]);
});

test('each item leads back to its passage in the columns, and the views stay one key away', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('.glance')).toBeVisible();
  const columns = page.locator('section.column');

  // A paragraph only one source has: its column, brought into view and outlined.
  await region(page, 'Only one source reports').getByRole('button', { name: /^In an inspection report/ }).click();
  await expect(columnsTab(page)).toHaveAttribute('aria-selected', 'true');
  const report = columns.locator('.para--flash', { hasText: 'In an inspection report published in 2023' });
  await expect(report).toHaveCount(1);
  await expect(report).toBeInViewport();

  // Where a source buries a passage: that source's paragraph.
  await glanceTab(page).click();
  await region(page, 'What leads, what is buried').locator('.glance__passage', { hasText: 'back door' }).getByRole('button', { name: /^Quillon Dispatch/ }).click();
  const buried = columns.locator('.para--flash');
  await expect(buried).toContainText('The water came under the back door');
  await expect(buried).toBeInViewport();

  // A contrast: the difference ringed in the text.
  await glanceTab(page).click();
  await region(page, 'The strongest contrasts').getByRole('button').first().click();
  await expect(columnsTab(page)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('section.column mark.diff--active').first()).toBeInViewport();

  // The tabs: the arrow keys move between the views, Home comes back to the glance.
  await columnsTab(page).focus();
  await page.keyboard.press('Home');
  await expect(glanceTab(page)).toBeFocused();
  await expect(glanceTab(page)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(columnsTab(page)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.glance')).toBeVisible();
  // Tab goes on from the tabs, past the differences list's button, into the glance.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.locator('.glance :focus')).toHaveCount(1);
});

test('blind mode: the glance names no outlet, only Source A, B, C, D', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('.glance')).toBeVisible();
  const leaks = (text: string) => SAMPLE_OUTLETS.filter((name) => new RegExp(name, 'i').test(text));
  // Named before blind mode (so the check can fail).
  expect(leaks(await glanceOwnWords(page))).toEqual(SAMPLE_OUTLETS);

  await page.getByRole('banner').getByRole('button', { name: 'Blind mode', exact: true }).click();
  await expect(region(page, 'Headlines and ledes').locator('tbody th')).toHaveText(['Source A', 'Source B', 'Source C', 'Source D']);
  expect(leaks(await glanceOwnWords(page))).toEqual([]);
  // The contrasts are put into words with the neutral names too.
  await expect(region(page, 'The strongest contrasts')).toContainText('Source A: 140 killed');
  await expect(region(page, 'Who gets to speak').locator('.glance__sole')).toContainText('(Source B)');
  expect(summary((await scan(page)).violations)).toEqual([]);
});

test('the five seeds fit a 1280×720 screen too; other files open at the glance again, unless the person turns that off', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(page.locator('.glance')).toBeVisible();
  await columnsTab(page).click();
  app.queuePick(seedPaths());
  await app.openFilesButton().click();
  await expect(page.locator('.glance[data-sources="5"]')).toBeVisible();
  await expect(glanceTab(page)).toHaveAttribute('aria-selected', 'true');
  for (const name of SECTIONS) await expect(region(page, name)).toBeVisible();
  await expect(region(page, 'Headlines and ledes').locator('tbody tr')).toHaveCount(5);
  await expect(region(page, 'The strongest contrasts').locator('li')).toHaveCount(5);
  // Long lists are cut on screen, saying how much more there is.
  await expect(region(page, 'Only one source reports').locator('.glance__more').first()).toHaveText(/^and \d+ more$/);
  expect(await overflow(page)).toEqual({ glance: 0, glanceWide: 0, page: 0 });
  expect(summary((await scan(page)).violations)).toEqual([]);
  // A 1080p projector shows more of each list, still in one screen.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(region(page, 'What leads, what is buried').locator('.glance__passage')).toHaveCount(5);
  expect(await overflow(page)).toEqual({ glance: 0, glanceWide: 0, page: 0 });

  // Printed, the glance is the page: no header, no tabs, nothing clamped.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.locator('.layout-bar')).toBeHidden();
  await expect(page.getByRole('checkbox', { name: 'Open comparisons here' })).toBeHidden();
  await expect(page.locator('.glance__lede').first()).toHaveCSS('display', 'block');
  await page.emulateMedia({ media: 'screen' });

  // Turned off, what is opened next shows the columns; the choice is remembered.
  await page.getByRole('checkbox', { name: 'Open comparisons here' }).uncheck();
  await page.getByRole('banner').getByRole('button', { name: 'Sample', exact: true }).click();
  await expect(page.locator('section.column')).toHaveCount(4);
  await expect(columnsTab(page)).toHaveAttribute('aria-selected', 'true');
  expect(await page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem('parallax.openAtGlance'))).toBe('false');
});
