import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, REPO_ROOT, SAMPLES_DIR, test, type ParallaxApp } from './harness.js';

const sample = (name: string) => join(SAMPLES_DIR, name);
const columns = (page: Page) => page.locator('section.column');
const label = (column: Locator) => column.locator('.column__label-text');

/** Copy two sample articles where the test may change them; answer their new paths. */
function copiesOfSamples(folder: (name: string) => string): [string, string] {
  const a = folder('courier.txt');
  const b = folder('lantern.txt');
  copyFileSync(sample('veskin-valley-courier.txt'), a);
  copyFileSync(sample('harlowmere-lantern.txt'), b);
  return [a, b];
}

async function openFiles(app: ParallaxApp, paths: string[]): Promise<void> {
  app.queuePick(paths);
  await app.openFilesButton().click();
  await expect(columns(app.page)).toHaveCount(paths.length);
  await expect(columns(app.page).first()).toHaveAttribute('data-doc', '0');
  await expect(app.page.locator('.app__main')).toHaveAttribute('aria-busy', 'false');
}

/** The index, among its column's paragraphs, of the first body paragraph that is in a group (past the first few). */
async function groupedBodyParagraph(column: Locator): Promise<number> {
  // Paragraphs by their number in the document (runs of page furniture are folded on screen).
  const kinds = await column.locator('.para').evaluateAll((els) => els.map((el) => [el.getAttribute('data-kind'), el.getAttribute('data-group'), el.getAttribute('data-paragraph')]));
  const found = kinds.find(([kind, group, p]) => Number(p) >= 2 && kind === 'body' && group !== null);
  const index = found ? Number(found[2]) : -1;
  expect(index, 'a body paragraph in a group').toBeGreaterThanOrEqual(0);
  return index;
}

test('a source renamed in its column head keeps its name after a restart; Escape cancels, blank resets', async ({ app }) => {
  let first = columns(app.page).first();
  await expect(first).toBeVisible();
  const original = (await label(first).textContent()) ?? '';
  expect(original).not.toBe('');

  await first.getByRole('button', { name: `Rename ${original}` }).click();
  const field = first.getByRole('textbox', { name: 'Name of source 1' });
  await expect(field).toBeFocused();
  await field.fill('Class handout A');
  await field.press('Enter');
  await expect(label(first)).toHaveText('Class handout A');
  await expect(app.page.getByRole('navigation', { name: 'Go to a source' })).toContainText('Class handout A');

  // From the keyboard: focus the label, Enter, type, Escape: nothing changes.
  const rename = first.getByRole('button', { name: 'Rename Class handout A' });
  await expect(rename).toBeFocused();
  await app.page.keyboard.press('Enter');
  await expect(field).toBeFocused();
  await app.page.keyboard.type(' (never saved)');
  await app.page.keyboard.press('Escape');
  await expect(label(first)).toHaveText('Class handout A');
  expect(app.calls.filter((channel) => channel === 'source:setLabel')).toHaveLength(1);

  await app.restart();
  first = columns(app.page).first();
  await expect(label(first)).toHaveText('Class handout A');

  // Blank goes back to the name Parallax found.
  await first.getByRole('button', { name: 'Rename Class handout A' }).click();
  await first.getByRole('textbox', { name: 'Name of source 1' }).fill('');
  await first.getByRole('textbox', { name: 'Name of source 1' }).press('Enter');
  await expect(label(first)).toHaveText(original);
});

test('a paragraph marked as not article text leaves its passage, stays marked after a restart, and Undo brings it back', async ({ app }) => {
  let page = app.page;
  let column = columns(page).nth(1);
  await expect(column).toBeVisible();
  const index = await groupedBodyParagraph(column);
  const paragraph = () => columns(app.page).nth(1).locator(`.para[data-paragraph="${index}"]`);
  const group = await paragraph().getAttribute('data-group');
  const passagesBefore = await page.locator('.toolbar__summary').textContent();

  await paragraph().click();
  await page.getByRole('complementary', { name: 'Notes' }).getByRole('button', { name: 'Mark as not article text' }).click();
  await expect(paragraph()).toHaveAttribute('data-kind', 'boilerplate');
  await expect(paragraph()).not.toHaveAttribute('data-group', /.*/);
  await expect(paragraph()).toContainText('Not article text · marked by you');
  await expect(page.locator('.toolbar__summary')).not.toHaveText(passagesBefore ?? '');
  // Still selected, and the panel says what was done, with a way back.
  await expect(paragraph()).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('complementary', { name: 'Notes' })).toContainText('You marked this paragraph as not article text.');

  await app.restart();
  page = app.page;
  column = columns(page).nth(1);
  await expect(paragraph()).toHaveAttribute('data-kind', 'boilerplate');
  await expect(paragraph()).toHaveAttribute('data-marked', 'boilerplate');

  await column.getByRole('button', { name: new RegExp(`^Undo your mark on paragraph ${index + 1} of `) }).click();
  await expect(paragraph()).toHaveAttribute('data-kind', 'body');
  await expect(paragraph()).toHaveAttribute('data-group', group ?? '');
  await expect(paragraph()).not.toHaveAttribute('data-marked', /.*/);
  await expect(page.locator('.toolbar__summary')).toHaveText(passagesBefore ?? '');
});

test('pasting plain text anywhere adds it as a new source named by its first words; pasting into a field does not', async ({ app }) => {
  const { page } = app;
  await expect(columns(page).first()).toBeVisible();
  const before = await columns(page).count();

  // Into a note's text field: that is the field's paste.
  await columns(page).nth(1).locator('.para--body').first().click();
  await app.paste({ 'text/plain': 'Not an article' }, 'textarea.notes__field');
  await page.keyboard.press('Escape');

  const article = 'Valley dam breaks after days of rain\n\nThe embankment above Veskin gave way late on Sunday, officials said.\n\nAbout 40 homes were flooded, and residents were moved to higher ground.\n';
  await app.paste({ 'text/plain': article });
  await expect(columns(page)).toHaveCount(before + 1);
  const added = columns(page).last();
  await expect(label(added)).toHaveText('Valley dam breaks after days of rain');
  await expect(added.locator('.para')).toHaveCount(3);
  await expect(added.locator('.para').nth(1)).toHaveText(/The embankment above Veskin gave way late on Sunday, officials said\./);
  expect(app.calls.filter((channel) => channel === 'source:addText')).toHaveLength(1);

  // The paste box: the same, from a button.
  await page.getByRole('button', { name: 'Paste article…' }).click();
  const box = page.getByRole('textbox', { name: 'Article text' });
  await expect(box).toBeFocused();
  await box.fill('A second pasted report\n\nWith its own paragraph.');
  await page.getByRole('button', { name: 'Add as a source' }).click();
  await expect(columns(page)).toHaveCount(before + 2);
  await expect(label(columns(page).last())).toHaveText('A second pasted report');
  // Kept in the data folder, as files Recent can reopen.
  expect(readdirSync(join(app.dataDir, 'pasted'))).toHaveLength(2);
});

test('pasting from a web page adds its article text with no markup and no script', async ({ app }) => {
  const { page } = app;
  await expect(columns(page).first()).toBeVisible();
  const before = await columns(page).count();
  const paragraphs = [
    'The embankment above the Veskin valley gave way <b>late on Sunday</b>, officials said, after three days of heavy rain.',
    'Residents of the lower streets were moved to higher ground <img src="x" onerror="window.__pwned = 2">overnight, and the school hall was opened as a shelter.',
    'Engineers from the water company said the repairs would take months, and that the cause of the failure was not yet known.',
  ];
  const html = `<meta charset="utf-8"><h1>Dam fails above the valley</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}<script>window.__pwned = 1</script>`;
  const text = ['Dam fails above the valley', ...paragraphs.map((p) => p.replace(/<[^>]+>/g, ''))].join('\n');
  await app.paste({ 'text/plain': text, 'text/html': html });
  await expect(columns(page)).toHaveCount(before + 1);
  const added = columns(page).last();
  await expect(label(added)).toHaveText('Dam fails above the valley');
  await expect(added).toContainText('gave way late on Sunday, officials said');
  await expect(added).toContainText('moved to higher ground overnight');
  await expect(added).not.toContainText('<');
  expect(await page.locator('#root img, #root script, #root b').count()).toBe(0);
  expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const saved = readdirSync(join(app.dataDir, 'pasted'));
  expect(saved).toEqual([expect.stringMatching(/\.html$/)]);
});

test('a source edited on disk offers a reload, which shows the new text and keeps the note', async ({ app }, testInfo) => {
  const { page } = app;
  await expect(columns(page).first()).toBeVisible();
  const [a, b] = copiesOfSamples((name) => testInfo.outputPath(name));
  await openFiles(app, [a, b]);

  const first = columns(page).first();
  const target = first.locator('.para--body').nth(1);
  await target.click();
  const field = page.getByRole('textbox', { name: 'Add a note' });
  await field.fill('Compare this with the Lantern.');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('.note')).toHaveCount(1);

  // Another program adds a sentence at the end of the file.
  writeFileSync(a, `${readFileSync(a, 'utf8').trimEnd()} A later correction was added by the editors.\n`);
  const banner = first.getByRole('status').filter({ hasText: 'This file changed on disk.' });
  await expect(banner).toBeVisible();
  await expect(columns(page).nth(1).getByRole('status')).toHaveCount(0);
  expect(app.sourceChanges).toEqual([{ path: a, change: 'changed' }]);

  await banner.getByRole('button', { name: 'Reload' }).click();
  await expect(banner).toHaveCount(0);
  await expect(first).toContainText('A later correction was added by the editors.');
  // The note is still there, on its paragraph, saying it was written on the earlier text.
  await expect(page.getByRole('complementary', { name: 'Notes' })).toBeVisible();
  await expect(page.locator('.note__body')).toHaveText('Compare this with the Lantern.');
  await expect(first.locator('.note-marker')).toHaveCount(1);
});

test('after a reload, a note follows its paragraph when text is added above it, and is listed apart when its words change', async ({ app }, testInfo) => {
  const { page } = app;
  await expect(columns(page).first()).toBeVisible();
  const [a, b] = copiesOfSamples((name) => testInfo.outputPath(name));
  await openFiles(app, [a, b]);
  const first = columns(page).first();
  const target = first.locator('.para--body').nth(2);
  const words = (await target.locator('.para__text').textContent()) ?? '';
  await target.click();
  await page.getByRole('textbox', { name: 'Add a note' }).fill('Where does this figure come from?');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('.note')).toHaveCount(1);
  await page.getByRole('button', { name: 'Close notes' }).click();

  // A paragraph added near the top: the noted one moves down, and the note goes with it.
  const original = readFileSync(a, 'utf8');
  const [head, ...rest] = original.split('\n\n');
  writeFileSync(a, [head, 'Editor’s note: this article was updated on Tuesday.', ...rest].join('\n\n'));
  await first.getByRole('status').getByRole('button', { name: 'Reload' }).click();
  await expect(first).toContainText('Editor’s note: this article was updated on Tuesday.');
  const marked = first.locator('.para').filter({ has: page.locator('.note-marker') });
  await expect(marked).toHaveCount(1);
  await expect(marked.locator('.para__text')).toHaveText(words);
  await expect(page.locator('.unplaced')).toHaveCount(0);

  // Its words rewritten: the note is not put on another paragraph; it is listed apart, kept.
  writeFileSync(a, readFileSync(a, 'utf8').replace(words, 'This paragraph was rewritten entirely by the editors.'));
  await first.getByRole('status').getByRole('button', { name: 'Reload' }).click();
  await expect(first).toContainText('This paragraph was rewritten entirely by the editors.');
  await expect(first.locator('.note-marker')).toHaveCount(0);
  const unplaced = page.locator('.unplaced');
  await expect(unplaced).toContainText('1 note is on text that has changed or is not open.');
  await unplaced.locator('summary').click();
  await expect(unplaced.getByRole('list', { name: 'Notes not placed on the text' })).toContainText('Where does this figure come from?');
  await expect(unplaced).toContainText(words);
});

test('a source deleted on disk says so, keeps its text and notes on screen, and can be located again', async ({ app }, testInfo) => {
  const { page } = app;
  await expect(columns(page).first()).toBeVisible();
  const [a, b] = copiesOfSamples((name) => testInfo.outputPath(name));
  await openFiles(app, [a, b]);

  const second = columns(page).nth(1);
  await second.locator('.para--body').first().click();
  await page.getByRole('textbox', { name: 'Add a note' }).fill('Quote or paraphrase?');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('.note')).toHaveCount(1);

  const moved = join(dirname(b), 'moved-lantern.txt');
  copyFileSync(b, moved);
  rmSync(b);
  const banner = second.getByRole('status').filter({ hasText: 'This file was moved or deleted. Your notes are kept.' });
  await expect(banner).toBeVisible();
  await expect(page.locator('.note__body')).toHaveText('Quote or paraphrase?');
  await expect(second.locator('.para').first()).toBeVisible();

  app.queuePick([moved]);
  await banner.getByRole('button', { name: 'Locate…' }).click();
  await expect(banner).toHaveCount(0);
  await expect(columns(page)).toHaveCount(2);
  const relinked = columns(page).nth(1);
  await expect(relinked.locator('.column__label')).toHaveAttribute('title', /Moved Lantern/);
  // The note moved with its source: it is on the same paragraph of the file as located.
  await expect(relinked.locator('.note-marker')).toHaveCount(1);
  await relinked.locator('.para--body').first().click();
  await expect(page.locator('.note__body')).toHaveText('Quote or paraphrase?');
  await page.getByRole('button', { name: 'Recent', exact: true }).click();
  await expect(page.locator('.recent-item').filter({ hasText: 'Moved Lantern' })).toContainText('1 note');
});

test('a Windows-1252 file can be read as Windows-1252, and the choice is remembered', async ({ app }, testInfo) => {
  const { page } = app;
  await expect(columns(page).first()).toBeVisible();
  const cp1252 = testInfo.outputPath('old-newsroom.txt');
  // “We are ready,” the mayor’s office said – in Windows-1252 bytes: 0x93, 0x94, 0x92, 0x96.
  const bytes = Buffer.from('Old newsroom export\n\n\x93We are ready,\x94 the mayor\x92s office said \x96 on Sunday.\n\nThe embankment gave way late on Sunday.\n', 'latin1');
  writeFileSync(cp1252, bytes);
  await openFiles(app, [cp1252, sample('veskin-valley-courier.txt')]);

  const first = columns(page).first();
  // Read as UTF-8 (the person's choice in Source details), its four Windows-1252 bytes do not decode.
  await first.getByRole('button', { name: /^Source details/ }).click();
  const details = page.getByRole('dialog', { name: 'Source details' });
  await expect(details).toBeVisible();
  await expect(details).toContainText(cp1252);
  await details.getByLabel('Read this file as').selectOption('utf-8');
  const notice = first.getByRole('note', { name: /^How .* was read$/ });
  await expect(notice).toContainText('4 characters could not be read as UTF-8, first on line 3, column 1.');
  // The notice's own picker puts it right.
  await notice.getByLabel('Read as').selectOption('windows-1252');
  await expect(first).toContainText('“We are ready,” the mayor’s office said – on Sunday.');
  await expect(notice).toHaveCount(0);
  expect(app.calls.filter((channel) => channel === 'source:setEncoding')).toHaveLength(2);

  await app.restart();
  await openFiles(app, [cp1252, sample('veskin-valley-courier.txt')]);
  await columns(app.page).first().getByRole('button', { name: /^Source details/ }).click();
  await expect(app.page.getByRole('dialog', { name: 'Source details' }).getByLabel('Read this file as')).toHaveValue('windows-1252');
  await app.page.keyboard.press('Escape');
  await expect(app.page.getByRole('dialog', { name: 'Source details' })).toHaveCount(0);
});

/** The hostile corpus: the shared one (tests/fixtures/hostile) when it exists, and this suite's own few files. */
function hostileFiles(): string[] {
  const shared = join(REPO_ROOT, 'tests', 'fixtures', 'hostile');
  const files = existsSync(shared)
    ? readdirSync(shared, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.(html?|md|markdown|txt)$/i.test(entry.name) && !/^readme\./i.test(entry.name))
        .map((entry) => join(entry.parentPath, entry.name))
    : [];
  const own = join(REPO_ROOT, 'tests', 'e2e', 'fixtures');
  files.push(...readdirSync(own).filter((name) => name.startsWith('hostile-')).map((name) => join(own, name)));
  return files.sort();
}

test('no file of the hostile corpus runs script, navigates, reaches the network or freezes the window', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await expect(columns(page).first()).toBeVisible();
  const url = page.url();
  const origin = new URL(url).origin;
  const globalsBefore = await page.evaluate(() => Object.keys(globalThis).sort());
  const files = hostileFiles();
  expect(files.length).toBeGreaterThan(0);

  for (const file of files) {
    // The sample article always opens, so every open ends by listing the comparison's notes: wait
    // for that (not for the request alone, which is sent before the page shows it is busy).
    const listsBefore = app.calls.filter((channel) => channel === 'notes:list').length;
    app.queuePick([file, sample('veskin-valley-courier.txt')]);
    await app.openFilesButton().click();
    await expect.poll(() => app.calls.filter((channel) => channel === 'notes:list').length, { message: file, timeout: 30_000 }).toBe(listsBefore + 1);
    await expect(page.locator('.app__main')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
    await expect(columns(page).first()).toBeVisible();

    // Still responsive: a click selects a paragraph, and a click on Close notes clears it. (Not a
    // second click on the paragraph: the notes panel opening moves the columns under the pointer.)
    const paragraph = columns(page).last().locator('.para').first();
    await paragraph.click();
    await expect(paragraph, file).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Close notes' }).click();
    await expect(paragraph, file).toHaveAttribute('aria-pressed', 'false');

    expect(page.url(), `${file}: no navigation`).toBe(url);
    await expect(page.locator('#root'), `${file}: nothing a script would write`).not.toContainText('INJECTED BY SCRIPT');
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned), `${file}: no script ran`).toBeUndefined();
    const globalsAfter = await page.evaluate(() => Object.keys(globalThis).sort());
    expect(globalsAfter.filter((name) => !globalsBefore.includes(name)), `${file}: no new globals`).toEqual([]);
    expect(await page.locator('#root img, #root script, #root iframe, #root object, #root embed, #root a[href]').count(), file).toBe(0);
    // Dismiss whatever the file's problems were, so the next file's show alone.
    for (const dismiss of await page.getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click();
  }
  const elsewhere = app.requests.filter((request) => !request.startsWith(origin + '/') && !request.startsWith('data:'));
  expect(elsewhere, 'every request went to the app’s own server on 127.0.0.1').toEqual([]);
  expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});
