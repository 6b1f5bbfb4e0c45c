import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, REPO_ROOT, SAMPLES_DIR, SEEDS_DIR, seedPaths, test, type ParallaxApp } from './harness.js';

/**
 * The screenshots, taken by `npm run screenshots -- --out DIR [--local DIR] [FILE...]`
 * (scripts/screenshots.js), which sets the variables below. Skipped in ordinary test runs.
 *
 * The repository holds no text written by others, so the shots for docs/screenshots (OUT) show only
 * the bundled sample (resources/samples) and articles written here for the purpose. Shots of anyone
 * else's articles (the seeds, or the FILEs given) go to LOCAL, a folder git ignores, to be looked at
 * and never committed.
 */
const OUT = process.env.PARALLAX_SCREENSHOTS_OUT;
const LOCAL = process.env.PARALLAX_SCREENSHOTS_LOCAL ?? join(REPO_ROOT, '.screenshots');
const FILES: string[] = JSON.parse(process.env.PARALLAX_SCREENSHOTS_FILES ?? '[]');

/** The bundled sample, in the order the app opens it. */
const samplePaths = (): string[] =>
  readdirSync(SAMPLES_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(SAMPLES_DIR, name));

/** Other people's articles, shot for LOCAL only: the FILEs given, or else the seeds (when they are beside the checkout). */
const others = (): { name: 'files' | 'seeds'; paths: string[] } | null =>
  FILES.length > 0 ? { name: 'files', paths: FILES } : existsSync(SEEDS_DIR) ? { name: 'seeds', paths: seedPaths() } : null;

/**
 * A fifth invented report of the sample's invented event, written here, as a scraped news page
 * would come: wrapped in page furniture (byline, date, share line, advertisements, related stories,
 * a cookie line, a footer), with a line about the site's live coverage, which is no part of the
 * report either and which the reader sets aside themselves. Every name in it is made up.
 */
const GAZETTE = `Fourteen dead after Corrow Reach Dam fails above Harlowmere

By Anselm Kittridge

Tuesday 17 March 2026 | 11:05

Share this article

Follow our live coverage of the flood through the day on the Gazette's website and in our app.

Fourteen people lost their lives and nine are still missing after part of the Corrow Reach Dam failed late on Sunday, flooding the riverside streets of Harlowmere, officials said on Tuesday.

Advertisement

About 2.4 million cubic metres of water rushed through a gap some 60 metres wide in the eastern embankment of the dam, which was built in 1961.

Close to 3,200 residents spent the night away from home, most of them in church halls and in the county college sports hall.

Mayor Orla Fennimore-Quist alleged that nobody had warned the town that the reservoir was nearly full.

Brannock Hydro, the utility that owns the dam, said it was "deeply saddened" by the tragedy and insisted that the embankment had passed a routine check in January.

Related stories

Flood warnings stay in place along the Veskin

Advertisement

Pell Maraghan, a baker on Quay Street, said the water reached his back door before any siren sounded.

On Monday evening several hundred demonstrators gathered outside the company's office on Tanner's Row.

The search of the riverside district will resume on Wednesday.

This story will be updated as more information becomes available.

Most read

Advertisement

Manage cookie settings

© 2026 The Fennick Gazette. All rights reserved.
`;

/** The invented Gazette, written for the test that asks for it. */
const gazettePath = (): string => {
  const gazette = test.info().outputPath('fennick-gazette.txt');
  writeFileSync(gazette, GAZETTE);
  return gazette;
};

const settle = async (app: ParallaxApp, ms = 700) => {
  // Let smooth scrolling and transitions settle.
  await app.page.waitForTimeout(ms);
};

const shootTo = async (app: ParallaxApp, dir: string, name: string, ms?: number) => {
  mkdirSync(dir, { recursive: true });
  await settle(app, ms);
  await app.page.screenshot({ path: join(dir, name) });
};

const openFiles = async (app: ParallaxApp, paths: readonly string[]) => {
  await expect(app.page.locator('section.column, .glance').first()).toBeVisible();
  app.queuePick(paths);
  await app.openFilesButton().click();
  await expect(app.page.locator('section.column')).toHaveCount(paths.length);
};

/** Every column from its top (with the first run of page furniture in each opened, dimmed, unless `open` is false). */
const fromTheTop = async (app: ParallaxApp, { open = true } = {}) => {
  const { page } = app;
  const close = page.getByRole('button', { name: 'Close notes' });
  if (await close.isVisible()) await close.click();
  await page.locator('.column__scroll').evaluateAll((scrollers) => scrollers.forEach((scroller) => scroller.scrollTo({ top: 0 })));
  if (!open) {
    await page.mouse.move(0, 0);
    return;
  }
  for (const column of await page.locator('section.column').all()) {
    const fold = column.locator('.furniture-toggle[aria-expanded="false"]').first();
    if ((await fold.count()) > 0) await fold.click();
  }
  // Opening a fold in a column beyond the window scrolls the columns sideways: back to the first.
  await page.locator('body *').evaluateAll((elements) => elements.forEach((element) => element.scrollLeft > 0 && (element.scrollLeft = 0)));
  await page.mouse.move(0, 0);
};

/** Select a passage most sources share (so they line up), then rest the pointer on it, at each size. */
const pointAtPassage = async (app: ParallaxApp, dir: string, shots: readonly (readonly [string, { width: number; height: number }])[]) => {
  const { page } = app;
  for (const [name, size] of shots) {
    await page.setViewportSize(size);
    const member = page.locator('section.column').first().locator('.para--body[data-group]').nth(1);
    await member.click();
    await page.getByRole('button', { name: 'Close notes' }).click();
    await member.click();
    await page.getByRole('button', { name: 'Close notes' }).click().catch(() => undefined);
    await member.hover();
    await shootTo(app, dir, name);
    await page.keyboard.press('Escape');
  }
};

/** The differences panel with a figure chosen, then the event view, the claims table and the coverage map. */
const otherViews = async (app: ParallaxApp, dir: string, prefix: string, search: { query: string; figure: RegExp }) => {
  const { page } = app;
  // The differences panel beside the columns, with a figure chosen: ringed in every column.
  await page.getByRole('button', { name: /^Differences list/ }).click();
  const panel = page.getByRole('complementary', { name: 'Differences' });
  await panel.getByRole('searchbox').fill(search.query);
  await expect(panel.locator('.differences__position')).toContainText('in all');
  if ((await panel.locator('.difference').count()) === 0) await panel.getByRole('searchbox').fill('');
  const figure = panel.locator('.difference', { hasText: search.figure });
  await ((await figure.count()) > 0 ? figure.first() : panel.locator('.difference').first()).click();
  await expect(page.locator('mark.diff--active').first()).toBeVisible();
  await page.mouse.move(0, 0);
  await shootTo(app, dir, `${prefix}differences-panel.png`);
  await panel.getByRole('searchbox').fill('');
  await panel.getByRole('button', { name: 'Close the differences panel' }).click();

  await page.getByRole('tab', { name: 'Event' }).click();
  await expect(page.locator('.event-row').first()).toBeVisible();
  await page.mouse.move(0, 0);
  await shootTo(app, dir, `${prefix}event-view.png`);
  // A passage a source does not report but mentions elsewhere (its related links), when there is one.
  const elsewhere = page.locator('.event-cell--elsewhere').first();
  if ((await elsewhere.count()) > 0) {
    await elsewhere.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await shootTo(app, dir, `${prefix}event-view-elsewhere.png`);
  }

  await page.getByRole('tab', { name: 'Claims' }).click();
  await expect(page.locator('.claims-table, .claims-view__empty').first()).toBeVisible();
  await page.mouse.move(0, 0);
  await shootTo(app, dir, `${prefix}claims-table.png`);

  await page.getByRole('tab', { name: 'Coverage' }).click();
  await expect(page.locator('.coverage-map')).toBeVisible();
  await page.locator('.coverage-cell__button').first().focus();
  await shootTo(app, dir, `${prefix}coverage-map.png`);
};

test.describe('screenshots', () => {
  test.skip(!OUT, 'Taken only by `npm run screenshots` (PARALLAX_SCREENSHOTS_OUT is not set).');
  test.use({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });

  test('the sample: comparison, note panel, page furniture, a paragraph marked, source details, recent list and word sets', async ({ app }) => {
    const { page } = app;
    await expect(page.locator('section.column').first()).toBeVisible();
    await shootTo(app, OUT!, 'comparison-sample.png');

    // A paragraph with a note, selected: its passage lined up across the sources.
    const column = page.locator('section.column').nth(1);
    const paragraph = column.locator('.para--body[data-group]').nth(1);
    await paragraph.click();
    const field = page.getByRole('textbox', { name: 'Add a note' });
    await field.fill('The Lantern quotes Maraghan directly; the Courier paraphrases him and drops the wait for the boats. What does each version leave out?');
    await field.press('Control+Enter');
    await expect(page.locator('.note')).toHaveCount(1);
    await field.fill('Ask the class: which wording makes the delay feel longer?');
    await shootTo(app, OUT!, 'note-panel.png');
    await page.keyboard.press('Escape');

    // What is known about a source, with the encoding it was read with.
    await page.getByRole('button', { name: 'Close notes' }).click().catch(() => undefined);
    await page.locator('section.column').nth(1).getByRole('button', { name: /^Source details/ }).click();
    await expect(page.getByRole('dialog', { name: 'Source details' })).toBeVisible();
    await shootTo(app, OUT!, 'source-details.png');
    await page.keyboard.press('Escape');

    // Page furniture dimmed, in the three invented reports that carry it (the Wire and the Dispatch
    // of the sample, and the Gazette): what Parallax set aside, every column from its top.
    const wrapped = ['amberline-wire.txt', 'quillon-dispatch.txt'].map((name) => join(SAMPLES_DIR, name));
    await openFiles(app, [...wrapped, gazettePath()]);
    await fromTheTop(app);
    await shootTo(app, OUT!, 'page-furniture.png');
    // Then a line the reader marked as not article text themselves, with its undo.
    const gazette = page.locator('section.column').filter({ hasText: 'Fennick Gazette' });
    await gazette.locator('.para--body', { hasText: 'Follow our live coverage' }).click();
    await page.getByRole('button', { name: 'Mark as not article text' }).click();
    await expect(gazette.locator('.para[data-marked]')).toHaveCount(1);
    await fromTheTop(app, { open: false });
    await shootTo(app, OUT!, 'paragraph-marked-by-you.png');

    await page.getByRole('button', { name: 'Recent', exact: true }).click();
    await expect(page.locator('.recent-item')).toHaveCount(2);
    await page.mouse.move(0, 0);
    await shootTo(app, OUT!, 'recent.png');

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
    await shootTo(app, OUT!, 'word-sets.png');
  });

  test('five sources (the sample and the Gazette): a passage under the pointer, at 1440x900 and on a 1280x720 projector', async ({ app }) => {
    await openFiles(app, [...samplePaths(), gazettePath()]);
    await pointAtPassage(app, OUT!, [
      ['five-sources-hover.png', { width: 1440, height: 900 }],
      ['five-sources-1280.png', { width: 1280, height: 720 }],
    ]);
  });

  test('the sample: differences panel, event view, claims table and coverage map', async ({ app }) => {
    await expect(app.page.locator('section.column').first()).toBeVisible();
    await otherViews(app, OUT!, '', { query: 'deaths', figure: /\b140\b/ });
  });

  test('the notes panel on the sample, with notes of every kind', async ({ app }) => {
    const { page } = app;
    await expect(page.locator('section.column').first()).toBeVisible();
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
    // The Wire's lede, whose passage has classified differences: "killed" and its 140.
    await page.locator('section.column').first().locator('.para--body[data-group]', { hasText: 'At least 140 people were killed' }).click();
    await expect(panel.getByRole('region', { name: 'How the sources differ here' })).toBeVisible();
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
    await write('The Wire’s toll is **ten times** the others’: 140 against 14 (the Lantern’s 11 is a day older).', 'Figure discrepancy');
    await write('Whole paragraph: who gives the toll, and who prints it with no source?\n- the Courier: county officials\n- the Wire: nobody', 'Sourcing imbalance');
    await panel.getByRole('button', { name: /^Note on this group/ }).click();
    await write('“Killed” in the Wire and the Dispatch, “died” in the Courier and the Lantern.', 'Loaded language');
    await panel.getByRole('region', { name: 'How the sources differ here' }).getByRole('button', { name: /^Add note on this difference/ }).first().click();
    await write('A *loaded* choice: ask the class what each word implies.');
    await panel.getByRole('button', { name: /^All notes/ }).click();
    await page.mouse.move(0, 0);
    await shootTo(app, OUT!, 'notes-panel.png');
    // A tall window, so that the list shows the four notes, one of each kind, at once.
    await page.setViewportSize({ width: 1440, height: 1700 });
    await expect(panel.locator('.note-card, li').filter({ hasText: 'Killed' }).first()).toBeVisible();
    await shootTo(app, OUT!, 'notes-panel-every-kind.png');
  });
});

test.describe('screenshots of other people’s articles, for LOCAL only', () => {
  test.skip(!OUT, 'Taken only by `npm run screenshots` (PARALLAX_SCREENSHOTS_OUT is not set).');
  test.skip(!others(), 'No FILEs were given and the seeds are not beside the checkout.');
  test.use({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });

  test('the comparison, its page furniture, a passage under the pointer and the other views', async ({ app }) => {
    const { name, paths } = others()!;
    const { page } = app;
    await openFiles(app, paths);
    const grouped = page.locator('section.column').first().locator('.para--body[data-group]').nth(1);
    if ((await grouped.count()) > 0) {
      await grouped.click();
      await page.getByRole('button', { name: 'Close notes' }).focus();
    }
    await shootTo(app, LOCAL, `comparison-${name}.png`);
    await fromTheTop(app);
    await shootTo(app, LOCAL, `comparison-${name}-junk.png`);
    if ((await grouped.count()) > 0) {
      await pointAtPassage(app, LOCAL, [
        [`comparison-${name}-hover.png`, { width: 1440, height: 900 }],
        [`comparison-${name}-1280.png`, { width: 1280, height: 720 }],
      ]);
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    await otherViews(app, LOCAL, `${name}-`, { query: 'deaths', figure: /\d{3},\d{3}/ });
  });
});

test.describe('screenshots of the classroom modes', () => {
  test.skip(!OUT, 'Taken only by `npm run screenshots` (PARALLAX_SCREENSHOTS_OUT is not set).');
  test.use({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });

  const shoot = async (app: ParallaxApp, name: string) => {
    await app.page.mouse.move(0, 0);
    await shootTo(app, OUT!, name);
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

  const shoot = async (app: ParallaxApp, dir: string, name: string) => {
    await app.page.mouse.move(0, 0);
    await shootTo(app, dir, name, 500);
  };

  test('the sample at 1280x720 and 1920x1080, and the seeds (or the FILEs) at 1280x720 for LOCAL', async ({ app }) => {
    const { page } = app;
    for (const [name, size] of [
      ['glance-1280.png', { width: 1280, height: 720 }],
      ['glance-1920.png', { width: 1920, height: 1080 }],
    ] as const) {
      await page.setViewportSize(size);
      await expect(page.locator('.glance')).toBeVisible();
      await shoot(app, OUT!, name);
    }
    const other = others();
    if (!other) return;
    await page.setViewportSize({ width: 1280, height: 720 });
    app.queuePick(other.paths);
    await app.openFilesButton().click();
    await expect(page.locator(`.glance[data-sources="${other.paths.length}"]`)).toBeVisible();
    await shoot(app, LOCAL, `glance-${other.name}-1280.png`);
  });
});

test.describe('screenshots of the reading screen on a projector', () => {
  test.skip(!OUT, 'Taken only by `npm run screenshots` (PARALLAX_SCREENSHOTS_OUT is not set).');
  test.use({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });

  /** Three invented reports of a library fire, one paragraph of which is taller than a projector. */
  const LONG_PASSAGE = ['fenwick-gazette.txt', 'orrin-vale-courier.txt', 'tarn-evening-post.txt'].map((name) =>
    join(REPO_ROOT, 'tests', 'e2e', 'fixtures', 'long-passage', name),
  );

  /** The differences list open, a figure chosen in it (ringed in every column), the columns from their tops. */
  const listWithFigure = async (app: ParallaxApp, query: string, figure: RegExp) => {
    const { page } = app;
    await page.getByRole('button', { name: /^Differences list/ }).click();
    const panel = page.getByRole('complementary', { name: 'Differences' });
    await panel.getByRole('searchbox').fill(query);
    await panel.locator('.difference', { hasText: figure }).first().click();
    await expect(page.locator('mark.diff--active').first()).toBeVisible();
    await page.mouse.move(0, 0);
  };

  test('the sample on a 1280x720 projector, with Key & tools folded; three and five sources beside the differences list', async ({ app }) => {
    const { page } = app;
    await expect(page.locator('section.column')).toHaveCount(4);
    await expect(page.getByRole('button', { name: 'Key & tools' })).toHaveAttribute('aria-expanded', 'false');
    await page.mouse.move(0, 0);
    await shootTo(app, OUT!, 'columns-1280.png');

    await openFiles(app, LONG_PASSAGE);
    await listWithFigure(app, 'books', /60,000/);
    await shootTo(app, OUT!, 'columns-list-1280.png');

    await page.setViewportSize({ width: 1920, height: 1080 });
    await openFiles(app, [...samplePaths(), gazettePath()]);
    if (!(await page.getByRole('complementary', { name: 'Differences' }).isVisible())) await page.getByRole('button', { name: /^Differences list/ }).click();
    const panel = page.getByRole('complementary', { name: 'Differences' });
    await panel.getByRole('searchbox').fill('deaths');
    await panel.locator('.difference', { hasText: /\b140\b/ }).first().click();
    await expect(page.locator('mark.diff--active').first()).toBeVisible();
    await page.mouse.move(0, 0);
    await shootTo(app, OUT!, 'columns-list-1920.png');
  });

  test('presentation mode: a passage taller than the screen, in parts, at 1280x720 and 1920x1080', async ({ app }) => {
    const { page } = app;
    await openFiles(app, LONG_PASSAGE);
    for (const [name, size] of [
      ['presentation-long-1280.png', { width: 1280, height: 720 }],
      ['presentation-long-1920.png', { width: 1920, height: 1080 }],
    ] as const) {
      await page.setViewportSize(size);
      await page.getByRole('button', { name: 'Present', exact: true }).click();
      const present = page.getByRole('region', { name: 'Presentation' });
      for (let i = 0; i < 8 && !(await present.locator('.present-para__text', { hasText: 'aerial ladders' }).count()); i++) await page.keyboard.press('ArrowRight');
      await expect(present.locator('.present-para__text', { hasText: 'aerial ladders' }).first()).toBeAttached();
      await page.mouse.move(0, 0);
      await shootTo(app, OUT!, name);
      await page.keyboard.press('Escape');
      await expect(present).toHaveCount(0);
    }
  });
});
