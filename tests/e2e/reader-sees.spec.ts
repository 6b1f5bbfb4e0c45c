import AxeBuilder from '@axe-core/playwright';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, REPO_ROOT, test, type ParallaxApp } from './harness.js';

/**
 * What the reader sees of how passages were formed (issue 11, part 3): "Why together?" on a
 * passage in the event view and in presentation mode; a passage taller than a 1280×720 projector
 * shown in parts, never cut, with its key on screen; and the Matching setting kept in the store,
 * with the passages it finds beside the slider.
 *
 * The long passage is our own: three invented reports of a fire at an invented town's library
 * (tests/e2e/fixtures/long-passage), one paragraph of about 330 words in two of them.
 */

const LONG = join(REPO_ROOT, 'tests', 'e2e', 'fixtures', 'long-passage');
const LONG_FILES = ['fenwick-gazette.txt', 'orrin-vale-courier.txt', 'tarn-evening-post.txt'].map((name) => join(LONG, name));
const OUTLETS = /Fenwick Gazette|Orrin Vale Courier|Tarn Evening Post/;
/** Screenshots for a person to look at (not kept in the repository). */
const SHOTS = process.env.PARALLAX_SHOTS ?? '';

const scan = (page: Page) => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
const serious = (result: Awaited<ReturnType<typeof scan>>) =>
  result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.help}`);

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function openLongPassage(app: ParallaxApp): Promise<void> {
  await expect(app.page.locator('section.column').first()).toBeVisible();
  app.queuePick(LONG_FILES);
  await app.openFilesButton().click();
  await expect(app.page.locator('section.column')).toHaveCount(3);
}

test('"Why together?" in the event view lists the passage’s sentence links, by keyboard, blind-aware, and passes axe', async ({ app }) => {
  const { page } = app;
  await openLongPassage(app);
  await page.getByRole('tab', { name: /Event/ }).click();
  // The long passage: reported by all three sources.
  const row = page.locator('tr.event-row', { hasText: 'aerial ladders' }).first();
  const why = row.getByRole('button', { name: /^Why together\? Passage \d+$/ });
  await expect(why).toHaveAttribute('aria-expanded', 'false');

  // Keyboard: Tab reaches it, Enter opens it, and it says what it controls.
  await why.focus();
  await page.keyboard.press('Enter');
  await expect(why).toHaveAttribute('aria-expanded', 'true');
  const panel = page.locator(`[id="${await why.getAttribute('aria-controls')}"]`);
  await expect(panel).toBeVisible();
  const links = panel.locator('.reason');
  expect(await links.count()).toBeGreaterThan(0);
  expect(await links.count()).toBeLessThanOrEqual(5);
  // Each link: its strength, the two sources by name, and the two sentences as the sources wrote them.
  const first = links.first();
  await expect(first.locator('.reason__score')).toHaveText(/^\d{1,3}% alike$/);
  await expect(first.locator('.reason__source')).toHaveCount(2);
  for (const source of await first.locator('.reason__source').allTextContents()) expect(source).toMatch(OUTLETS);
  for (const sentence of await first.locator('.reason__sentence').allTextContents()) expect(sentence.length).toBeGreaterThan(10);
  // Strongest first.
  const scores = (await links.locator('.reason__score').allTextContents()).map((text) => parseInt(text, 10));
  expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  // A long passage has more links than are listed.
  await expect(panel.locator('.reasons__more')).toHaveText(/^and \d+ more$/);
  // It was brought into view under the passage.
  await expect(panel).toBeInViewport();
  await shoot(page, 'event-why-together');

  const result = await scan(page);
  expect(serious(result), 'axe: the event view with Why together? open').toEqual([]);

  // Blind mode hides the outlets here too.
  await app.fireMenuCommand('toggle-blind');
  await expect(first.locator('.reason__source').first()).toHaveText(/^Source [A-C]$/);
  expect(await panel.textContent()).not.toMatch(/Fenwick Gazette|Tarn Evening Post/);
  await app.fireMenuCommand('toggle-blind');

  // Enter again closes it.
  await why.focus();
  await page.keyboard.press('Enter');
  await expect(why).toHaveAttribute('aria-expanded', 'false');
  await expect(panel).toHaveCount(0);
});

/** What of the slide's text is on screen now: every line of it, and the lines shown whole. */
async function linesOnScreen(page: Page): Promise<{ all: string[]; whole: string[]; legend: boolean; part: string; fontSize: number }> {
  return page.evaluate(() => {
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
      querySelectorAll(selector: string): ArrayLike<El>;
      contains(other: unknown): boolean;
      getAttribute(name: string): string | null;
      textContent: string | null;
    }
    const page = globalThis as unknown as {
      document: {
        querySelectorAll(selector: string): ArrayLike<El>;
        querySelector(selector: string): El | null;
        createRange(): { selectNodeContents(node: El): void; getClientRects(): ArrayLike<Box> };
        elementFromPoint(x: number, y: number): unknown;
      };
      innerWidth: number;
      innerHeight: number;
      getComputedStyle(element: El): { fontSize: string };
    };
    const { document } = page;
    const all: string[] = [];
    const whole: string[] = [];
    const hits = (x: number, y: number, inside: El) => {
      const element = document.elementFromPoint(x, y);
      return element !== null && inside.contains(element);
    };
    Array.from(document.querySelectorAll('.present__column')).forEach((section, c) => {
      for (const paragraph of Array.from(section.querySelectorAll('.present-para__text'))) {
        const range = document.createRange();
        range.selectNodeContents(paragraph);
        // The text's boxes, gathered into lines by their middles.
        const boxes = Array.from(range.getClientRects()).filter((box) => box.width > 0 && box.height > 0);
        boxes.sort((a, b) => a.top + a.bottom - b.top - b.bottom);
        const lines: Box[] = [];
        for (const box of boxes) {
          const last = lines.at(-1);
          if (last && Math.abs((box.top + box.bottom) / 2 - (last.top + last.bottom) / 2) < 6) {
            last.left = Math.min(last.left, box.left);
            last.right = Math.max(last.right, box.right);
            last.top = Math.min(last.top, box.top);
            last.bottom = Math.max(last.bottom, box.bottom);
          } else lines.push({ ...box, top: box.top, bottom: box.bottom, left: box.left, right: box.right });
        }
        lines.forEach((line, n) => {
          const key = `${c}:${paragraph.getAttribute('data-paragraph')}:${n}`;
          all.push(key);
          const inWindow = line.top >= 0 && line.bottom <= page.innerHeight && line.left >= 0 && line.right <= page.innerWidth;
          const xs = [line.left + 2, (line.left + line.right) / 2, line.right - 2];
          const ys = [line.top + 1.5, (line.top + line.bottom) / 2, line.bottom - 1.5];
          if (inWindow && xs.every((x) => ys.every((y) => hits(x, y, paragraph)))) whole.push(key);
        });
      }
    });
    const legend = document.querySelector('.present__legend');
    const box = legend?.getBoundingClientRect();
    const legendShown =
      !!legend && !!box && box.top >= 0 && box.bottom <= page.innerHeight && box.height > 0 && hits(box.left + 4, (box.top + box.bottom) / 2, legend);
    const first = document.querySelector('.present-para__text');
    return {
      all,
      whole,
      legend: legendShown,
      part: document.querySelector('.present')?.getAttribute('data-part') + ' of ' + document.querySelector('.present')?.getAttribute('data-parts'),
      fontSize: first ? parseFloat(page.getComputedStyle(first).fontSize) : 0,
    };
  });
}

test('presentation at 1280×720: a passage taller than the screen is shown in parts, every line reachable whole, the key always on screen', async ({ app }) => {
  const { page } = app;
  await openLongPassage(app);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  const present = page.getByRole('region', { name: 'Presentation' });
  await expect(present).toBeVisible();

  // Step to the long passage.
  for (let i = 0; i < 6 && !(await present.locator('.present-para__text', { hasText: 'aerial ladders' }).count()); i++) await page.keyboard.press('ArrowRight');
  await expect(present.locator('.present-para__text', { hasText: 'aerial ladders' }).first()).toBeAttached();
  const position = await page.locator('.present__position').textContent();
  const parts = Number(await present.getAttribute('data-parts'));
  expect(parts, 'the long passage does not fit one 1280×720 screen').toBeGreaterThan(1);
  await expect(page.locator('.present__part')).toHaveText(`Part 1 of ${parts} · more with →`);

  // Every part: the key on screen, the type large; together, every line of every column shown whole.
  const seen = new Set<string>();
  let all: string[] = [];
  for (let part = 1; part <= parts; part++) {
    await expect(present).toHaveAttribute('data-part', String(part));
    const now = await linesOnScreen(page);
    expect(now.legend, `the key is on screen in part ${part}`).toBe(true);
    expect(now.fontSize).toBeGreaterThanOrEqual(24);
    expect(now.whole.length, `part ${part} shows some text`).toBeGreaterThan(0);
    if (part === 1) all = now.all;
    else expect(now.all).toEqual(all);
    now.whole.forEach((line) => seen.add(line));
    await expect(page.locator('.present__position')).toHaveText(position!);
    if (part <= 2) await shoot(page, `present-long-part-${part}`);
    if (part < parts) await page.keyboard.press(part % 2 ? 'ArrowRight' : 'PageDown');
  }
  expect(all.length).toBeGreaterThan(40);
  expect(all.filter((line) => !seen.has(line)), 'lines never shown whole').toEqual([]);

  // After the last part, the next passage; back again lands on the last part.
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.present__position')).not.toHaveText(position!);
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.present__position')).toHaveText(position!);
  await expect(present).toHaveAttribute('data-part', String(parts));
  await expect(page.locator('.present__part')).toHaveText(`Part ${parts} of ${parts}`);
  // The buttons step through the parts too.
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(present).toHaveAttribute('data-part', String(parts - 1));
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(present).toHaveAttribute('data-part', String(parts));

  // Larger text (Ctrl +) is laid out again at once: more parts, none cut.
  const size = (await linesOnScreen(page)).fontSize;
  await page.keyboard.press('Control+Equal');
  await page.keyboard.press('Control+Equal');
  await expect.poll(async () => (await linesOnScreen(page)).fontSize).toBeGreaterThan(size);
  await expect.poll(async () => Number(await present.getAttribute('data-parts'))).toBeGreaterThan(parts);
  await page.keyboard.press('Control+0');
  await expect.poll(async () => Number(await present.getAttribute('data-parts'))).toBe(parts);

  // Why together? on the slide: it opens beside the text, which is laid out again to fit.
  await page.keyboard.press('Home');
  for (let i = 0; i < 6 && !(await present.locator('.present-para__text', { hasText: 'aerial ladders' }).count()); i++) await page.keyboard.press('ArrowRight');
  await expect(present).toHaveAttribute('data-part', '1');
  const why = present.getByRole('button', { name: /^Why together\? Passage \d+$/ });
  await why.click();
  await expect(why).toHaveAttribute('aria-expanded', 'true');
  const reasons = present.getByRole('region', { name: /^Why passage \d+ is together$/ });
  await expect(reasons).toBeVisible();
  await expect(reasons.locator('.reason').first()).toBeVisible();
  await expect(reasons.locator('.reasons__more')).toHaveText(/^and \d+ more$/);
  const partsNow = Number(await present.getAttribute('data-parts'));
  expect(partsNow).toBeGreaterThanOrEqual(parts);
  const seenWithReasons = new Set<string>();
  for (let part = 1; part <= partsNow; part++) {
    await expect(present).toHaveAttribute('data-part', String(part));
    const now = await linesOnScreen(page);
    expect(now.legend).toBe(true);
    now.whole.forEach((line) => seenWithReasons.add(line));
    if (part === 1) await shoot(page, 'present-why-together');
    if (part < partsNow) await page.keyboard.press('ArrowDown');
  }
  expect(all.filter((line) => !seenWithReasons.has(line)), 'lines never shown whole with Why together? open').toEqual([]);
  const result = await scan(page);
  expect(serious(result), 'axe: presentation with Why together? open').toEqual([]);
});

test('the Matching setting is kept in the store, restored on the next start, and its passages are counted beside the slider', async ({ app }) => {
  const { page } = app;
  const slider = page.getByRole('slider', { name: 'Matching' });
  const passages = page.locator('.strictness__passages');
  const toolbarCount = async () => Number(/(\d+) shared passages?/.exec((await page.locator('.toolbar__summary').textContent()) ?? '')?.[1]);
  // At the default (whatever the core's default is), nothing is kept yet.
  await expect(slider).toHaveAttribute('aria-valuetext', /, the default,/);
  const defaultValue = await slider.inputValue();
  expect(Number(defaultValue)).toBeLessThan(0.8);
  await expect(passages).toHaveText(/^\d+ passages?$/);
  const loose = parseInt((await passages.textContent()) ?? '', 10);
  expect(loose).toBe(await toolbarCount());

  await slider.focus();
  await page.keyboard.press('End');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.strictness__value')).toHaveText('0.80');
  await expect.poll(async () => parseInt((await passages.textContent()) ?? '', 10)).toBeLessThan(loose);
  await expect(passages).not.toHaveClass(/--pending/);
  const strict = parseInt((await passages.textContent()) ?? '', 10);
  expect(strict).toBe(await toolbarCount());
  await expect.poll(() => app.calls.filter((channel) => channel === 'settings:set').length).toBe(1);
  const stored = async () => (JSON.parse(await readFile(join(app.dataDir, 'parallax-store.json'), 'utf8')) as { settings: { threshold?: number } }).settings;
  await expect.poll(async () => (await stored()).threshold).toBe(0.8);
  await shoot(page, 'matching-passages');

  // The next start compares with it, and the slider shows it.
  await app.restart();
  await expect(app.page.locator('section.column').first()).toBeVisible();
  await expect(app.page.getByRole('slider', { name: 'Matching' })).toHaveValue('0.8');
  await expect(app.page.locator('.strictness__passages')).toHaveText(`${strict} ${strict === 1 ? 'passage' : 'passages'}`);
  await expect(app.page.getByRole('button', { name: 'Default' })).toBeVisible();

  // Back to the default: the store forgets the setting.
  await app.page.getByRole('button', { name: 'Default' }).click();
  await expect(app.page.locator('.strictness__passages')).toHaveText(`${loose} ${loose === 1 ? 'passage' : 'passages'}`);
  await expect.poll(async () => 'threshold' in (await stored())).toBe(false);
});
