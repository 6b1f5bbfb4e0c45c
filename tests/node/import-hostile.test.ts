import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHtmlInertly } from '../../src/main/services/import/html.js';
import { openSources } from '../../src/main/services/sources.js';
import { REPO_ROOT } from '../support/seeds.js';
import { useTempFolders } from './helpers.js';

/**
 * The hostile corpus (tests/fixtures/hostile, described in its README): pages, Markdown and text
 * full of scripts, event handlers, javascript: and file: links, frames, SVG with script, a meta
 * refresh, a <base>, CSS expressions and data: URLs. Every address in them points at
 * http://hostile.invalid/; here each file is copied with those addresses pointing at a server on
 * 127.0.0.1 that counts requests. Opening the corpus must give plain words, and no request.
 */

const HOSTILE_DIR = join(REPO_ROOT, 'tests', 'fixtures', 'hostile');
const tempFolder = useTempFolders();

const requests: string[] = [];
const server = createServer((request: IncomingMessage, response) => {
  requests.push(request.url ?? '');
  response.writeHead(200, { 'Content-Type': 'text/plain' }).end('alert(1)');
});
let origin = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Markup, active content and addresses that must not reach the page from a web page or Markdown. */
const MARKUP = /<\s*\/?\s*(script|style|iframe|object|embed|svg|img|a|form|input|button|video|audio|meta|base|link|html|body|span|div|p)\b|\bon(error|load|focus|mouseover)\s*=|javascript:|file:|data:|expression\(|fetch\(|hostile\.invalid|127\.0\.0\.1/i;

async function openCorpus(): Promise<Awaited<ReturnType<typeof openSources>> & { files: Record<string, string> }> {
  const folder = await tempFolder();
  const files: Record<string, string> = {};
  for (const name of readdirSync(HOSTILE_DIR).filter((file) => !/^readme/i.test(file))) {
    const text = readFileSync(join(HOSTILE_DIR, name), 'utf8').replaceAll('http://hostile.invalid/', origin);
    files[name] = join(folder, name);
    await writeFile(files[name], text);
  }
  const opened = await openSources(Object.values(files));
  // Give anything that might have been started (a fetch, a refresh, a frame) time to arrive.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { ...opened, files };
}

describe('the hostile corpus', () => {
  it('opens every web page and Markdown file as plain words, with no markup, script or address left', async () => {
    const { documents, files } = await openCorpus();
    const structured = documents.filter((document) => document.metadata?.format === 'html' || document.metadata?.format === 'markdown');
    expect(structured.map((document) => document.path).sort()).toEqual(
      [files['script-everywhere.html'], files['scripted-markdown.md'], files['page-saved-as.txt']].sort(),
    );
    for (const document of structured) {
      expect(document.text, document.path).not.toMatch(MARKUP);
      expect(document.title).not.toMatch(MARKUP);
      expect(document.title).not.toBe('PWNED');
      // A script that ran would have added this paragraph.
      expect(document.text).not.toContain('INJECTED BY SCRIPT');
      expect(document.paragraphs.length).toBeGreaterThan(2);
    }
    const page = documents.find((document) => document.path === files['script-everywhere.html'])!;
    expect(page.title).toBe('Council approves new harbour wall');
    // Links keep their words, and nothing else.
    expect(page.text).toContain("Read the council's plan or the engineers' report for the details.");
    expect(page.text).toContain('Their association said trade was already down by a third.');
    const markdown = documents.find((document) => document.path === files['scripted-markdown.md'])!;
    expect(markdown.text).toContain("Read the operator's notice or the timetable.");
  });

  it('reads a page saved as .txt as a web page, not as text full of tags', async () => {
    const { documents, files } = await openCorpus();
    const page = documents.find((document) => document.path === files['page-saved-as.txt'])!;
    expect(page.metadata?.format).toBe('html');
    expect(page.title).toBe('Library opens late on Thursdays');
  });

  it('shows a plain text file exactly as written: its tags are characters, never parsed or run', async () => {
    const { documents, files } = await openCorpus();
    const text = documents.find((document) => document.path === files['markup-in-text.txt'])!;
    expect(text.metadata?.format).toBe('text');
    expect(text.text).toBe(readFileSync(files['markup-in-text.txt']!, 'utf8'));
  });

  it('says a page with no article text has none, instead of showing its menus', async () => {
    const { problems, files } = await openCorpus();
    expect(problems).toEqual([
      {
        path: files['nothing-but-links.html'],
        message: `Parallax found no article text in "nothing-but-links.html". Save the page again, or copy the article's text and paste it.`,
      },
    ]);
  });

  it('parses inertly: the page\'s scripts do not run, even before Readability sees it', () => {
    const parsed = parseHtmlInertly(readFileSync(join(HOSTILE_DIR, 'script-everywhere.html'), 'utf8'));
    try {
      expect(parsed.document.title).toBe('Council approves new harbour wall');
      // The script's own text holds the words; a script that ran would have added them as a paragraph.
      const paragraphs = Array.from(parsed.document.querySelectorAll('p')).map((element) => element.textContent ?? '');
      expect(paragraphs.length).toBeGreaterThan(3);
      expect(paragraphs.join('\n')).not.toContain('INJECTED BY SCRIPT');
    } finally {
      parsed.close();
    }
  });

  it('fetches nothing: no request reaches the server the corpus points at', async () => {
    await openCorpus();
    expect(requests).toEqual([]);
  });
});
