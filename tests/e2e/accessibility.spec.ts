import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './harness.js';

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
