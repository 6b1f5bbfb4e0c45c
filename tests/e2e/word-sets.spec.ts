import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseLexicon } from '../../src/shared/contract/lexicon.js';
import { expect, test, type ParallaxApp } from './harness.js';

/**
 * The Word sets view: sets added, removed, exported and imported in the page change how the open
 * comparison's differences are classified, and are still there after a restart.
 */

/** Two short reports that differ in one verb: "grilled" in one, "criticised" in the other. */
async function openTwoReports(app: ParallaxApp): Promise<void> {
  const folder = join(app.dataDir, 'articles');
  await mkdir(folder, { recursive: true });
  const wire = join(folder, 'wire.txt');
  const post = join(folder, 'post.txt');
  await writeFile(wire, 'Council vote\n\nThe opposition grilled the budget plan on Monday after a long debate in the chamber.\n');
  await writeFile(post, 'Council vote\n\nThe opposition criticised the budget plan on Monday after a long debate in the chamber.\n');
  app.queuePick([wire, post]);
  await app.openFilesButton().click();
  await expect(app.page.locator('section.column')).toHaveCount(2);
}

/** Select the paragraph with the verb in the first source; the notes panel shows how the sources differ there. */
async function selectTheVerb(app: ParallaxApp): Promise<void> {
  await app.page.getByRole('button', { name: 'Comparison', exact: true }).click();
  // A comparison worked out again keeps the selection; clicking a selected paragraph unselects it.
  const close = app.page.getByRole('button', { name: 'Close notes' });
  if (await close.isVisible()) await close.click();
  await app.page.locator('section.column').first().locator('.para', { hasText: 'grilled' }).click();
  await expect(app.page.getByText('No other source reports this paragraph.').or(app.page.getByText('Also reported by'))).toBeVisible();
}

const framing = (app: ParallaxApp) => app.page.getByRole('region', { name: 'How the sources differ here' });
const wordSetsTab = (app: ParallaxApp) => app.page.getByRole('button', { name: 'Word sets', exact: true });

test('a set added in the page classifies the open comparison; removing it takes that away', async ({ app }) => {
  const { page } = app;
  await openTwoReports(app);
  await selectTheVerb(app);
  await expect(framing(app)).toHaveCount(0);

  await wordSetsTab(app).click();
  await expect(page.getByRole('heading', { name: 'Word sets', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Reporting verbs', level: 3 })).toBeVisible();
  await page.getByRole('button', { name: 'Add a set…' }).click();
  const form = page.getByRole('form', { name: 'New word set' });

  // Nothing filled in: the schema's complaints, beside their fields.
  await form.getByRole('button', { name: 'Add set' }).click();
  await expect(form.getByText('Write at least one term, one a line.')).toBeVisible();
  await expect(form.getByLabel('Terms')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Name')).toBeFocused();

  // An id in use is refused in words.
  await form.getByLabel('Name').fill('Hedges');
  await form.getByLabel('Terms').fill('grilled\ncriticised');
  await form.getByRole('button', { name: 'Add set' }).click();
  await expect(form.getByText('A set with the id "hedges" already exists: choose another id, or edit that set.')).toBeVisible();

  await form.getByLabel('Name').fill('Harsh words');
  await expect(form.getByLabel('Id')).toHaveValue('harsh-words');
  await form.getByLabel('Kind').selectOption({ label: 'Loaded terms' });
  await form.getByLabel('Domain').fill('politics');
  await form.getByLabel('Terms').fill('grilled: loud\ncriticised');
  await form.getByRole('button', { name: 'Add set' }).click();
  await expect(form).toHaveCount(0);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Harsh words', level: 3 }) });
  await expect(card).toBeVisible();
  await expect(card.getByRole('list', { name: 'Terms of Harsh words' }).getByRole('listitem')).toHaveText(['grilled · loud', 'criticised']);
  await expect(page.getByRole('button', { name: 'Reset to default' })).toBeEnabled();

  // The comparison was worked out again with it: the verb is now a loaded-term difference.
  await expect.poll(() => app.calls.filter((call) => call === 'comparison:open').length).toBe(2);
  await selectTheVerb(app);
  await expect(framing(app)).toContainText('Loaded term grilled (loud) → criticised · Harsh words');

  await wordSetsTab(app).click();
  await card.getByRole('button', { name: 'Remove Harsh words' }).click();
  await card.getByRole('group', { name: 'Remove Harsh words' }).getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Harsh words', level: 3 })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reset to default' })).toBeDisabled();
  await expect.poll(() => app.calls.filter((call) => call === 'comparison:open').length).toBe(3);
  await selectTheVerb(app);
  await expect(framing(app)).toHaveCount(0);
});

test('export writes a lexicon file; import merges a file’s sets; the changes outlive a restart; reset forgets them', async ({ app }) => {
  const { page } = app;
  // The sample opens on start; once it has, the Word sets view stays on screen.
  await expect(page.locator('section.column').first()).toBeVisible();
  await wordSetsTab(app).click();
  await page.getByRole('button', { name: 'Add a set…' }).click();
  const form = page.getByRole('form', { name: 'New word set' });
  await form.getByLabel('Name').fill('Harsh words');
  await form.getByLabel('Terms').fill('grilled\ncriticised');
  await form.getByRole('button', { name: 'Add set' }).click();
  await expect(page.getByRole('heading', { name: 'Harsh words', level: 3 })).toBeVisible();

  // Export: to the path the save dialog answers.
  const exported = join(app.dataDir, 'my-sets.json');
  app.queueSavePath(exported);
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByText('The word sets were saved as my-sets.json')).toBeVisible();
  expect(app.suggestedSaveNames).toEqual(['parallax-word-sets.json']);
  const parsed = parseLexicon(JSON.parse(await readFile(exported, 'utf8')));
  expect(parsed.ok && parsed.lexicon.sets.map((set) => set.id)).toContain('harsh-words');

  // Import: a file with one new set.
  const incoming = join(app.dataDir, 'colleague.json');
  await writeFile(
    incoming,
    JSON.stringify({
      schema: 'parallax.lexicon/1',
      name: 'A colleague’s sets',
      sets: [{ id: 'calm-words', name: 'Calm words', kind: 'hedge', domain: 'general', terms: [{ term: 'perhaps' }] }],
    }),
  );
  app.queueLexiconFile(incoming);
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByText('Imported 1 word set from colleague.json')).toBeVisible();
  await expect(page.getByText('1 set added, 0 sets replaced.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Calm words', level: 3 })).toBeVisible();

  // A file that does not fit is refused, naming it.
  const broken = join(app.dataDir, 'broken.json');
  await writeFile(broken, JSON.stringify({ schema: 'parallax.lexicon/1', name: 'Broken', sets: [{ id: 'x', name: 'X', kind: 'spin', domain: 'general', terms: [] }] }));
  app.queueLexiconFile(broken);
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The lexicon "broken.json" does not fit' })).toContainText('sets.0.kind');

  await app.restart();
  await expect(app.page.locator('section.column').first()).toBeVisible();
  await wordSetsTab(app).click();
  await expect(app.page.getByRole('heading', { name: 'Calm words', level: 3 })).toBeVisible();
  await expect(app.page.getByRole('heading', { name: 'Harsh words', level: 3 })).toBeVisible();

  await app.page.getByRole('button', { name: 'Reset to default' }).click();
  await app.page.getByRole('group', { name: 'Reset the word sets' }).getByRole('button', { name: 'Reset to default' }).click();
  await expect(app.page.getByRole('heading', { name: 'Calm words', level: 3 })).toHaveCount(0);
  await expect(app.page.getByRole('heading', { name: 'Reporting verbs', level: 3 })).toBeVisible();
});
