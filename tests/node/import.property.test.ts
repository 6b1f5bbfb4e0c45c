import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openSources } from '../../src/main/services/sources.js';

/**
 * Whatever bytes a file holds, and whatever it is called, opening it never throws: it becomes
 * either a clear problem that names the file, or a source whose paragraphs index its text.
 */
describe('opening arbitrary bytes', () => {
  const folder = mkdtempSync(join(tmpdir(), 'parallax-import-property-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  let counter = 0;

  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 4096 }),
    // Text-like bytes, which get past the binary check more often.
    fc.string({ maxLength: 2000 }).map((text) => new TextEncoder().encode(text)),
    // Markup-like text.
    fc
      .array(fc.constantFrom('<p>', '</p>', '<h1>', '<script>', '# ', '\n\n', 'word ', '“', '&amp;', '<html>', '%PDF-1.4\n', 'PK\u0003\u0004'), { maxLength: 80 })
      .map((parts) => new TextEncoder().encode(parts.join(''))),
  );

  it('gives a clear problem or a well-formed source, for every extension', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom('.txt', '.md', '.html', '.htm', '.docx', '.pdf', '.bin', ''), async (content, extension) => {
        const path = join(folder, `file-${counter++}${extension}`);
        writeFileSync(path, content);
        const { documents, problems } = await openSources([path]);
        expect(documents.length + problems.length).toBe(1);
        for (const problem of problems) {
          expect(problem.path).toBe(path);
          expect(problem.message.length).toBeGreaterThan(20);
          expect(problem.message).toContain(`file-${counter - 1}`);
        }
        for (const document of documents) {
          let previous = 0;
          for (const paragraph of document.paragraphs) {
            expect(paragraph.start).toBeGreaterThanOrEqual(previous);
            expect(paragraph.end).toBeGreaterThan(paragraph.start);
            expect(paragraph.end).toBeLessThanOrEqual(document.text.length);
            previous = paragraph.end;
          }
        }
      }),
      { numRuns: 120 },
    );
  }, 120_000);
});
