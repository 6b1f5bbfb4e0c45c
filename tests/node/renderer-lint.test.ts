import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/seeds.js';

/**
 * The renderer's lint rules (eslint.config.js) hold what its structure promises: its layers
 * (lib/ and state/ below hooks/, hooks/ below components/), one module touching window.api, and
 * one way to a comparison (hooks/useComparison.ts). Each rule is tried on a few lines linted as if
 * they were a file of the page. The typed rules are off here (they need the whole program, and
 * `npm run lint` runs them on the real files).
 */

const eslint = new ESLint({
  cwd: REPO_ROOT,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});

/** The rules broken by `code` as the file at `path` (under src/renderer/src), with their lines. */
async function broken(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `src/renderer/src/${path}` });
  return (result?.messages ?? []).map((message) => `${message.line} ${message.ruleId ?? message.message}`);
}

describe("the renderer's layers", () => {
  it('lib/ imports neither hooks/ nor components/', async () => {
    expect(await broken('lib/x.ts', "import { useApi } from '../hooks/useApi';\nimport { A } from '../components/A';\nexport const x = [useApi, A];\n")).toEqual([
      '1 no-restricted-imports',
      '2 no-restricted-imports',
    ]);
  });

  it('state/ imports neither hooks/ nor components/, but may use lib/', async () => {
    expect(await broken('state/x.ts', "import { useApi } from '../hooks/useApi';\nimport { A } from '../components/A';\nimport { b } from '../lib/b';\nexport const x = [useApi, A, b];\n")).toEqual([
      '1 no-restricted-imports',
      '2 no-restricted-imports',
    ]);
  });

  it('hooks/ imports no components/, but may use lib/, state/ and other hooks', async () => {
    expect(
      await broken('hooks/x.ts', "import { A } from '../components/A';\nimport { b } from '../lib/b';\nimport { c } from '../state/c';\nimport { d } from './useApi';\nexport const x = [A, b, c, d];\n"),
    ).toEqual(['1 no-restricted-imports']);
  });

  it('components/ may use them all; the page never imports main', async () => {
    expect(await broken('components/X.tsx', "import { a } from '../hooks/a';\nimport { b } from '../lib/b';\nimport { c } from '../state/c';\nexport const x = [a, b, c];\n")).toEqual([]);
    expect(await broken('components/X.tsx', "import { a } from '../../../main/services/api';\nexport const x = a;\n")).toEqual(['1 no-restricted-imports']);
  });
});

describe('one way to main, and one way to a comparison', () => {
  const asking = [
    "declare const call: (channel: string, request: object, doing: string) => void;",
    "call('comparison:open', { paths: [] }, 'x');",
    "call('comparison:openSample', {}, 'x');",
    "call('source:setLabel', {}, 'x');",
    "call('comparison:recent', {}, 'x');",
    "export const request = { channel: 'comparison:open', request: { paths: [] } };",
  ].join('\n');

  it('only hooks/useComparison.ts asks main for a comparison (files, the sample, a change to a source)', async () => {
    expect(await broken('hooks/useSources.ts', asking)).toEqual(['2 no-restricted-syntax', '3 no-restricted-syntax', '4 no-restricted-syntax']);
    expect(await broken('components/X.tsx', asking)).toEqual(['2 no-restricted-syntax', '3 no-restricted-syntax', '4 no-restricted-syntax']);
    expect(await broken('hooks/useComparison.ts', asking)).toEqual([]);
  });

  it('only hooks/useComparison.ts shows one', async () => {
    const showing = "declare const dispatch: (action: object) => void;\ndispatch({ type: 'opened', open: null });\ndispatch({ type: 'busy', what: null });\n";
    expect(await broken('hooks/useOpening.ts', showing)).toEqual(['2 no-restricted-syntax']);
    expect(await broken('hooks/useComparison.ts', showing)).toEqual([]);
  });

  it('only hooks/useApi.ts touches window.api', async () => {
    const touching = 'export const api = window.api;\n';
    expect(await broken('components/X.tsx', touching)).toEqual(['1 no-restricted-syntax']);
    expect(await broken('hooks/useComparison.ts', touching)).toEqual(['1 no-restricted-syntax']);
    expect(await broken('hooks/useApi.ts', touching)).toEqual([]);
  });
});
