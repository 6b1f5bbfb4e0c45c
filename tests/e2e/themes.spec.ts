import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './harness.js';

/** Themes: light, dark and high contrast, chosen in the header or following the system, remembered. */

const scan = (page: Page) => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
const serious = async (page: Page) =>
  (await scan(page)).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);

const themeOf = (page: Page) => page.evaluate(() => (globalThis as unknown as { document: { documentElement: { dataset: Record<string, string> } } }).document.documentElement.dataset.theme);
const paperOf = (page: Page) => page.locator('body').evaluate((body) => body.ownerDocument.defaultView!.getComputedStyle(body).backgroundColor);

test('each theme can be chosen in the header, passes axe with the notes panel and blind mode, and is remembered', async ({ app }) => {
  // Three axe scans of the whole comparison: slow on a shared two-core machine.
  test.slow();
  const { page } = app;
  // Buttons fade between themes for 160 ms; axe must read the colours they settle on, not a blend.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(page.locator('.para mark.diff').first()).toBeVisible();
  const picker = page.getByRole('combobox', { name: 'Theme' });
  await expect(picker).toHaveValue('system');
  expect(await themeOf(page)).toBe('light');
  const lightPaper = await paperOf(page);

  await page.locator('section.column').nth(1).locator('.para--body[data-group]').first().click();
  await page.getByRole('banner').getByRole('button', { name: 'Blind mode', exact: true }).click();
  const papers = new Set([lightPaper]);
  for (const theme of ['dark', 'contrast', 'light'] as const) {
    await picker.selectOption(theme);
    expect(await themeOf(page)).toBe(theme);
    papers.add(await paperOf(page));
    expect(await serious(page), `axe in the ${theme} theme`).toEqual([]);
  }
  // Dark and contrast look different from light (white paper in contrast, near-black in dark).
  expect(papers.size).toBe(3);

  await picker.selectOption('dark');
  await app.restart();
  await expect(app.page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  expect(await themeOf(app.page)).toBe('dark');
});

test('the system theme follows the operating system’s dark and more-contrast settings', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('section.column').first()).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => themeOf(page)).toBe('dark');
  await page.emulateMedia({ colorScheme: 'light', contrast: 'more' });
  await expect.poll(() => themeOf(page)).toBe('contrast');
  await page.emulateMedia({ colorScheme: 'light', contrast: 'no-preference' });
  await expect.poll(() => themeOf(page)).toBe('light');
});

test('every kind of difference keeps its own line in each theme, not colour alone', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('.para mark.diff').first()).toBeVisible();
  const picker = page.getByRole('combobox', { name: 'Theme' });
  for (const theme of ['light', 'dark', 'contrast'] as const) {
    await picker.selectOption(theme);
    // The legend shows one sample mark per kind present; its shape must differ from every other's.
    const shapes = await page.locator('.kind-toggle__sample').evaluateAll((marks) =>
      marks.map((mark) => {
        const style = mark.ownerDocument.defaultView!.getComputedStyle(mark);
        return [style.textDecorationLine, style.textDecorationStyle, style.textDecorationThickness, style.boxShadow !== 'none', style.outlineStyle].join(' ');
      }),
    );
    expect(shapes.length, `kinds in the legend (${theme})`).toBeGreaterThan(3);
    expect(new Set(shapes).size, `distinct shapes (${theme}): ${shapes.join(' / ')}`).toBe(shapes.length);
  }
});
