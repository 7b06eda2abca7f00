// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { tidyPlugin } from './scripts/lint/no-literal-ui-text.js';

/** Folder boundaries, enforced here rather than remembered (see STYLE.md). */
const pureCoreGlobals = [
  'window',
  'document',
  'location',
  'navigator',
  'chrome',
  'browser',
  'localStorage',
  'indexedDB',
].map((name) => ({ name, message: 'src/extract and src/clutter are pure: take what you need as a parameter.' }));

const noFocusedOrSkipped = ['describe', 'it', 'test'].flatMap((object) =>
  ['only', 'skip', 'todo'].map((property) => ({ object, property, message: 'No focused, skipped or todo tests.' })),
);

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'out/', 'coverage/', '.cache/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json', './tsconfig.node.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports (default exports only in config files).' },
      ],
      'no-restricted-properties': ['error', ...noFocusedOrSkipped],
    },
  },
  {
    files: ['*.config.{js,ts}', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['eslint.config.js', 'bin/**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'No Node APIs in extension code (only src/cli).' },
            { group: ['webextension-polyfill'], message: 'Import { browser } from src/shared/browser.' },
          ],
        },
      ],
    },
  },
  {
    // src/shared/host.ts is held to the core's rules, so the core may share it with the extension.
    files: ['src/extract/**', 'src/clutter/**', 'src/shared/host.ts'],
    rules: {
      'no-restricted-globals': ['error', ...pureCoreGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/shared/**',
                '!**/shared/host',
                '**/content/**',
                '**/background/**',
                '**/ui/**',
                '**/storage/**',
                'webextension-polyfill',
                'node:*',
              ],
              message: 'The extraction core is pure and isomorphic: it imports nothing from the extension.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/storage/**'],
              message: 'Content scripts run in the page origin: storage belongs to the background.',
            },
            {
              group: ['**/ui/**', '**/background/**'],
              message: 'The content script only talks to other contexts by message.',
            },
            { group: ['webextension-polyfill'], message: 'Import { browser } from src/shared/browser.' },
            { group: ['node:*'], message: 'No Node APIs in extension code (only src/cli).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**'],
    ignores: ['src/ui/api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/shared/browser', '**/shared/messaging/clients', 'webextension-polyfill'],
              message: 'UI reaches the extension only through src/ui/api.',
            },
            {
              group: ['**/storage/**', '**/background/**', '**/content/**'],
              message: 'UI talks to other contexts through src/ui/api.',
            },
            { group: ['node:*'], message: 'No Node APIs in extension code (only src/cli).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/storage/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/**', '**/content/**', '**/shared/browser'],
              message: 'Storage is a plain library owned by the background.',
            },
            { group: ['node:*'], message: 'No Node APIs in extension code (only src/cli).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/browser.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Every word a person reads comes from _locales (its own block, so boundary rules merge apart).
    files: ['src/ui/**/*.{ts,tsx}', 'src/content/**/*.ts'],
    plugins: { tidy: tidyPlugin },
    rules: { 'tidy/no-literal-ui-text': 'error' },
  },
  {
    files: ['scripts/lint/**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  // Deliberately wrong code that the rule's own test lints.
  { ignores: ['tests/fixtures/lint/literal-ui-text.tsx'] },
  {
    files: ['tests/**', 'scripts/**', 'src/cli/**', 'bin/**', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
