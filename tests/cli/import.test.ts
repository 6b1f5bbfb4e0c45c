import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, seedPaths } from '../support/seeds.js';
import { runCli } from '../support/cli.js';

const FORMATS = join(REPO_ROOT, 'tests', 'fixtures', 'formats');

const run = runCli;

describe('parallax import', () => {
  it('prints one document in the contract with --json', async () => {
    const file = join(FORMATS, 'saved-page.html');
    const { code, stdout, stderr } = await run(['import', file, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const document = JSON.parse(stdout);
    expect(Object.keys(document).sort()).toEqual(['hash', 'label', 'metadata', 'paragraphs', 'path', 'text', 'title']);
    expect(document).toMatchObject({ path: file, label: 'Harbourside Daily', title: 'Westmere bridge closed: what we know so far' });
    expect(document.metadata).toMatchObject({ format: 'html', byline: 'Marta Okafor', language: 'en-GB' });
    for (const paragraph of document.paragraphs) expect(paragraph.end).toBeLessThanOrEqual(document.text.length);
  });

  it('lists the paragraphs with their kinds without --json', async () => {
    const { code, stdout } = await run(['import', join(FORMATS, 'printed.pdf')]);
    expect(code).toBe(0);
    expect(stdout).toContain('Title: Ring road jams as Westmere bridge stays shut');
    expect(stdout).toMatch(/The Northern Record · \d+ paragraphs · pdf/);
    expect(stdout).toMatch(/^\s+2 {2}title +Ring road jams as Westmere bridge stays shut$/m);
    expect(stdout).toMatch(/^\s+\d+ {2}heading +Extra ferries$/m);
  });

  it('reads a text file in the encoding given with --encoding', async () => {
    const [seed] = seedPaths();
    const { code, stdout } = await run(['import', seed!, '--json', '--encoding', 'windows-1252']);
    expect(code).toBe(0);
    const document = JSON.parse(stdout);
    expect(document.metadata).toMatchObject({ format: 'text', encoding: 'windows-1252' });
    // UTF-8 curly quotes read as Windows-1252 come out as mojibake: the choice was obeyed.
    expect(document.text).toContain('â€');
  });

  describe('edge cases', () => {
    it('says why a file cannot be read, with exit 2', async () => {
      const { code, stdout, stderr } = await run(['import', join(FORMATS, 'scan.pdf')]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^parallax: "scan\.pdf" has no text layer/);
    });

    it('refuses no file, two files, and an unknown encoding, with exit 2', async () => {
      expect((await run(['import'])).code).toBe(2);
      expect((await run(['import', 'a.txt', 'b.txt'])).stderr).toContain('give exactly one file');
      const bad = await run(['import', 'a.txt', '--encoding', 'klingon']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--encoding takes one of utf-8');
    });

    it('is named in the help', async () => {
      expect((await run(['--help'])).stdout).toContain('parallax import FILE [options]');
    });
  });
});
