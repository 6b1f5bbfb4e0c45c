import type { Locator, Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { expect, test } from './harness.js';

/*
 * Notes written in the UI on every kind of target: words selected in a column, a paragraph, a
 * group of aligned paragraphs and a classified difference; the list of every note with its
 * filters and search; going from a note to what it is on; editing with tags.
 */

/** How many ranges a CSS highlight of the page holds (the test project has no DOM types). */
const highlightSize = (page: Page, name: string) =>
  page.evaluate((n) => (globalThis as unknown as { CSS: { highlights: Map<string, { size: number }> } }).CSS.highlights.get(n)?.size ?? 0, name);

const panel = (page: Page) => page.getByRole('complementary', { name: 'Notes' });

/** Select characters `from`…`to` of a paragraph's text, as a person dragging over them would. */
async function selectWords(paragraph: Locator, from: number, to: number): Promise<string> {
  return paragraph.locator('.para__text').evaluate(
    (element, [a, b]) => {
      const doc = element.ownerDocument;
      const walker = doc.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
      const range = doc.createRange();
      let seen = 0;
      let started = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (!started && a! <= seen + length) {
          range.setStart(node, a! - seen);
          started = true;
        }
        if (started && b! <= seen + length) {
          range.setEnd(node, b! - seen);
          break;
        }
        seen += length;
      }
      const selection = doc.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return range.toString();
    },
    [from, to] as const,
  );
}

/** The first grouped body paragraph of a column whose passage has classified differences. */
async function paragraphWithFraming(page: Page, column: number): Promise<Locator> {
  const candidates = page.locator('section.column').nth(column).locator('.para--body[data-group]');
  await expect(candidates.first()).toBeVisible();
  const count = await candidates.count();
  for (let i = 0; i < count; i++) {
    const candidate = candidates.nth(i);
    await candidate.click();
    await expect(panel(page).getByText(/paragraph \d+/).first()).toBeVisible();
    if ((await panel(page).getByRole('region', { name: 'How the sources differ here' }).count()) > 0) return candidate;
  }
  throw new Error('No paragraph of the sample has classified differences.');
}

async function write(page: Page, body: string): Promise<void> {
  const field = panel(page).getByRole('textbox', { name: 'Add a note' });
  await field.fill(body);
  await panel(page).getByRole('button', { name: 'Save note' }).click();
  await expect(field).toHaveValue('');
}

test('notes on words, a paragraph, a group and a difference, written in the panel, survive a restart and lead to their text', async ({ app }) => {
  let page = app.page;
  await expect(page.locator('section.column').first()).toBeVisible();
  // Closed, the panel is a rail that says how many notes there are.
  await expect(page.getByRole('button', { name: 'Show notes (0)' })).toBeVisible();

  // 1. Words selected in a column: the "Add note" button beside them.
  const paragraph = await paragraphWithFraming(page, 1);
  const words = await selectWords(paragraph, 4, 30);
  await page.getByRole('button', { name: 'Add note on the selected words' }).click();
  await expect(panel(page)).toContainText(`On the words “${words.trim()}”`);
  await expect(panel(page).getByRole('textbox', { name: 'Add a note' })).toBeFocused();
  const tags = panel(page).getByRole('combobox', { name: 'Tags' });
  await tags.fill('softening');
  await tags.press('Enter');
  await expect(panel(page).getByRole('list', { name: 'Tags chosen' })).toHaveText(/softening/);
  await write(page, 'These **words** carry the framing.');
  // The noted words are marked in the text (a CSS highlight over them).
  await expect.poll(() => highlightSize(page, 'parallax-noted')).toBe(1);

  // 2. The paragraph itself.
  await write(page, 'The whole paragraph:\n- first point\n- second point');
  // 3. Its group.
  await panel(page).getByRole('button', { name: /^Note on this group/ }).click();
  await expect(panel(page)).toContainText(/On group \d+ \(\d sources\)/);
  await write(page, 'B softens A’s wording here.');
  // 4. One of its differences.
  await panel(page).getByRole('region', { name: 'How the sources differ here' }).getByRole('button', { name: /^Add note on this difference/ }).first().click();
  await expect(panel(page)).toContainText('On the difference');
  await write(page, 'A *loaded* choice of words.');

  const here = panel(page).getByRole('list', { name: 'Notes on this paragraph' }).getByRole('listitem').filter({ has: page.locator('.note__body') });
  await expect(here).toHaveCount(4);
  // Light formatting is drawn as elements, never as the markers typed.
  await expect(panel(page).locator('.note__body strong')).toHaveText('words');
  await expect(panel(page).locator('.note__body ul li')).toHaveCount(2);
  await expect(panel(page).locator('.note__body em')).toHaveText('loaded');

  const group = await paragraph.getAttribute('data-group');
  await app.restart();
  page = app.page;
  await expect(page.locator('section.column').first()).toBeVisible();
  await page.getByRole('button', { name: 'Show notes (4)' }).click();
  const all = panel(page).getByRole('list', { name: 'Notes of this comparison' });
  await expect(all.locator(':scope > li')).toHaveCount(4);
  await expect(all).toContainText('These words carry the framing.');
  await expect(all).toContainText('B softens A’s wording here.');
  await expect(all).toContainText('A loaded choice of words.');
  await expect(all).toContainText('first point');
  for (const kind of ['Passage', 'Paragraph', 'Group', 'Difference']) {
    await expect(all.locator('.note__where').filter({ hasText: new RegExp(`^${kind}\\b`) })).toHaveCount(1);
  }
  await expect.poll(() => highlightSize(page, 'parallax-noted')).toBe(1);

  // Going to the group note selects a paragraph of the group and lines the others up.
  await all.locator(':scope > li').filter({ hasText: 'B softens' }).getByRole('button', { name: 'Go to what this note is on' }).click();
  await expect(page.locator('.para[aria-pressed="true"]')).toHaveAttribute('data-group', group!);
  await expect(page.locator(`.para--linked[data-group="${group}"]`).first()).toBeVisible();
  // The list stays in view while going from note to note.
  await expect(all).toBeVisible();
  await expect.poll(() => highlightSize(page, 'parallax-gone-to')).toBeGreaterThan(1);
});

test('the list of every note filters by tag, source and kind, and searches bodies and quotes', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('section.column').first()).toBeVisible();
  const first = page.locator('section.column').first().locator('.para--body').first();
  const second = page.locator('section.column').nth(1).locator('.para--body').first();
  const firstQuote = ((await first.locator('.para__text').innerText()).match(/[A-Za-z]{6,}/) ?? [''])[0]!;

  await first.click();
  const tags = panel(page).getByRole('combobox', { name: 'Tags' });
  await tags.fill('kettle-question');
  await tags.press('Enter');
  await write(page, 'One on the first source.');
  await second.click();
  // The codes used before are offered as you type.
  await tags.fill('kettle');
  await expect(panel(page).getByRole('option', { name: 'kettle-question' })).toBeVisible();
  await tags.press('Escape');
  await tags.fill('');
  await write(page, 'Another, on the second source, with no tag.');

  await panel(page).getByRole('button', { name: /^All notes/ }).click();
  const list = panel(page).getByRole('list', { name: 'Notes of this comparison' });
  const items = list.locator(':scope > li');
  await expect(items).toHaveCount(2);

  await panel(page).getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'kettle-question' });
  await expect(items).toHaveCount(1);
  await expect(items).toContainText('One on the first source.');
  await expect(panel(page)).toContainText('1 of 2 notes');
  await panel(page).getByRole('combobox', { name: 'Tag' }).selectOption('');

  const secondLabel = (await page.locator('section.column').nth(1).getAttribute('aria-label'))!.replace(/^Source 2: /, '');
  await panel(page).getByRole('combobox', { name: 'Source' }).selectOption({ label: secondLabel });
  await expect(items).toHaveCount(1);
  await expect(items).toContainText('Another, on the second source');
  await panel(page).getByRole('combobox', { name: 'Source' }).selectOption('');

  await panel(page).getByRole('combobox', { name: 'On' }).selectOption('group');
  await expect(items).toHaveCount(0);
  await expect(panel(page)).toContainText('No note matches.');
  await panel(page).getByRole('button', { name: 'Show all notes' }).click();
  await expect(items).toHaveCount(2);

  // Search looks in the body…
  const search = panel(page).getByRole('searchbox', { name: 'Search' });
  await search.fill('second SOURCE');
  await expect(items).toHaveCount(1);
  await expect(items).toContainText('Another');
  // …and in the words the note is on.
  await search.fill(firstQuote);
  await expect(items.filter({ hasText: 'One on the first source.' })).toHaveCount(1);
  await search.fill('no such words anywhere');
  await expect(items).toHaveCount(0);
});

test('a note is edited in place, with its tags, and keeps its created time', async ({ app }) => {
  const { page } = app;
  await page.locator('section.column').first().locator('.para--body').first().click();
  await write(page, 'First thoughts.');
  const note = panel(page).getByRole('list', { name: 'Notes on this paragraph' }).getByRole('listitem').first();
  const created = await note.locator('time').first().getAttribute('datetime');
  await note.getByRole('button', { name: 'Edit this note' }).click();
  await note.getByRole('textbox', { name: 'Edit note' }).fill('Second thoughts, **sharper**.');
  const tags = note.getByRole('combobox', { name: 'Tags' });
  await tags.fill('revisit');
  await tags.press('Enter');
  await note.getByRole('button', { name: 'Save changes' }).click();
  await expect(note.locator('.note__body')).toHaveText('Second thoughts, sharper.');
  await expect(note.getByRole('list', { name: 'Tags' })).toHaveText('revisit');
  await expect(note.locator('time').first()).toHaveAttribute('datetime', created!);
  await expect(note).toContainText('edited');
  await app.restart();
  await app.page.locator('section.column').first().locator('.para--body').first().click();
  await expect(panel(app.page).locator('.note__body')).toHaveText('Second thoughts, sharper.');
});

test('the author name from Settings signs new notes, and a code added in the Codebook is offered while tagging', async ({ app }) => {
  const { page } = app;
  await page.locator('section.column').first().locator('.para--body').first().click();
  await panel(page).getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('textbox', { name: 'Your name on new notes' }).fill('  Ms   Okafor ');
  await settings.getByRole('button', { name: 'Save name' }).click();
  await expect(settings.getByRole('status')).toHaveText('Saved.');
  await page.keyboard.press('Escape');
  await expect(settings).toHaveCount(0);

  await panel(page).getByRole('button', { name: 'Codebook' }).click();
  const codebook = page.getByRole('dialog', { name: 'Codebook' });
  await codebook.getByRole('textbox', { name: 'New code' }).fill('Victim framing');
  await codebook.getByRole('button', { name: 'Add code' }).click();
  await codebook.getByRole('textbox', { name: 'Description of code victim-framing' }).fill('Who the text casts as suffering');
  await codebook.getByRole('button', { name: 'Save codebook' }).click();
  await expect(codebook.getByRole('status')).toHaveText('Saved.');
  await codebook.getByRole('button', { name: 'Close Codebook' }).click();

  const tags = panel(page).getByRole('combobox', { name: 'Tags' });
  await tags.fill('victim');
  await expect(panel(page).getByRole('option', { name: /^Victim framing — Who the text casts as suffering/ })).toBeVisible();
  await tags.press('Enter');
  await write(page, 'Signed and coded.');
  const note = panel(page).getByRole('list', { name: 'Notes on this paragraph' }).getByRole('listitem').first();
  await expect(note).toContainText('Ms Okafor');
  await expect(note.getByRole('list', { name: 'Tags' })).toHaveText('Victim framing');

  // Renamed in the codebook, the note's tag shows the new name (notes keep the code's id).
  await panel(page).getByRole('button', { name: 'Codebook' }).click();
  await codebook.getByRole('textbox', { name: 'Name of code victim-framing' }).fill('Victimhood');
  await codebook.getByRole('button', { name: 'Save codebook' }).click();
  await expect(codebook.getByRole('status')).toHaveText('Saved.');
  await page.keyboard.press('Escape');
  await expect(note.getByRole('list', { name: 'Tags' })).toHaveText('Victimhood');
});

test('a loaded word in a paragraph only one source has is marked there, and the panel says how it differs', async ({ app }, testInfo) => {
  const { page } = app;
  await expect(page.locator('section.column').first()).toBeVisible();
  // Two reports of our own; only the Post has the councillor's paragraph, with its charged verb.
  const story = [
    'Ferry service halted after storm damages pier in Pellbrook',
    'The Ostrander Ferries service between Pellbrook and Carrow Island was halted on Thursday after a storm damaged the main pier.',
    'Harbour master Tamsin Vell said repairs would take at least two weeks and cost about 40,000 pounds.',
  ];
  const post = testInfo.outputPath('pier-post.txt');
  const times = testInfo.outputPath('island-times.txt');
  writeFileSync(post, [...story, 'Councillor Brannagh Lott slammed the harbour board for letting the old pier rot for a decade.'].join('\n\n') + '\n');
  writeFileSync(times, story.join('\n\n') + '\n');
  app.queuePick([post, times]);
  await app.openFilesButton().click();
  await expect(page.locator('section.column')).toHaveCount(2);
  const alone = page.locator('section.column').first().locator('.para', { hasText: 'Councillor Brannagh Lott' });
  await expect(alone).toContainText('Only in this source');
  // "slammed" (charged) and "rot" (a word that judges, from the opinion lexicon).
  await expect(alone.locator('mark[data-kind="loaded-term"]')).toHaveText(['slammed', 'rot']);
  await alone.click();
  const region = panel(page).getByRole('region', { name: 'How the sources differ here' });
  await expect(region).toContainText(/writes “slammed” \(charged\), in a paragraph only .+ has/);
});
