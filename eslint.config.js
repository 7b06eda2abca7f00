// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { tidyPlugin } from './scripts/lint/no-literal-ui-text.js';

/**
 * Folder boundaries, enforced here rather than remembered (see STYLE.md). Each folder's block
 * lists everything it may not import: a later block replaces an earlier one's list for its files,
 * so every list carries the rules common to all extension code (`base`) too. A test lints
 * deliberately wrong files against these rules (tests/unit/conventions/boundaries.test.ts).
 */
const PURE_MESSAGE =
  'src/extract, src/clutter, src/sanitise and src/highlights are pure: take what you need as a parameter.';
/** Every context of the extension and the CLI: the pure cores (extraction, filter lists) import none. */
const EXTENSION_CONTEXTS = [
  '**/content/**',
  '**/background/**',
  '**/ui/**',
  '**/storage/**',
  '**/library-io/**',
  '**/offscreen/**',
  '**/cli/**',
];

const pureCoreGlobals = [
  'window',
  'document',
  'location',
  'navigator',
  'chrome',
  'browser',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'DOMParser',
  'performance',
  // The ways around the names above.
  'globalThis',
  'self',
].map((name) => ({ name, message: PURE_MESSAGE }));

/** Import patterns, each with the reason it is refused. */
const nodeApis = { group: ['node:*'], message: 'No Node APIs in extension code (only src/cli).' };
const polyfill = { group: ['webextension-polyfill'], message: 'Import { browser } from src/shared/browser.' };
const base = [nodeApis, polyfill];

/** `no-restricted-imports` refusing `patterns` and what no extension code may import. */
function refuseImports(...patterns) {
  return ['error', { patterns: [...patterns, ...base] }];
}

/** Modules that reach the extension's APIs: the polyfill, the one handle, the messengers. */
const EXTENSION_APIS = ['webextension-polyfill', '**/shared/browser', '**/shared/messaging/**'];

const noFocusedOrSkipped = ['describe', 'it', 'test'].flatMap((object) =>
  ['only', 'skip', 'todo'].map((property) => ({ object, property, message: 'No focused, skipped or todo tests.' })),
);
const noDefaultExport = {
  selector: 'ExportDefaultDeclaration',
  message: 'Use named exports (default exports only in config files).',
};
const noDynamicImport = {
  selector: 'ImportExpression',
  message: `${PURE_MESSAGE} It loads no module at run time either.`,
};
/** HTML from a page is parsed only into the engine's inert copy, by src/extract/inert-document.ts. */
const noHtmlWrites = [
  "AssignmentExpression[left.type='MemberExpression'][left.property.name=/^(innerHTML|outerHTML)$/]",
  'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|write|writeln)$/]',
].map((selector) => ({
  selector,
  message: 'Parse HTML only into the inert copy: writeInertHtml (src/extract/inert-document.ts).',
}));

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'out/',
      'coverage/',
      '.cache/',
      'bench/results/',
      // Deliberately wrong files, linted by a test as if they were elsewhere.
      'tests/fixtures/lint/',
    ],
  },
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
      'no-restricted-syntax': ['error', noDefaultExport],
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
    rules: { 'no-restricted-imports': refuseImports() },
  },
  {
    files: ['src/content/**'],
    rules: {
      'no-restricted-imports': refuseImports(
        {
          group: ['**/storage/**'],
          message: 'Content scripts run in the page origin: storage belongs to the background.',
        },
        {
          group: ['**/ui/**', '**/background/**', '**/offscreen/**', '**/library-io/**'],
          message: 'The content script only talks to other contexts by message.',
        },
      ),
    },
  },
  {
    files: ['src/ui/**'],
    ignores: ['src/ui/api/**'],
    rules: {
      'no-restricted-imports': refuseImports(
        {
          group: ['**/shared/browser', '**/shared/messaging/clients', 'webextension-polyfill'],
          message: 'UI reaches the extension only through src/ui/api.',
        },
        {
          group: ['**/storage/**', '**/background/**', '**/content/**', '**/offscreen/**', '**/library-io/**'],
          message: 'UI talks to other contexts through src/ui/api.',
        },
      ),
    },
  },
  {
    files: ['src/ui/api/**'],
    rules: {
      'no-restricted-imports': refuseImports({
        group: ['**/background/**', '**/content/**', '**/offscreen/**'],
        message: 'src/ui/api talks to other contexts by message, never by importing them.',
      }),
    },
  },
  {
    files: ['src/storage/**'],
    rules: {
      'no-restricted-imports': refuseImports(
        {
          group: EXTENSION_APIS,
          message: 'Storage is a plain library owned by the background: it reaches no extension API.',
        },
        {
          group: ['**/ui/**', '**/content/**', '**/background/**', '**/offscreen/**', '**/library-io/**'],
          message: 'Storage is a plain library owned by the background.',
        },
      ),
    },
  },
  {
    // The sync core runs in Node for its tests against real WebDAV servers: it is given its fetch.
    files: ['src/sync/**'],
    rules: {
      'no-restricted-imports': refuseImports(
        {
          group: EXTENSION_APIS,
          message: 'src/sync is the sync core: the background wires it to the extension.',
        },
        {
          group: [
            '**/ui/**',
            '**/content/**',
            '**/background/**',
            '**/offscreen/**',
            '**/storage/**',
            '**/library-io/**',
          ],
          message: 'src/sync is the sync core: the library reaches it through the LocalLibrary interface.',
        },
      ),
      'no-restricted-globals': ['error', { name: 'fetch', message: 'src/sync is given its fetch (DavOptions).' }],
    },
  },
  {
    // The send-to clients run in Node for their tests against the stand-in servers: given their fetch.
    files: ['src/sendto/**'],
    rules: {
      'no-restricted-imports': refuseImports(
        {
          group: EXTENSION_APIS,
          message: 'src/sendto is a client core: the background wires it to the extension.',
        },
        {
          group: [
            '**/ui/**',
            '**/content/**',
            '**/background/**',
            '**/offscreen/**',
            '**/storage/**',
            '**/library-io/**',
          ],
          message: 'src/sendto is a client core: the background gives it the article.',
        },
      ),
      'no-restricted-globals': ['error', { name: 'fetch', message: 'src/sendto is given its fetch.' }],
    },
  },
  {
    files: ['src/library-io/**'],
    rules: {
      'no-restricted-imports': refuseImports(
        {
          group: EXTENSION_APIS,
          message: 'src/library-io converts and parses: the background and offscreen document call it.',
        },
        {
          group: ['**/background/**', '**/offscreen/**', '**/ui/**', '**/content/**'],
          message: 'src/library-io is a library the background and offscreen document use, not one that uses them.',
        },
      ),
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/storage/**'],
              allowTypeImports: true,
              message: 'src/library-io reads and writes records given to it: the background owns storage.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/background/**'],
    rules: {
      'no-restricted-imports': refuseImports({
        group: ['**/ui/**', '**/content/**', '**/offscreen/**', '**/cli/**'],
        message: 'The background talks to pages, content scripts and the offscreen document by message.',
      }),
    },
  },
  {
    files: ['src/offscreen/**'],
    rules: {
      'no-restricted-imports': refuseImports({
        group: ['**/background/**', '**/ui/**', '**/content/**', '**/storage/**', '**/cli/**'],
        message: 'The offscreen document only serves the DOM work (src/library-io) it is asked for by message.',
      }),
    },
  },
  {
    files: ['src/shared/**'],
    ignores: ['src/shared/browser.ts'],
    rules: {
      'no-restricted-imports': refuseImports({
        group: ['**/background/**', '**/ui/**', '**/content/**', '**/offscreen/**', '**/cli/**'],
        message: 'src/shared is used by every context and depends on none of them.',
      }),
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/storage/**', '**/library-io/**'],
              allowTypeImports: true,
              message: 'src/shared may name the types other modules exchange, not run their code.',
            },
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
    // src/shared/host.ts is held to the core's rules, so the core may share it with the extension.
    files: ['src/extract/**', 'src/clutter/**', 'src/sanitise/**', 'src/highlights/**', 'src/shared/host.ts'],
    rules: {
      'no-restricted-globals': ['error', ...pureCoreGlobals],
      'no-restricted-syntax': ['error', noDefaultExport, noDynamicImport, ...noHtmlWrites],
      'no-restricted-imports': refuseImports({
        group: ['**/shared/**', '!**/shared/host', ...EXTENSION_CONTEXTS, 'webextension-polyfill'],
        message: 'The extraction core is pure and isomorphic: it imports nothing from the extension.',
      }),
    },
  },
  {
    // The list parser and matcher run in the background, the offscreen document and Node (tests):
    // they read the list text and the page's tokens they are given, and reach nothing themselves.
    files: ['src/filter-lists/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...pureCoreGlobals.map(({ name }) => ({
          name,
          message: 'src/filter-lists is pure: the background downloads the lists and hands it the text.',
        })),
      ],
      'no-restricted-imports': refuseImports({
        group: [
          '**/shared/browser',
          '**/shared/messaging/clients',
          '**/shared/messaging/messenger',
          ...EXTENSION_CONTEXTS,
        ],
        message: 'src/filter-lists is pure: it imports nothing that reaches the extension or another context.',
      }),
    },
  },
  {
    // The engine's one HTML write, into a document it has checked is an inert copy.
    files: ['src/extract/inert-document.ts'],
    rules: { 'no-restricted-syntax': ['error', noDefaultExport, noDynamicImport] },
  },
  {
    files: ['tests/**', 'scripts/**', 'src/cli/**', 'bin/**', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
