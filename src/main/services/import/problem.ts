/**
 * A file that could be read but not imported, with the reason in words for the person. Parsers
 * throw it; `parseDocument` and the worker turn it into a problem result, never a crash.
 */
export class ImportProblem extends Error {
  override readonly name = 'ImportProblem';
}

/** The file's name as people see it: the last part of its path. */
export function displayName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
