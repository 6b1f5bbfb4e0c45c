import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../src/main/services/api.js';
import { dispatch } from '../../src/main/services/dispatch.js';
import { importDocument } from '../../src/main/services/import/pool.js';
import { openSources } from '../../src/main/services/sources.js';
import { boundNesting, markdownToBlocks } from '../../src/shared/core/markdown.js';
import { REPO_ROOT } from '../support/seeds.js';
import { documentXml, makeDocx } from '../support/zip.js';
import { useTempFolders } from './helpers.js';

/**
 * Files made to freeze or exhaust Parallax (issue 14, "Freezes and memory"), each made here rather
 * than kept in the repository: Markdown nested thousands deep, Word files that unpack to gigabytes,
 * and text in UTF-16 without a byte-order mark that used to be refused as binary. Each opens, or is
 * refused with a sentence naming the file, within seconds.
 */

const tempFolder = useTempFolders();
const BUILT_WORKER = join(REPO_ROOT, 'out', 'main', 'import-worker.js');

/** A Markdown list nested `depth` deep, each item one level inside the one before. */
function nestedList(depth: number): string {
  return Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- item ${i + 1}`).join('\n') + '\n';
}

async function openOne(name: string, bytes: Uint8Array | string) {
  const path = join(await tempFolder(), name);
  await writeFile(path, bytes);
  const started = performance.now();
  const { documents, problems } = await openSources([path]);
  return { path, document: documents[0], problem: problems[0], ms: performance.now() - started };
}

describe('Markdown nested thousands deep', () => {
  it('a list nested 2,000 deep opens in seconds, every item kept', { timeout: 15_000 }, async () => {
    const { document, problem, ms } = await openOne('deep-list.md', nestedList(2_000));
    expect(problem).toBeUndefined();
    expect(ms).toBeLessThan(10_000);
    expect(document!.metadata?.format).toBe('markdown');
    expect(document!.text.startsWith('item 1\n')).toBe(true);
    expect(document!.text).toContain('item 2000');
  });

  it('a line of 50,000 ">" opens in seconds, without overflowing the stack', { timeout: 15_000 }, async () => {
    const { document, problem, ms } = await openOne('quotes.md', `# Deep quote\n\n${'>'.repeat(50_000)} The words at the bottom.\n`);
    expect(problem).toBeUndefined();
    expect(ms).toBeLessThan(10_000);
    expect(document!.title).toBe('Deep quote');
    expect(document!.text).toContain('The words at the bottom.');
  });

  it('keeps 20 markers and 40 columns of indentation a line, and leaves an article\'s lines as they are', () => {
    const article = '# Title\n\n- a\n  - b\n    - c\n\n> quote\n> > inner\n\n1. one\n2. two\n\n    code\n\t- tabbed\n---\n';
    expect(boundNesting(article)).toBe(article);
    expect(boundNesting('>'.repeat(30) + ' x')).toBe('>'.repeat(20) + ' x');
    expect(boundNesting('- '.repeat(30) + 'x')).toBe('- '.repeat(20) + 'x');
    expect(boundNesting(' '.repeat(60) + '- x')).toBe(' '.repeat(40) + '- x');
  });

  it('nesting within the bound reads exactly as before', () => {
    expect(markdownToBlocks(nestedList(5))).toEqual([1, 2, 3, 4, 5].map((n) => ({ text: `item ${n}`, kind: 'body' })));
    expect(markdownToBlocks('> > > Quoted thrice.\n\n    code stays code\n')).toEqual([
      { text: 'Quoted thrice.', kind: 'body' },
      { text: 'code stays code', kind: 'body' },
    ]);
  });

  it('other deep markers (lists on one line, quotes and lists mixed, tabs) are bounded too', { timeout: 15_000 }, () => {
    const lines = ['- '.repeat(20_000) + 'deep', '> - '.repeat(10_000) + 'deep', '1. '.repeat(10_000) + 'deep', '\t'.repeat(5_000) + '- deep', '>'.repeat(2_000_000) + ' deep'];
    for (const line of lines) {
      const started = performance.now();
      const blocks = markdownToBlocks(line);
      expect(performance.now() - started, line.slice(0, 12)).toBeLessThan(3_000);
      expect(blocks.map((block) => block.text).join(' ')).toContain('deep');
    }
  });
});

describe('Word files that unpack to far more than they are ("zip bombs")', () => {
  it('refuses a part that grows a thousand times, quickly, saying how much and the limit', { timeout: 15_000 }, async () => {
    // 20 MB of spaces inside the document, deflated to about 20 KB.
    const bomb = makeDocx(documentXml(['A short article.'], ' '.repeat(20 * 1024 * 1024)));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const { problem, document, ms } = await openOne('bomb.docx', bomb);
    expect(document).toBeUndefined();
    expect(ms).toBeLessThan(5_000);
    expect(problem!.message).toMatch(
      /^"bomb\.docx" expands to 20 MB when unpacked, and its part "word\/document\.xml" grows [\d,]+ times \(from [\d.]+ KB to 20 MB\)\. Parallax opens Word files whose parts grow at most 200 times, or to at most 10 MB, so it was not opened/,
    );
  });

  it('refuses a Word file that says it unpacks to 3.5 GB, before unpacking anything', async () => {
    const declared = 3.5 * 1024 ** 3;
    const { problem } = await openOne('huge.docx', makeDocx(documentXml(['Words.']), { declaredSize: declared }));
    expect(problem!.message).toMatch(/^"huge\.docx" expands to 3\.5 GB when unpacked; Parallax opens Word files that expand to at most 200 MB, so it was not opened\./);
  });

  it('refuses a part that holds more than it declares, stopping at the declared size', async () => {
    const lying = makeDocx(documentXml(['Words.'], ' '.repeat(1024 * 1024)), { declaredSize: 1000 });
    const { problem } = await openOne('lying.docx', lying);
    expect(problem!.message).toMatch(/^"lying\.docx" is damaged or made to exhaust memory \(a "zip bomb"\): its part "word\/document\.xml" unpacks to more than the 1000 bytes it declares/);
  });

  it('still opens a small, honest Word file', async () => {
    const { document, problem } = await openOne('honest.docx', makeDocx(documentXml(['The harbour wall gave way at dawn.', 'Twelve boats were damaged.'])));
    expect(problem).toBeUndefined();
    expect(document!.text).toContain('Twelve boats were damaged.');
  });
});

describe('UTF-16 without a byte-order mark', () => {
  const RUSSIAN =
    'Мост через гавань закрыли во вторник утром после того, как инженеры нашли трещины в двух опорах.\n\n' +
    'Городской совет сообщил, что паромы будут ходить каждые полчаса, пока мост не откроют снова.\n';
  const CHINESE = '港口大桥星期二早上关闭，工程师在两个桥墩上发现了裂缝。\n\n市议会说，在大桥重新开放之前，渡轮每半小时开一班。\n';

  it('opens Cyrillic saved as UTF-16 LE, and Chinese saved as UTF-16 BE, with the encoding shown', async () => {
    const russian = await openOne('russian.txt', iconv.encode(RUSSIAN, 'utf-16le'));
    expect(russian.problem).toBeUndefined();
    expect(russian.document!.text).toBe(RUSSIAN);
    expect(russian.document!.metadata).toMatchObject({ format: 'text', encoding: 'utf-16le' });
    const chinese = await openOne('chinese.txt', iconv.encode(CHINESE, 'utf-16be'));
    expect(chinese.problem).toBeUndefined();
    expect(chinese.document!.text).toBe(CHINESE);
    expect(chinese.document!.metadata).toMatchObject({ format: 'text', encoding: 'utf-16be' });
  });

  it('a refused file opens beside the others in the encoding the person chooses, and it is remembered', async () => {
    const folder = await tempFolder();
    const good = join(folder, 'good.txt');
    const odd = join(folder, 'odd.txt');
    await writeFile(good, 'Harbour wall gives way\n\nThe harbour wall gave way at dawn on Tuesday.\n');
    // UTF-16 LE text in a script too mixed to be recognised: refused, but the person knows better.
    const text = 'Мост大桥закрыт关闭\n'.repeat(4);
    await writeFile(odd, iconv.encode(text, 'utf-16le'));
    const service = await createApiHandlers({ dataDir: join(folder, 'data'), samplesDir: folder, version: 't', author: 'Ana', compareWorker: 'in-process', pickFiles: async () => [] });
    try {
      const first = await dispatch(service.handlers, 'comparison:open', { paths: [good, odd] });
      expect(first).toMatchObject({ ok: true, value: { problems: [{ path: odd, encodingChoice: true }] } });
      // What the message's "Open as…" asks for: the file among the sources, in the encoding chosen.
      const chosen = await dispatch(service.handlers, 'source:setEncoding', { paths: [good, odd], path: odd, encoding: 'utf-16le' });
      expect(chosen).toMatchObject({ ok: true, value: { problems: [], choices: [{ path: good }, { path: odd, encoding: 'utf-16le' }] } });
      const opened = (chosen as unknown as { value: { comparison: { documents: { text: string }[] } } }).value.comparison.documents[1]!;
      expect(opened.text).toBe(text);
    } finally {
      await service.close();
    }
  });

  it('still refuses binary, and says the person may choose an encoding', async () => {
    const { problem } = await openOne('data.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + (i >> 3) * 31) % 256)));
    expect(problem).toMatchObject({ message: expect.stringMatching(/^"data\.txt" does not look like text\./), encodingChoice: true });
  });
});

describe('in the built import worker', () => {
  const worker = pathToFileURL(BUILT_WORKER);
  beforeAll(() => {
    if (!existsSync(BUILT_WORKER)) throw new Error(`The import worker is not built: ${BUILT_WORKER} is missing. Run \`npm run build\` first.`);
  });

  it('reads deep Markdown off the main thread', { timeout: 20_000 }, async () => {
    const result = await importDocument({ format: 'markdown', path: '/x/deep.md', text: nestedList(2_000) }, { worker });
    expect(result).toMatchObject({ ok: true, metadata: { format: 'markdown' } });
    const quotes = await importDocument({ format: 'markdown', path: '/x/quotes.md', text: '>'.repeat(50_000) + ' Bottom.' }, { worker });
    expect(quotes).toMatchObject({ ok: true, blocks: [{ text: 'Bottom.', kind: 'body' }] });
  });

  it('refuses a Word zip bomb there too', { timeout: 20_000 }, async () => {
    const bytes = makeDocx(documentXml(['A short article.'], ' '.repeat(20 * 1024 * 1024)));
    const result = await importDocument({ format: 'docx', path: '/x/bomb.docx', bytes }, { worker });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^"bomb\.docx" expands to 20 MB when unpacked/) });
  });

  it('says a Markdown file of markup only has no text', async () => {
    const result = await importDocument({ format: 'markdown', path: '/x/rules.md', text: '---\n\n***\n\n<div></div>\n' }, { worker });
    expect(result).toEqual({ ok: false, message: '"rules.md" has no text in it, only Markdown markup. Save the article\'s text in it, or choose another file.' });
  });
});
