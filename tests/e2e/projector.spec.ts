import AxeBuilder from '@axe-core/playwright';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, REPO_ROOT, SAMPLES_DIR, test, type ParallaxApp } from './harness.js';

/**
 * A reading screen that fits a projector (issue 15, section 2). Instructors show Parallax on a
 * 1280×720 projector: the article text starts near the top, the controls not needed while reading
 * fold into "Key & tools", no button label wraps, the columns fit beside the differences list, and
 * a passage taller than the screen is shown whole, in parts, in presentation mode.
 *
 * Only invented text: the bundled sample and the three invented reports of a library fire
 * (tests/e2e/fixtures/long-passage), one paragraph of which is taller than a projector.
 */

const PROJECTOR = { width: 1280, height: 720 } as const;
const FULL_HD = { width: 1920, height: 1080 } as const;
const LONG = join(REPO_ROOT, 'tests', 'e2e', 'fixtures', 'long-passage');
const LONG_FILES = ['fenwick-gazette.txt', 'orrin-vale-courier.txt', 'tarn-evening-post.txt'].map((name) => join(LONG, name));
const SAMPLE_FILES = readdirSync(SAMPLES_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => join(SAMPLES_DIR, name));

/** axe-core's WCAG 2.x A and AA rules, as tests/e2e/accessibility.spec.ts runs them. */
const axe = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`,
  );

/** The page's globals these measurements use (the test project is compiled without the DOM library). */
interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
  height: number;
}
interface El {
  getBoundingClientRect(): Box;
  textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selector: string): El | null;
}
interface PageGlobals {
  document: {
    querySelectorAll(selector: string): ArrayLike<El>;
    createRange(): { selectNodeContents(node: El): void; getBoundingClientRect(): Box; getClientRects(): ArrayLike<Box> };
  };
  getComputedStyle(element: El): { lineHeight: string; fontSize: string; visibility: string; display: string };
  innerWidth: number;
}

async function openFiles(app: ParallaxApp, paths: readonly string[]): Promise<void> {
  await expect(app.page.locator('section.column').first()).toBeVisible();
  app.queuePick(paths);
  await app.openFilesButton().click();
  await expect(app.page.locator('section.column')).toHaveCount(paths.length);
}

/** Where the first paragraph of the first column starts: the top of its text, in pixels from the window's top. */
const firstTextTop = (page: Page) =>
  page.locator('section.column').first().locator('.para .para__text').first().evaluate((element) => element.getBoundingClientRect().top);

/**
 * Every button and select on screen whose label runs onto a second line: its text's height against
 * its line height. Buttons that carry a passage of text rather than a label (the glance's
 * sentences, a paragraph's "Why together?" list) are not controls and are left out.
 */
async function wrappedLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
    const wrapped: string[] = [];
    for (const control of Array.from(document.querySelectorAll('button, select, [role="tab"], label.switch'))) {
      // The notes rail's label runs down the window's edge by design: one line, turned.
      if (control.closest('.glance__item, .glance__link, .glance__speaker, .difference, .para, .note, .notes__list, .reason, .notes-rail')) continue;
      const box = control.getBoundingClientRect();
      const style = getComputedStyle(control);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      const text = (control.textContent ?? '').trim();
      if (!text) continue;
      const range = document.createRange();
      range.selectNodeContents(control);
      const height = range.getBoundingClientRect().height;
      const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.25;
      if (height > line * 1.6) wrapped.push(`"${text.replace(/\s+/g, ' ')}" (${Math.round(height)} px for a ${Math.round(line)} px line)`);
    }
    return wrapped;
  });
}

/** Each column's left and right edge and width, and the window's width. */
const columnBoxes = (page: Page) =>
  page.locator('section.column').evaluateAll((columns) =>
    columns.map((column) => {
      const box = column.getBoundingClientRect();
      return { label: column.getAttribute('aria-label') ?? '', left: Math.round(box.left), right: Math.round(box.right), width: Math.round(box.width) };
    }),
  );

test('at 1280×720 the article text starts near the top: header, tabs and toolbar fold into one band, and the folded controls are one key away', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize(PROJECTOR);
  await expect(page.locator('section.column')).toHaveCount(4);
  await page.waitForTimeout(200);

  // Everything above the text (header, tabs, toolbar, the columns' heads) takes at most about 120 px.
  const scrollTop = await page.locator('.column__scroll').first().evaluate((element) => element.getBoundingClientRect().top);
  expect(scrollTop, 'the header, tabs, toolbar and column heads together').toBeLessThanOrEqual(122);
  expect(await firstTextTop(page), 'the top of the first paragraph’s text').toBeLessThanOrEqual(130);
  // The heads keep each source's whole name; its title and counts are folded into Source details
  // (and still read out to screen readers with the column).
  const head = page.locator('section.column').nth(1).locator('.column__head');
  await expect(head.locator('.column__label-text')).toHaveText('Harlowmere Lantern');
  expect(await head.locator('.column__label-text').evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  await expect(head.getByRole('heading', { level: 2 })).toHaveText(/Harlowmere counts its losses/);
  await head.getByRole('button', { name: /^Source details/ }).click();
  const details = page.getByRole('dialog', { name: 'Source details' });
  await expect(details).toContainText('Harlowmere counts its losses');
  await expect(details).toContainText(/\d+ paragraphs · \d+ shared/);
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);

  // The folded controls: a disclosure button, closed on a projector, opened from the keyboard.
  const tools = page.getByRole('button', { name: 'Key & tools' });
  await expect(tools).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('slider', { name: 'Matching' })).toBeHidden();
  expect(await axe(page), 'axe: the projector layout, folded').toEqual([]);
  await tools.focus();
  await page.keyboard.press('Enter');
  await expect(tools).toHaveAttribute('aria-expanded', 'true');
  const panel = page.locator(`[id="${await tools.getAttribute('aria-controls')}"]`);
  await expect(panel).toBeVisible();
  // Nothing was deleted: the key to the marks and its toggles, the Matching setting, linked
  // scrolling and the sources to go to are all there.
  await expect(panel.getByRole('group', { name: 'Differences' }).getByRole('button')).toHaveCount(8);
  await expect(panel.getByRole('slider', { name: 'Matching' })).toBeVisible();
  await expect(panel.getByRole('switch', { name: 'Linked scrolling' })).toBeVisible();
  await expect(panel.getByRole('navigation', { name: 'Go to a source' }).getByRole('button')).toHaveCount(4);
  expect(await axe(page), 'axe: the projector layout, Key & tools open').toEqual([]);
  // Tab goes from the button into what it opened.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: El | null } }).document.activeElement?.closest('.toolbar') !== null)).toBe(true);
  // A kind hidden from the folded key stays hidden once it is folded again, and the button says how many kinds are hidden.
  await panel.getByRole('group', { name: 'Differences' }).getByRole('button', { name: /^Wording \d+$/ }).click();
  await tools.click();
  await expect(tools).toHaveAttribute('aria-expanded', 'false');
  await expect(panel).toBeHidden();
  await expect(page.locator('.para mark[data-kind="wording"]')).toHaveCount(0);
  await expect(page.locator('.toolbar-fold__hidden')).toHaveText('1 kind hidden');
  expect(await firstTextTop(page)).toBeLessThanOrEqual(130);

  // The person's choice holds when the view changes: opened, it stays open through Event and back.
  await tools.click();
  await page.getByRole('tab', { name: 'Event' }).click();
  await page.getByRole('tab', { name: 'Columns' }).click();
  await expect(page.getByRole('button', { name: 'Key & tools' })).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('button', { name: 'Key & tools' }).click();
  await expect(page.getByRole('button', { name: 'Key & tools' })).toHaveAttribute('aria-expanded', 'false');

  // On a large screen the toolbar is open from the start: a researcher sees every control.
  await page.setViewportSize(FULL_HD);
  await page.getByRole('tab', { name: 'Event' }).click();
  await page.getByRole('tab', { name: 'Columns' }).click();
  await expect(page.getByRole('button', { name: 'Key & tools' })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('slider', { name: 'Matching' })).toBeVisible();
});

test('no button label wraps at 1280×720 or at 1920×1080: the columns with the list open, the glance, presentation mode', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('section.column')).toHaveCount(4);
  for (const size of [PROJECTOR, FULL_HD]) {
    await page.setViewportSize(size);
    await page.getByRole('tab', { name: 'Columns' }).click();
    await expect(page.locator('section.column')).toHaveCount(4);
    expect(await wrappedLabels(page), `the columns at ${size.width}×${size.height}`).toEqual([]);
    // The folded controls opened, and the differences list beside the columns.
    const tools = page.getByRole('button', { name: 'Key & tools' });
    if ((await tools.count()) > 0 && (await tools.getAttribute('aria-expanded')) === 'false') await tools.click();
    await page.getByRole('button', { name: /^Differences list/ }).click();
    await expect(page.getByRole('complementary', { name: 'Differences' })).toBeVisible();
    expect(await wrappedLabels(page), `the columns and the differences list at ${size.width}×${size.height}`).toEqual([]);
    await page.getByRole('button', { name: /^Differences list/ }).click();

    await page.getByRole('tab', { name: 'At a glance' }).click();
    await expect(page.locator('.glance')).toBeVisible();
    expect(await wrappedLabels(page), `the glance at ${size.width}×${size.height}`).toEqual([]);

    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Presentation' })).toBeVisible();
    expect(await wrappedLabels(page), `presentation mode at ${size.width}×${size.height}`).toEqual([]);
    await page.keyboard.press('Escape');
  }
});

test('with the differences list open, three sources fit side by side at 1280 px and five at 1920 px, none cut off at the right', async ({ app }) => {
  const { page } = app;
  const fits = async (count: number, size: { width: number; height: number }) => {
    await page.setViewportSize(size);
    await expect(page.locator('section.column')).toHaveCount(count);
    const toggle = page.getByRole('button', { name: /^Differences list/ });
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    await expect(page.getByRole('complementary', { name: 'Differences' })).toBeVisible();
    await page.waitForTimeout(200);
    const boxes = await columnBoxes(page);
    expect(boxes).toHaveLength(count);
    for (const box of boxes) {
      expect(box.right, `${box.label} is cut off at the right at ${size.width} px`).toBeLessThanOrEqual(size.width);
      expect(box.width, `${box.label} is too narrow to read at ${size.width} px`).toBeGreaterThanOrEqual(300);
    }
    // The list itself is whole too, and nothing spills out of the window sideways.
    const list = await page.getByRole('complementary', { name: 'Differences' }).boundingBox();
    expect(list!.x).toBeGreaterThanOrEqual(0);
    expect(list!.width).toBeGreaterThanOrEqual(280);
    const overflow = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
      return doc.documentElement.scrollWidth - doc.documentElement.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    return boxes;
  };

  // Three invented reports at 1280 px.
  await openFiles(app, LONG_FILES);
  await fits(3, PROJECTOR);
  // Five sources at 1920 px: the sample and one of the invented reports.
  await openFiles(app, [...SAMPLE_FILES, LONG_FILES[2]!]);
  await fits(5, FULL_HD);
  // And without the list, the sample's four fit a 1280 px projector.
  await openFiles(app, SAMPLE_FILES);
  await page.setViewportSize(PROJECTOR);
  await page.getByRole('button', { name: /^Differences list/ }).click();
  await expect(page.getByRole('complementary', { name: 'Differences' })).toHaveCount(0);
  await page.waitForTimeout(200);
  for (const box of await columnBoxes(page)) {
    expect(box.right, `${box.label} is cut off at the right`).toBeLessThanOrEqual(PROJECTOR.width);
    expect(box.width).toBeGreaterThanOrEqual(300);
  }
});

/** The lines of the slide's text shown whole on screen now, and whether the key is on screen. */
async function slideOnScreen(page: Page): Promise<{ all: string[]; whole: string[]; key: boolean }> {
  return page.evaluate(() => {
    const page = globalThis as unknown as PageGlobals & {
      innerHeight: number;
      document: { elementFromPoint(x: number, y: number): unknown; querySelector(selector: string): (El & { contains(other: unknown): boolean }) | null };
    };
    const { document } = page;
    const all: string[] = [];
    const whole: string[] = [];
    Array.from(document.querySelectorAll('.present__column')).forEach((column, c) => {
      for (const paragraph of Array.from((column as unknown as { querySelectorAll(s: string): ArrayLike<El & { contains(other: unknown): boolean }> }).querySelectorAll('.present-para__text'))) {
        const range = document.createRange();
        range.selectNodeContents(paragraph);
        const lines = new Map<number, Box>();
        for (const rect of Array.from(range.getClientRects())) {
          if (rect.width === 0 || rect.height === 0) continue;
          const key = Math.round((rect.top + rect.bottom) / 2 / 6);
          const line = lines.get(key);
          lines.set(key, line ? { ...line, left: Math.min(line.left, rect.left), right: Math.max(line.right, rect.right), top: Math.min(line.top, rect.top), bottom: Math.max(line.bottom, rect.bottom) } : { ...rect, top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right, width: rect.width, height: rect.height });
        }
        [...lines.values()].forEach((line, n) => {
          const id = `${c}:${paragraph.getAttribute('data-paragraph')}:${n}`;
          all.push(id);
          const inside = line.top >= 0 && line.bottom <= page.innerHeight && line.left >= 0 && line.right <= page.innerWidth;
          const hit = (x: number, y: number) => paragraph.contains(document.elementFromPoint(x, y));
          if (inside && hit(line.left + 2, line.top + 2) && hit(line.right - 2, line.bottom - 2)) whole.push(id);
        });
      }
    });
    const key = document.querySelector('.present__legend');
    const box = key?.getBoundingClientRect();
    return { all, whole, key: !!box && box.height > 0 && box.top >= 0 && box.bottom <= page.innerHeight };
  });
}

test('presentation mode: a passage taller than the screen is reachable whole, in parts, at 1280×720 and at 1920×1080, with the key on screen', async ({ app }) => {
  const { page } = app;
  await openFiles(app, LONG_FILES);
  for (const size of [PROJECTOR, FULL_HD]) {
    await page.setViewportSize(size);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const present = page.getByRole('region', { name: 'Presentation' });
    await expect(present).toBeVisible();
    for (let i = 0; i < 8 && !(await present.locator('.present-para__text', { hasText: 'aerial ladders' }).count()); i++) await page.keyboard.press('ArrowRight');
    await expect(present.locator('.present-para__text', { hasText: 'aerial ladders' }).first()).toBeAttached();
    const parts = Number(await present.getAttribute('data-parts'));
    if (size === PROJECTOR) expect(parts, 'the long passage is taller than a 1280×720 screen').toBeGreaterThan(1);
    const seen = new Set<string>();
    let all: string[] = [];
    for (let part = 1; part <= parts; part++) {
      await expect(present).toHaveAttribute('data-part', String(part));
      const now = await slideOnScreen(page);
      expect(now.key, `the key is on screen, part ${part} at ${size.width}×${size.height}`).toBe(true);
      if (part === 1) all = now.all;
      now.whole.forEach((line) => seen.add(line));
      if (part < parts) await page.keyboard.press('ArrowRight');
    }
    expect(all.length).toBeGreaterThan(20);
    expect(all.filter((line) => !seen.has(line)), `lines never shown whole at ${size.width}×${size.height}`).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(present).toHaveCount(0);
  }
});
