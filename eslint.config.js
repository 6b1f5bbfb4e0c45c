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
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The page reaches main only through window.api.' },
            { group: nodeBuiltins, message: 'The page has no Node.' },
            { group: ['**/main/**', '../main', '../../main'], message: 'The renderer never imports main.' },
          ],
        },
      ],
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
