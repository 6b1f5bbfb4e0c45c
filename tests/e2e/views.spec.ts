import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, openSeeds, test } from './harness.js';

/**
 * The comparison's other layouts (event, claims, coverage) and the differences panel, on the five
 * seed articles and on long generated reports.
 */


/** The five cells of an event row, in source order. */
const cellsOf = (row: Locator) => row.locator('td.event-cell');

/** Whether an element's top is within the visible height of its column. */
async function inColumnView(element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  const viewport = await element.locator('xpath=ancestor::*[contains(@class, "column__scroll")]').boundingBox();
  return Boolean(box && viewport && box.y >= viewport.y - 1 && box.y < viewport.y + viewport.height - 20);
}

const position = (page: Page) => page.getByRole('complementary', { name: 'Differences' }).locator('.differences__position');

test('the event view has one row per passage, a cell per source and empty cells where a source says nothing', async ({ app }) => {
  const { page } = app;
  await openSeeds(app);
  await page.getByRole('tab', { name: 'Event' }).click();
  await expect(page.getByRole('tab', { name: 'Event' })).toHaveAttribute('aria-selected', 'true');
  const table = page.locator('table.event-table');
  await expect(table.locator('thead th')).toHaveCount(6);
  await expect(table.locator('thead th').nth(2)).toContainText('001');

  // Reading order follows the first source: its headline's passage comes first.
  const first = table.locator('tr.event-row').first();
  await expect(cellsOf(first).nth(0)).toContainText('Netanyahu orders top officials to Qatar');

  // The death toll: every one of the five seeds gives one, so no cell of its row is empty. (Its
  // row is the one with the figure in a paragraph, not quoted where a source mentions it elsewhere.)
  const toll = table.locator('tr.event-row', { has: page.locator('.para', { hasText: '445,581' }) });
  await expect(toll).toHaveCount(1);
  await expect(cellsOf(toll)).toHaveCount(5);
  await expect(toll.locator('td.event-cell--empty')).toHaveCount(0);
  await expect(cellsOf(toll).nth(1)).toContainText('445,581');
  await expect(toll.locator('th')).toContainText('5 of 5 sources');

  // The ICC passage: 000 and 004 report it, the others say nothing there.
  const icc = table.locator('tr.event-row', { hasText: 'wanted by the International Criminal Court' });
  await expect(icc).toHaveCount(1);
  for (const doc of [0, 4]) await expect(cellsOf(icc).nth(doc)).not.toHaveClass(/event-cell--empty/);
  for (const doc of [1, 2, 3]) {
    await expect(cellsOf(icc).nth(doc)).toHaveClass(/event-cell--empty/);
    await expect(cellsOf(icc).nth(doc)).toContainText('Not reported');
  }
  // Differences are drawn in the cells as in the columns.
  await expect(icc.locator('mark.diff').first()).toBeVisible();

  // What only 001 says is a row of its own with the other four cells empty.
  const alone = table.locator('tr.event-row--alone', { hasText: 'Only in 001' }).first();
  await expect(alone.locator('td.event-cell--empty')).toHaveCount(4);
  await expect(cellsOf(alone).nth(1)).not.toHaveClass(/event-cell--empty/);

  // The headlines of the five seeds, which tell one story, are set side by side: no cell is empty.
  await expect(first.locator('td.event-cell--empty')).toHaveCount(0);

  // The keyboard moves between cells; Enter selects a paragraph and opens its notes.
  const paragraph = cellsOf(first).nth(0).locator('.para').first();
  await paragraph.focus();
  await page.keyboard.press('ArrowRight');
  await expect(cellsOf(first).nth(1).locator('.para').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Notes' })).toBeVisible();
  await expect(cellsOf(first).nth(1).locator('.para').first()).toHaveAttribute('aria-pressed', 'true');
});

test('the claims table sets the figures side by side, flags 445,581, and a figure leads back to its paragraph', async ({ app }) => {
  const { page } = app;
  await openSeeds(app);
  await page.getByRole('tab', { name: 'Claims' }).click();
  const killed = page.locator('tr.claims-row', { hasText: 'Killed' });
  await expect(killed).toHaveCount(1);
  await expect(killed).toHaveClass(/claims-row--flagged/);
  const outlier = killed.locator('td.claims-cell--outlier');
  await expect(outlier).toHaveCount(1);
  await expect(outlier).toContainText('445,581');
  await expect(outlier).toContainText('Out of line');
  // The row says by how much, and whom each source credits.
  await expect(killed.locator('.claims-row__explain')).toContainText('445,581 is about 11 times the others’ median');
  await expect(outlier).toContainText('Ministry of Health');
  // The others are not flagged, and a source without a figure has an empty cell.
  await expect(killed.locator('td.claims-cell:not(.claims-cell--outlier) .outlier-flag')).toHaveCount(0);
  await expect(page.locator('tr.claims-row', { hasText: 'Hostages' }).locator('td.claims-cell--empty')).toHaveCount(3);

  await outlier.getByRole('button', { name: /^445,581 killed, 001, far out of line/ }).click();
  await expect(page.getByRole('tab', { name: 'Columns' })).toHaveAttribute('aria-selected', 'true');
  const target = page.locator('section.column').nth(1).locator('.para[aria-pressed="true"]');
  await expect(target).toContainText('445,581');
  await expect.poll(() => inColumnView(target)).toBe(true);
});

test('the coverage map shades each cell by how much a source says, counts its differences, and leads back to the text', async ({ app }) => {
  const { page } = app;
  await openSeeds(app);
  await page.getByRole('tab', { name: 'Event' }).click();
  const tollNumber = await page.locator('tr.event-row', { has: page.locator('.para', { hasText: '445,581' }) }).getAttribute('data-group');
  expect(tollNumber).toMatch(/^\d+$/);

  await page.getByRole('tab', { name: 'Coverage' }).click();
  await expect(page.getByRole('term').first()).toContainText('Shade');
  const toll = page.locator(`.coverage-map tr[data-group="${tollNumber}"]`);
  const buttons = toll.getByRole('button');
  await expect(buttons).toHaveCount(5);
  // Every cell says in words what its shade and mark say.
  for (let doc = 0; doc < 5; doc++) {
    await expect(buttons.nth(doc)).toHaveAccessibleName(new RegExp(`^Passage ${tollNumber}, 00${doc}: \\d+ words?, says (a little|some|much|the most), (no differences|\\d+ differences?) beyond wording\\. Go to paragraph \\d+\\.$`));
  }
  // The longest telling is the darkest shade; some source there differs beyond wording.
  const levels = await toll.locator('td[data-level]').evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-level'))));
  expect(Math.max(...levels)).toBe(4);
  const differs = await toll.locator('td[data-differs]').evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-differs'))));
  expect(differs.some((n) => n > 0)).toBe(true);
  // A source that says nothing in a passage has a cell that is not a button.
  const icc = page.locator('.coverage-map tbody tr', { hasText: 'wanted by the International Criminal Court' });
  await expect(icc.getByRole('button')).toHaveCount(2);
  await expect(icc.locator('td.coverage-cell--0')).toHaveCount(3);

  // The arrow keys move through the map; Enter goes to the text.
  await buttons.nth(0).focus();
  await page.keyboard.press('ArrowRight');
  await expect(buttons.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Columns' })).toHaveAttribute('aria-selected', 'true');
  const target = page.locator('section.column').nth(1).locator('.para[aria-pressed="true"]');
  await expect(target).toContainText('445,581');
  await expect.poll(() => inColumnView(target)).toBe(true);
});

test('the differences panel lists every difference, narrows by kind, source and words, and steps through them from the keyboard', async ({ app }) => {
  const { page } = app;
  await openSeeds(app);
  const toggle = page.getByRole('button', { name: /^Differences list/ });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const panel = page.getByRole('complementary', { name: 'Differences' });
  const list = panel.getByRole('listbox');
  const total = Number((await toggle.locator('.kind-toggle__count').innerText()).trim());
  expect(total).toBeGreaterThan(20);
  await expect(position(page)).toHaveText(`${total} shown`);
  await expect(list).toHaveAttribute('aria-label', `Differences, ${total} listed`);
  // The list is virtual: only what is in sight (and a few more) is on the page.
  expect(await list.getByRole('option').count()).toBeLessThan(total);

  // By kind: leaving out wording takes exactly the wording entries away.
  const wording = panel.getByRole('group', { name: 'Kinds listed' }).getByRole('button', { name: /^Wording/ });
  const wordingCount = Number((await wording.locator('.kind-toggle__count').innerText()).trim());
  await wording.click();
  await expect(list).toHaveAttribute('aria-label', `Differences, ${total - wordingCount} listed`);
  await expect(list.locator('[data-kind="wording"]')).toHaveCount(0);
  await wording.click();

  // By source: every entry listed involves 001.
  await panel.getByRole('combobox', { name: 'Source' }).selectOption({ label: '2. 001' });
  const sources = await list.locator('.difference__sources').allInnerTexts();
  expect(sources.length).toBeGreaterThan(0);
  for (const text of sources) expect(text).toContain('001');
  await panel.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'All sources' });

  // By words: the figure of the death toll. Typing j in the field is typing, not a move.
  const search = panel.getByRole('searchbox', { name: 'Search' });
  await search.fill('445,581');
  await expect(list).toHaveAttribute('aria-label', /^Differences, [1-3] listed$/);
  await expect(list.getByRole('option').first()).toContainText('445,581');
  await search.press('j');
  await expect(position(page)).not.toContainText(' of ');
  await search.fill('zzqx nothing like this');
  await expect(panel.getByRole('status')).toContainText('No difference matches');
  await search.fill('');
  await expect(list).toHaveAttribute('aria-label', `Differences, ${total} listed`);

  // F8, j, k and Shift+F8 move through the list from anywhere but a field.
  await page.locator('section.column').first().locator('.para').first().focus();
  await page.keyboard.press('F8');
  await expect(position(page)).toHaveText(`1 of ${total}`);
  await expect(list.getByRole('option', { selected: true })).toHaveAttribute('aria-posinset', '1');
  await page.keyboard.press('j');
  await expect(position(page)).toHaveText(`2 of ${total}`);
  await page.keyboard.press('k');
  await expect(position(page)).toHaveText(`1 of ${total}`);
  await page.keyboard.press('Shift+F8');
  await expect(position(page)).toHaveText(`${total} of ${total}`);
  // The chosen difference is ringed in the text and in view in its column.
  const active = page.locator('section.column mark.diff--active').first();
  await expect(active).toBeVisible();
  await expect.poll(() => inColumnView(active)).toBe(true);
  // In the list, the arrow keys choose too.
  await list.focus();
  await page.keyboard.press('Home');
  await expect(position(page)).toHaveText(`1 of ${total}`);
  await page.keyboard.press('ArrowDown');
  await expect(position(page)).toHaveText(`2 of ${total}`);
});

test('choosing a difference scrolls every column to it, or to its passage where it marks nothing', async ({ app }) => {
  const { page } = app;
  await openSeeds(app);
  await page.getByRole('button', { name: /^Differences list/ }).click();
  const panel = page.getByRole('complementary', { name: 'Differences' });
  await panel.getByRole('searchbox', { name: 'Search' }).fill('Deaths');
  const figure = panel.getByRole('option').filter({ hasText: '445,581' }).first();
  await figure.click();
  await expect(figure).toHaveAttribute('aria-selected', 'true');
  await expect(position(page)).toHaveText(/^\d of \d · \d+ in all$/);
  const columns = page.locator('section.column');
  // The death toll is in all five: each column has its figure ringed, or its paragraph in view.
  for (let doc = 0; doc < 5; doc++) {
    const column = columns.nth(doc);
    const ringed = column.locator('mark.diff--active');
    const target = (await ringed.count()) > 0 ? ringed.first() : column.locator('.para', { hasText: /\d{2},\d{3}/ }).first();
    await expect.poll(() => inColumnView(target), `column ${doc + 1} shows the death toll`).toBe(true);
  }
  await expect(columns.nth(1).locator('mark.diff--active')).toContainText('445,581');

  // In the event view the chosen difference's row is brought into view, ringed.
  await page.getByRole('tab', { name: 'Event' }).click();
  await page.keyboard.press('F8');
  await page.keyboard.press('Shift+F8');
  const ring = page.locator('.event-table mark.diff--active').first();
  await expect(ring).toBeInViewport();
});

/** A made-up word for each number, so that each paragraph has names of its own to be matched by. */
const SYLLABLES = ['ka', 'lo', 'mi', 're', 'tu', 'sa', 'vo', 'ne', 'di', 'pa'];
function madeUpWord(n: number): string {
  let word = '';
  for (let x = n + 100; x > 0; x = Math.floor(x / 10)) word += SYLLABLES[x % 10];
  return word;
}

/**
 * One of three long reports of the same invented events, paragraph by paragraph: the second says
 * "claimed" where the others say "said" and leaves some paragraphs out; the third hedges, gives
 * some figures ten times larger, and has paragraphs of its own.
 */
function longReport(variant: 0 | 1 | 2, paragraphs: number): string {
  const lines = [`Long report ${'ABC'[variant]}`];
  for (let i = 0; i < paragraphs; i++) {
    if (variant === 1 && i % 7 === 3) continue;
    const [a, b, c, d] = [0, 1, 2, 3].map((k) => madeUpWord(i * 4 + k));
    const verb = variant === 1 ? 'claimed' : 'said';
    const figure = variant === 2 && i % 5 === 0 ? (i + 1) * 130 : (i + 1) * 13;
    lines.push(`The ${a} council ${verb} on Monday that ${figure} people from ${b} had reached ${c}, and officials in ${d} ${variant === 2 ? 'reportedly ' : ''}agreed to meet again.`);
    if (variant === 2 && i % 9 === 0) lines.push(`Only this report notes that the ${madeUpWord(90_000 + i)} road to ${madeUpWord(95_000 + i)} stayed closed all week.`);
  }
  return `${lines.join('\n\n')}\n`;
}

test.describe('long comparisons', () => {
  let folder = '';
  let files: string[] = [];
  test.beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'parallax-views-'));
    files = ([0, 1, 2] as const).map((variant) => join(folder, `long-${variant}.txt`));
    for (const variant of [0, 1, 2] as const) await writeFile(files[variant]!, longReport(variant, 500));
  });
  test.afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  test('the views put a few rows on the page at a time, and the search answers at once', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    await expect(page.locator('section.column').first()).toBeVisible();
    app.queuePick(files);
    await app.openFilesButton().click();
    await expect(page.locator('section.column')).toHaveCount(3, { timeout: 60_000 });

    await page.getByRole('tab', { name: 'Event' }).click();
    const rows = page.locator('tr.event-row');
    await expect(rows.first()).toBeVisible();
    const more = page.locator('.event-view__more');
    await expect(more).toContainText(/Showing 40 of \d+ rows/);
    expect(await rows.count()).toBe(40);
    // Scrolling down brings more.
    await more.scrollIntoViewIfNeeded();
    await expect.poll(() => rows.count()).toBeGreaterThan(40);

    await page.getByRole('button', { name: /^Differences list/ }).click();
    const panel = page.getByRole('complementary', { name: 'Differences' });
    const list = panel.getByRole('listbox');
    const total = Number((await page.getByRole('button', { name: /^Differences list/ }).locator('.kind-toggle__count').innerText()).trim());
    expect(total).toBeGreaterThan(200);
    expect(await list.getByRole('option').count()).toBeLessThan(40);
    await panel.getByRole('searchbox', { name: 'Search' }).fill('claimed');
    await expect(list).toHaveAttribute('aria-label', /^Differences, \d+ listed$/);
    await expect(list).not.toHaveAttribute('aria-label', `Differences, ${total} listed`);
    await expect(list.getByRole('option').first()).toContainText('claimed');
    // Stepping to the last one in the list keeps the window answering.
    await page.locator('.event-table .para').first().focus();
    await page.keyboard.press('Shift+F8');
    await expect(position(page)).toHaveText(/^(\d+) of \1/);
  });
});

test.describe('many sources', () => {
  let folder = '';
  let files: string[] = [];
  // Twelve invented reports of one fire, each giving the damage in a figure: a researcher's
  // comparison of many sources at once.
  test.beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'parallax-many-'));
    const outlets = ['Ashby Herald', 'Brook Times', 'Carrow Post', 'Dunmore Echo', 'Elm Gazette', 'Fenwick Star', 'Garth Review', 'Holm Ledger', 'Ives Courier', 'Jarrow Mail', 'Kell Tribune', 'Lune Record'];
    files = outlets.map((outlet) => join(folder, `${outlet.toLowerCase().replace(/ /g, '-')}.txt`));
    for (const [i, file] of files.entries()) {
      const damage = i === 5 ? '$1,250,000' : '$1,000,000';
      await writeFile(
        file,
        `Fire damages Wexcombe chapel\n\nA fire on Friday night caused an estimated ${damage} in damage to the chapel on Rook Street in Wexcombe, fire officers said.\n\nNo one was hurt, and the cause is being investigated.\n`,
      );
    }
  });
  test.afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  test('the claims table and the coverage map give each of twelve sources room: they scroll sideways, never print over one another', async ({ app }) => {
    test.setTimeout(60_000);
    const { page } = app;
    await expect(page.locator('section.column').first()).toBeVisible();
    app.queuePick(files);
    await app.openFilesButton().click();
    await expect(page.locator('section.column')).toHaveCount(12, { timeout: 30_000 });
    await page.getByRole('tab', { name: 'Claims' }).click();
    const row = page.locator('tr.claims-row', { hasText: 'Dollar' });
    await expect(row).toHaveCount(1);
    const values = row.locator('.claims-cell__value');
    await expect(values).toHaveCount(12);
    // Each figure stays inside its own cell, so no two overlap.
    const boxes = await row.locator('td.claims-cell').evaluateAll((cells) =>
      cells.map((cell) => {
        const value = cell.querySelector('.claims-cell__value');
        const inner = value?.getBoundingClientRect();
        const outer = cell.getBoundingClientRect();
        return { left: outer.left, right: outer.right, valueLeft: inner?.left ?? 0, valueRight: inner?.right ?? 0 };
      }),
    );
    for (const box of boxes) {
      expect(box.valueLeft).toBeGreaterThanOrEqual(box.left - 0.5);
      expect(box.valueRight).toBeLessThanOrEqual(box.right + 0.5);
    }
    // The table is wider than the view, and its frame scrolls sideways to reach the last source.
    const scroll = page.locator('.claims-view__scroll');
    expect(await scroll.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);

    // The coverage map likewise: each source's cell is wide enough for its words and its mark.
    await page.getByRole('tab', { name: 'Coverage' }).click();
    const cells = page.locator('.coverage-cell__button');
    await expect(cells.first()).toBeVisible();
    const widths = await cells.evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().width));
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(100);
    expect(await page.locator('.coverage-view__scroll').evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);

    // At a glance, the tables with a row per source keep every row inside their card.
    await page.getByRole('tab', { name: 'At a glance' }).click();
    for (const card of ['.glance__headlines', '.glance__voices']) {
      const section = page.locator(card);
      await expect(section.locator('tbody tr')).toHaveCount(12);
      const [cardBottom, lastRowBottom] = await section.evaluate((element) => [element.getBoundingClientRect().bottom, element.querySelector('tbody tr:last-child')!.getBoundingClientRect().bottom]);
      expect(lastRowBottom, card).toBeLessThanOrEqual(cardBottom! + 0.5);
    }
  });
});
