import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './harness.js';

/*
 * Export and import from the notes panel: each format saved through the (fake) save dialog and
 * read back with a real parser; an import merges without duplicates and says what it did.
 */

interface HtmlDocument {
  readonly title: string;
  readonly body: { readonly textContent: string | null };
  querySelectorAll(selector: string): ArrayLike<unknown>;
}
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { document: HtmlDocument; close(): void } } };

/** RFC 4180: quoted fields, doubled quotes, CRLF between records; anything else throws. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        if (i + 1 < text.length && text[i + 1] !== ',' && text[i + 1] !== '\r') throw new Error(`text after a closing quote at ${i}`);
      } else field += c;
    } else if (c === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`CR without LF at ${i}`);
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else if (c === '\n') throw new Error(`a bare LF at ${i}`);
    else field += c;
  }
  if (quoted) throw new Error('an unclosed quote');
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

const panel = (page: Page) => page.getByRole('complementary', { name: 'Notes' });
const BODY = 'Compare "killed" with "died", then ask:\n- who, and\n- why?';

async function exportAs(page: Page, name: string, file: string): Promise<void> {
  await panel(page).getByRole('button', { name: 'Export…' }).click();
  await panel(page).getByRole('list', { name: 'Export the notes as' }).getByRole('button', { name }).click();
  await expect(page.getByRole('status').filter({ hasText: `The notes were saved as ${file}` })).toBeVisible();
}

test('the notes export in every format, each parsed back, and an import merges without duplicates', async ({ app }, testInfo) => {
  test.slow();
  const { page } = app;
  await page.locator('section.column').first().locator('.para--body').first().click();
  const tags = panel(page).getByRole('combobox', { name: 'Tags' });
  await tags.fill('Loaded language');
  await tags.press('Enter');
  await panel(page).getByRole('textbox', { name: 'Add a note' }).fill(BODY);
  await panel(page).getByRole('button', { name: 'Save note' }).click();
  await expect(panel(page).locator('.note')).toHaveCount(1);

  const out = (name: string) => testInfo.outputPath(name);
  app.queueSavePath(out('notes.md'));
  await exportAs(page, 'Markdown', 'notes.md');
  expect(readFileSync(out('notes.md'), 'utf8')).toContain('who, and');

  app.queueSavePath(out('notes.csv'));
  await exportAs(page, 'CSV (one row per coded passage)', 'notes.csv');
  const rows = parseCsv(readFileSync(out('notes.csv'), 'utf8').replace(/^\uFEFF/, ''));
  expect(rows.length).toBeGreaterThanOrEqual(2);
  const header = rows[0]!;
  expect(rows.slice(1).every((row) => row.length === header.length)).toBe(true);
  expect(rows.slice(1).some((row) => row.includes(BODY))).toBe(true);

  app.queueSavePath(out('notes.json'));
  await exportAs(page, 'JSON (Parallax notes)', 'notes.json');
  const json = JSON.parse(readFileSync(out('notes.json'), 'utf8')) as { notes: { body: string; tags: string[] }[] };
  expect(json.notes).toHaveLength(1);
  expect(json.notes[0]!.body).toBe(BODY);
  expect(json.notes[0]!.tags).toHaveLength(1);

  app.queueSavePath(out('notes.jsonld'));
  await exportAs(page, 'Web Annotation (JSON-LD)', 'notes.jsonld');
  const ld = JSON.parse(readFileSync(out('notes.jsonld'), 'utf8')) as Record<string, unknown>;
  expect(JSON.stringify(ld['@context'])).toContain('http://www.w3.org/ns/anno.jsonld');
  const text = JSON.stringify(ld);
  expect(text).toContain('"Annotation"');
  expect(text).toContain('TextQuoteSelector');
  expect(text).toContain(JSON.stringify(BODY).slice(1, -1));

  app.queueSavePath(out('notes.html'));
  await exportAs(page, 'HTML report', 'notes.html');
  const dom = new JSDOM(readFileSync(out('notes.html'), 'utf8'));
  expect(dom.window.document.body.textContent).toContain('who, and');
  expect(dom.window.document.querySelectorAll('script').length).toBe(0);
  dom.window.close();

  app.queueSavePath(out('notes.pdf'));
  await exportAs(page, 'PDF report', 'notes.pdf');
  expect(readFileSync(out('notes.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // Cancelling the dialog saves nothing and says nothing alarming.
  app.queueSavePath(null);
  await panel(page).getByRole('button', { name: 'Export…' }).click();
  await panel(page).getByRole('button', { name: 'Markdown' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Import: the note deleted, then brought back from the JSON; the same file again adds nothing.
  await panel(page).getByRole('button', { name: 'Delete this note' }).click();
  await expect(panel(page).locator('.note')).toHaveCount(0);
  app.queueNotesFile(out('notes.json'));
  await panel(page).getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported notes from' })).toContainText('1 note added, 0 notes updated, 0 notes skipped');
  await expect(panel(page).locator('.note')).toHaveCount(1);
  app.queueNotesFile(out('notes.json'));
  await panel(page).getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('status').filter({ hasText: '0 notes added' })).toContainText('1 note skipped');
  await expect(panel(page).locator('.note')).toHaveCount(1);

  // A file that is not notes is refused with a clear message, and nothing changes.
  app.queueNotesFile(out('notes.csv'));
  await panel(page).getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The notes could not be imported' })).toBeVisible();
  await expect(panel(page).locator('.note')).toHaveCount(1);
});
