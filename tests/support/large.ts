import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedPaths } from './seeds.js';

/**
 * Two long documents made of the seed articles' sentences, shuffled (the same every run), for
 * tests of progress and cancelling: `words` words each, in paragraphs of two to five sentences.
 */
export function largeArticles(words: number): { a: string; b: string } {
  const sentences: string[] = [];
  for (const path of seedPaths()) {
    for (const sentence of readFileSync(path, 'utf8').split(/(?<=[.!?])\s+/)) {
      const clean = sentence.replace(/\s+/g, ' ').trim();
      if (clean.split(' ').length > 5) sentences.push(clean);
    }
  }
  let state = 1;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const article = (title: string): string => {
    const paragraphs: string[] = [];
    let count = 0;
    while (count < words) {
      const size = 2 + Math.floor(random() * 4);
      const paragraph: string[] = [];
      for (let i = 0; i < size; i++) {
        const sentence = sentences[Math.floor(random() * sentences.length)]!;
        paragraph.push(sentence);
        count += sentence.split(' ').length;
      }
      paragraphs.push(paragraph.join(' '));
    }
    return `${title}\n\n${paragraphs.join('\n\n')}\n`;
  };
  return { a: article('A long report'), b: article('Another long report') };
}

/**
 * The two long articles written to a temporary folder, as files to open: their paths, and a
 * function that removes the folder.
 */
export async function largeArticleFiles(words: number, prefix: string): Promise<{ paths: string[]; remove: () => Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  const { a, b } = largeArticles(words);
  const paths = [join(folder, 'long-report-a.txt'), join(folder, 'long-report-b.txt')];
  await writeFile(paths[0]!, a);
  await writeFile(paths[1]!, b);
  return { paths, remove: () => rm(folder, { recursive: true, force: true }) };
}
