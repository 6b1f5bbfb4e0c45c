/**
 * Small pieces of the words the page says to the person in its messages: a file's name, a count,
 * a name for pasted text. Pure, so the hooks that speak and the tests share them.
 */

/** The last part of a path, for messages ("C:\\a\\b.txt" → "b.txt"). */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

/** A count with its noun: "1 file", "3 files" (`many`: an irregular plural). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A short name for pasted text: its first words, or "Pasted text". */
export function nameForPaste(text: string): string {
  const line = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).find((l) => l.length > 0) ?? '';
  if (!line) return 'Pasted text';
  if (line.length <= 60) return line;
  const cut = line.slice(0, 60);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > 30 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}
