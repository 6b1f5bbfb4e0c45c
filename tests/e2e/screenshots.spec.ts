import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, seedPaths, test, type ParallaxApp } from './harness.js';

/**
 * The screenshots of docs/screenshots, taken by `npm run screenshots -- --out DIR [FILE...]`
 * (scripts/screenshots.js), which sets the variables below. Skipped in ordinary test runs.
 */
const OUT = process.env.PARALLAX_SCREENSHOTS_OUT;
const FILES: string[] = JSON.parse(process.env.PARALLAX_SCREENSHOTS_FILES ?? '[]');

test.describe('screenshots', () => {
  test.skip(!OUT, 'Taken only by `npm run screenshots` (PARALLAX_SCREENSHOTS_OUT is not set).');
  test.use({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });

  const shoot = async (app: ParallaxApp, name: string) => {
    mkdirSync(OUT!, { recursive: true });
    // Let smooth scrolling and transitions settle.
    await app.page.waitForTimeout(700);
    await app.page.screenshot({ path: join(OUT!, name) });
  };

  const otherFiles = FILES.length > 0 ? FILES : seedPaths();
  const otherName = FILES.length > 0 ? 'comparison-files.png' : 'comparison-seeds.png';

  test('comparison, note panel and recent list', async ({ app }) => {
    const { page } = app;
    await expect(page.locator('section.column').first()).toBeVisible();
    await shoot(app, 'comparison-sample.png');

    // A paragraph with a note, selected: its passage lined up across the sources.
    const column = page.locator('section.column').nth(1);
    const paragraph = column.locator('.para--body[data-group]').nth(1);
    await paragraph.click();
    const field = page.getByRole('textbox', { name: 'Add a note' });
    await field.fill('The Lantern quotes Maraghan directly; the Courier paraphrases him and drops the wait for the boats. What does each version leave out?');
    await field.press('Control+Enter');
    await expect(page.locator('.note')).toHaveCount(1);
    await field.fill('Ask the class: which wording makes the delay feel longer?');
    await shoot(app, 'note-panel.png');
    await page.keyboard.press('Escape');

    app.queuePick(otherFiles);
    await app.openFilesButton().click();
    await expect(page.locator('section.column')).toHaveCount(otherFiles.length);
    const grouped = page.locator('section.column').first().locator('.para--body[data-group]').nth(1);
    if ((await grouped.count()) > 0) {
      await grouped.click();
      await page.getByRole('button', { name: 'Close notes' }).focus();
    }
    await shoot(app, otherName);

    // Junk dimmed: the page furniture Parallax found, and a paragraph the reader marked themselves.
    if (FILES.length === 0) {
      if (await page.getByRole('button', { name: 'Close notes' }).isVisible()) await page.getByRole('button', { name: 'Close notes' }).click();
      // Every column from its top, where the page furniture of the seeds sits, as Parallax found it.
      await page.locator('.column__scroll').evaluateAll((scrollers) => scrollers.forEach((scroller) => scroller.scrollTo({ top: 0 })));
      // Page furniture is folded per run; open the first run of each column to show it dimmed.
      for (const column of await page.locator('section.column').all()) {
        const fold = column.locator('.furniture-toggle[aria-expanded="false"]').first();
        if ((await fold.count()) > 0) await fold.click();
      }
      await page.mouse.move(0, 0);
      await shoot(app, 'comparison-seeds-junk.png');
      // Then a paragraph the reader marked as junk themselves, with its undo.
      const first = page.locator('section.column').first();
      const body = first.locator('.para--body').nth(1);
      await body.click();
      await page.getByRole('button', { name: 'Mark as not article text' }).click();
      await expect(first.locator('.para[data-marked]')).toHaveCount(1);
      await page.getByRole('button', { name: 'Close notes' }).click();
      await page.locator('.column__scroll').evaluateAll((scrollers) => scrollers.forEach((scroller) => scroller.scrollTo({ top: 0 })));
      await page.mouse.move(0, 0);
      await shoot(app, 'paragraph-marked-by-you.png');
    }

    // What is known about a source, with the encoding it was read with.
    await page.locator('section.column').nth(1).getByRole('button', { name: /^Source details/ }).click();
    await expect(page.getByRole('dialog', { name: 'Source details' })).toBeVisible();
    await shoot(app, 'source-details.png');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Recent', exact: true }).click();
    await expect(page.locator('.recent-item')).toHaveCount(2);
    await shoot(app, 'recent.png');

    // The word sets, with one of the reader's own added.
    await page.getByRole('button', { name: 'Word sets', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Reporting verbs', level: 3 })).toBeVisible();
    await page.getByRole('button', { name: 'Add a set…' }).click();
    const form = page.getByRole('form', { name: 'New word set' });
    await form.getByLabel('Name').fill('Sharp criticism');
    await form.getByLabel('Domain').fill('politics');
    await form.getByLabel('Description').fill('How loudly a source says one side disagreed.');
    await form.getByLabel('Terms').fill('slammed: loud\nblasted: loud\ncriticised: measured\nquestioned: measured');
    await form.getByRole('button', { name: 'Add set' }).click();
    await expect(page.getByRole('heading', { name: 'Sharp criticism', level: 3 })).toBeVisible();
    await page.mouse.move(0, 0);
    await shoot(app, 'word-sets.png');
  });

  test('the columns: a passage under the pointer with its connectors, at 1440x900 and on a 1280x720 projector', async ({ app }) => {
    const { page } = app;
    await expect(page.locator('section.column').first()).toBeVisible();
    app.queuePick(otherFiles);
    await app.openFilesButton().click();
    await expect(page.locator('section.column')).toHaveCount(otherFiles.length);
    for (const [name, size] of [
      ['comparison-seeds-hover.png', { width: 1440, height: 900 }],
      ['comparison-seeds-1280.png', { width: 1280, height: 720 }],
    ] as const) {
      await page.setViewportSize(size);
      // Select a passage most sources share (so they line up), then rest the pointer on it.
      const member = page.locator('section.column').first().locator('.para--body[data-group]').nth(1);
      await member.click();
      await page.getByRole('button', { name: 'Close notes' }).click();
      await member.click();
      await page.getByRole('button', { name: 'Close notes' }).click().catch(() => undefined);
      await member.hover();
      await shoot(app, name);
      await page.keyboard.press('Escape');
    }
  });

  test('event view, differences panel, claims table and coverage map', async ({ app }) => {
    const { page } = app;
    await expect(page.locator('section.column').first()).toBeVisible();
    app.queuePick(otherFiles);
    await app.openFilesButton().click();
    await expect(page.locator('section.column')).toHaveCount(otherFiles.length);

    // The differences panel beside the columns, with a figure chosen: ringed in every column.
    await page.getByRole('button', { name: /^Differences list/ }).click();
    const panel = page.getByRole('complementary', { name: 'Differences' });
    await panel.getByRole('searchbox').fill('deaths');
    await expect(panel.locator('.differences__position')).toContainText('in all');
    const figure = panel.locator('.difference', { hasText: /\d{3},\d{3}/ });
    await ((await figure.count()) > 0 ? figure.first() : panel.locator('.difference').first()).click();
    await expect(page.locator('mark.diff--active').first()).toBeVisible();
    await page.mouse.move(0, 0);
    await shoot(app, 'differences-panel.png');
    await panel.getByRole('searchbox').fill('');
    await panel.getByRole('button', { name: 'Close the differences panel' }).click();

    await page.getByRole('tab', { name: 'Event' }).click();
    await expect(page.locator('.event-row').first()).toBeVisible();
    await page.mouse.move(0, 0);
    await shoot(app, 'event-view.png');

    await page.getByRole('tab', { name: 'Claims' }).click();
    await expect(page.locator('.claims-table, .claims-view__empty').first()).toBeVisible();
    await page.mouse.move(0, 0);
    await shoot(app, 'claims-table.png');

    await page.getByRole('tab', { name: 'Coverage' }).click();
    await expect(page.locator('.coverage-map')).toBeVisible();
    await page.locator('.coverage-cell__button').first().focus();
    await shoot(app, 'coverage-map.png');
  });

  test('the notes panel on the seeds, with notes of every kind', async ({ app }) => {
    const { page } = app;
    app.queuePick(otherFiles);
    await app.openFilesButton().click();
    await expect(page.locator('section.column')).toHaveCount(otherFiles.length);
    const panel = page.getByRole('complementary', { name: 'Notes' });
    const write = async (body: string, tag?: string) => {
      if (tag) {
        await panel.getByRole('combobox', { name: 'Tags' }).fill(tag);
        await panel.getByRole('combobox', { name: 'Tags' }).press('Enter');
      }
      await panel.getByRole('textbox', { name: 'Add a note' }).fill(body);
      await panel.getByRole('button', { name: 'Save note' }).click();
      await expect(panel.getByRole('textbox', { name: 'Add a note' })).toHaveValue('');
    };
    // A grouped paragraph whose passage has classified differences.
    const candidates = page.locator('section.column').first().locator('.para--body[data-group]');
    for (let i = 0; i < (await candidates.count()); i++) {
      await candidates.nth(i).click();
      if ((await panel.getByRole('region', { name: 'How the sources differ here' }).count()) > 0) break;
    }
    const paragraph = page.locator('.para[aria-pressed="true"]');
    await paragraph.locator('.para__text').evaluate((element) => {
      const doc = element.ownerDocument;
      const walker = doc.createTreeWalker(element, 4);
      const node = walker.nextNode();
      if (!node) return;
      const range = doc.createRange();
      range.setStart(node, 0);
      range.setEnd(node, Math.min(node.textContent?.length ?? 0, 40));
      doc.getSelection()?.removeAllRanges();
      doc.getSelection()?.addRange(range);
    });
    await page.getByRole('button', { name: 'Add note on the selected words' }).click();
    await write('The lede names the court **directly**; compare the rewrite.', 'Attribution shift');
    await write('Whole paragraph: who is quoted, and who is only paraphrased?\n- the prime minister\n- the group', 'Sourcing imbalance');
    await panel.getByRole('button', { name: /^Note on this group/ }).click();
    await write('B softens A’s ICC wording here.', 'Loaded language');
    await panel.getByRole('region', { name: 'How the sources differ here' }).getByRole('button', { name: /^Add note on this difference/ }).first().click();
    await write('A *loaded* choice: ask the class what each word implies.');
    await panel.getByRole('button', { name: /^All notes/ }).click();
    await page.mouse.move(0, 0);
    await shoot(app, 'notes-panel.png');
    // A tall window, so that the list shows the four notes, one of each kind, at once.
    await page.setViewportSize({ width: 1440, height: 1700 });
    await expect(panel.locator('.note-card, li').filter({ hasText: 'B softens' }).first()).toBeVisible();
    await shoot(app, 'notes-panel-every-kind.png');
  });
});

test.describe('screenshots of the classroom modes', () => {
  test.skip(!OUT, 'Taken only by `npm run screenshots` (PARALLAX_SCREENSHOTS_OUT is not set).');
  test.use({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });

  const shoot = async (app: ParallaxApp, name: string) => {
    mkdirSync(OUT!, { recursive: true });
    await app.page.mouse.move(0, 0);
    await app.page.waitForTimeout(700);
    await app.page.screenshot({ path: join(OUT!, name) });
  };

  test('blind mode, the dark and high-contrast themes', async ({ app }) => {
    const { page } = app;
    await expect(page.locator('section.column').first()).toBeVisible();
    await page.locator('section.column').nth(1).locator('.para--body[data-group]').nth(1).click();
    await page.getByRole('banner').getByRole('button', { name: 'Blind mode', exact: true }).click();
    await shoot(app, 'blind-mode.png');
    await page.getByRole('button', { name: 'Turn off blind mode' }).click();

    const picker = page.getByRole('combobox', { name: 'Theme' });
    await picker.selectOption('dark');
    await shoot(app, 'dark-theme.png');
    await picker.selectOption('contrast');
    await shoot(app, 'high-contrast.png');
    await picker.selectOption('system');

    // Presentation mode, as the class sees it: one passage, the sources side by side.
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await shoot(app, 'presentation-mode.png');
  });
});

test.describe('screenshots of the story at a glance', () => {
  test.skip(!OUT, 'Taken only by `npm run screenshots` (PARALLAX_SCREENSHOTS_OUT is not set).');
  // The first view of a comparison, as a person sees it.
  test.use({ openAtGlance: true, deviceScaleFactor: 1 });

  const shoot = async (app: ParallaxApp, name: string) => {
    mkdirSync(OUT!, { recursive: true });
    await app.page.mouse.move(0, 0);
    await app.page.waitForTimeout(500);
    await app.page.screenshot({ path: join(OUT!, name) });
  };

  test('the sample at 1280x720 and 1920x1080, and the seeds (or the FILEs) at 1280x720', async ({ app }) => {
    const { page } = app;
    for (const [name, size] of [
      ['glance-1280.png', { width: 1280, height: 720 }],
      ['glance-1920.png', { width: 1920, height: 1080 }],
    ] as const) {
      await page.setViewportSize(size);
      await expect(page.locator('.glance')).toBeVisible();
      await shoot(app, name);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    app.queuePick(otherFilesForGlance());
    await app.openFilesButton().click();
    await expect(page.locator(`.glance[data-sources="${otherFilesForGlance().length}"]`)).toBeVisible();
    await shoot(app, FILES.length > 0 ? 'glance-files-1280.png' : 'glance-seeds-1280.png');
  });
});

function otherFilesForGlance(): string[] {
  return FILES.length > 0 ? FILES : seedPaths();
}
