// @ts-check
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Import boundaries, as in VS Code's layering:
 * - src/shared is the pure core: it imports only itself and pure libraries (no Electron, no Node,
 *   no React, no DOM-bound packages).
 * - src/renderer and src/main never import each other; both may import src/shared.
 * - `electron` is imported only by the thin wiring files of src/main, never by its services.
 */
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'url', 'worker_threads', 'stream', 'util'];

/**
 * The renderer's own layers (src/renderer/src), lowest first:
 * - lib/: pure helpers (no React state, no window.api): imports no hooks and no components;
 * - state/: the reducers: imports lib/, never hooks or components;
 * - hooks/: the only code that talks to main (through hooks/useApi.ts alone): never components;
 * - components/: take props, may use hooks; App.tsx puts it all together.
 */
const rendererBoundaries = [
  { group: ['electron', 'electron/*'], message: 'The page reaches main only through window.api.' },
  { group: nodeBuiltins, message: 'The page has no Node.' },
  { group: ['**/main/**', '../main', '../../main'], message: 'The renderer never imports main.' },
];
const importsFrom = (/** @type {string[]} */ ...layers) => `^\\.{1,2}/(?:.*/)?(?:${layers.join('|')})(?:/|$)`;
/** @param {string} layer @param {string[]} above */
const rendererLayer = (layer, above) => ({
  files: [`src/renderer/src/${layer}/**/*.ts`, `src/renderer/src/${layer}/**/*.tsx`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...rendererBoundaries,
          { regex: importsFrom(...above), message: `Layers: ${layer}/ never imports from ${above.map((name) => `${name}/`).join(' or ')} (they are built on it).` },
        ],
      },
    ],
  },
});

/**
 * One way to main, and one way to a comparison:
 * - only hooks/useApi.ts touches window.api;
 * - only hooks/useComparison.ts asks main for a comparison (the channels that answer with one:
 *   opening files or the sample, and every `source:` change) or shows one (the `opened` action).
 *   Everything else calls its `openComparison`, so the latest-request guard, the progress, Cancel
 *   and the notes apply to every way of opening (tests/renderer/reopen.test.ts).
 */
const windowApi = {
  selector: "MemberExpression[object.name='window'][property.name='api']",
  message: 'Only hooks/useApi.ts touches window.api: ask through useApi or the capability hooks.',
};
const comparisonPath = [
  {
    selector: "CallExpression[arguments.0.value=/^(comparison:open(Sample)?|source:[A-Za-z]+)$/]",
    message: 'Comparisons are asked of main only by openComparison (hooks/useComparison.ts): call that.',
  },
  {
    selector: "Property[key.name='type'][value.value='opened']",
    message: 'A comparison is shown only by openComparison (hooks/useComparison.ts): call that.',
  },
];

export default tseslint.config(
  { ignores: ['.tsbuild/**', 'out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**', '.eval/**', 'reports/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The core runs everywhere: no Electron in src/shared.' },
            { group: nodeBuiltins, message: 'The core runs everywhere: no Node built-ins in src/shared.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'lowdb', 'lowdb/*'], message: 'The core is pure: no React or storage in src/shared.' },
            { group: ['**/main/**', '**/renderer/**', '../main', '../renderer'], message: 'src/shared imports only itself.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: rendererBoundaries }],
      'no-restricted-syntax': ['error', windowApi, ...comparisonPath],
    },
  },
  rendererLayer('lib', ['hooks', 'components']),
  rendererLayer('state', ['hooks', 'components']),
  rendererLayer('hooks', ['components']),
  { files: ['src/renderer/src/hooks/useApi.ts'], rules: { 'no-restricted-syntax': ['error', ...comparisonPath] } },
  { files: ['src/renderer/src/hooks/useComparison.ts'], rules: { 'no-restricted-syntax': ['error', windowApi] } },
  {
    // Typed lint, for the page: a promise is awaited, or handed on, or marked `void` where the call
    // tells its own failure (every action does, in the message area); never passed where a plain
    // callback is expected.
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx', 'tests/renderer/**/*.ts', 'tests/renderer/**/*.tsx'],
    languageOptions: { parserOptions: { project: './tsconfig.web.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['src/main/services/**/*.ts', 'src/main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'Services are plain Node: Electron stays in the wiring layer.' },
            { group: ['**/renderer/**'], message: 'main never imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'main never imports the renderer.' }] }],
    },
  },
);
