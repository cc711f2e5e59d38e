// Lint rules, including the import boundaries that keep each layer where it may run:
// shared/ runs everywhere (no electron, no node:*), renderer/ never reaches into electron/,
// electron/core/ stays Electron-free so it runs and is tested under plain Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Never linted: build output, generated migrations, scratch files (also read by eslint.types.config.js). */
export const IGNORES = ['dist/**', 'release/**', 'node_modules/**', 'electron/core/db/migrations/**', 'scripts/tmp/**'];

const noElectron = { name: 'electron', message: 'The core runs under plain Node: no Electron here.' };
/** Outside electron/core/db/: the database is reached through its stores only (db/stores.ts). */
const electronPaths = [
  {
    name: 'drizzle-orm',
    message: 'Queries live in electron/core/db/ (one module per table): add a store method there.',
  },
];
const databasePatterns = [
  {
    group: ['drizzle-orm/*', '**/db/schema', '**/db/statement'],
    message: 'Queries live in electron/core/db/ (one module per table): add a store method there.',
  },
  {
    group: ['**/db/open'],
    importNames: ['openDatabase', 'closeDatabase', 'CounterDb'],
    message: 'The database handle stays in electron/core/db/: the engine opens it through db/stores.ts.',
  },
];

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'url', 'events'];

export default tseslint.config(
  { ignores: IGNORES },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ runs in the renderer too: no Electron.' }],
          patterns: [{ group: nodeBuiltins, message: 'shared/ runs in the renderer too: no Node built-ins.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to the core through the contract only.' }],
          patterns: [
            { group: ['**/electron/**', '../electron/*'], message: 'The renderer imports nothing from electron/.' },
            { group: nodeBuiltins, message: 'The renderer runs in a sandboxed page: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    // electron/core/db/ itself: no Electron (the blocks below say the same, and more, for the rest of electron/).
    files: ['electron/core/db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    // The database stays inside electron/core/db/ (issue 12, item 3): one module per table holds its SQL, and
    // capability modules receive those stores (db/stores.ts), never the handle, the schema or the query builder.
    files: ['electron/**/*.ts'],
    ignores: ['electron/core/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='$client']",
          message: 'Only electron/core/db/ touches the database handle: add a store there and take it as a dependency.',
        },
      ],
      'no-restricted-imports': ['error', { paths: electronPaths, patterns: databasePatterns }],
    },
  },
  {
    // The core and its hosts that run under plain Node: no Electron either (the rule above, and this one, in full:
    // a later block replaces a rule's options rather than adding to them).
    files: ['electron/core/**/*.ts', 'electron/sandbox/**/*.ts', 'electron/web/**/*.ts'],
    ignores: ['electron/core/db/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...electronPaths, noElectron], patterns: databasePatterns }],
    },
  },
  {
    // A fake that shares code with the real thing cannot catch its bugs: the sandbox never imports the engine,
    // nor the counter's own poster checks.
    files: ['electron/sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...electronPaths, noElectron],
          patterns: [
            ...databasePatterns,
            {
              group: ['**/core/**', '**/core'],
              message: 'The sandbox fakes the platform: it never imports the engine.',
            },
            {
              group: ['**/shared/imageSize', '**/shared/poster'],
              message: 'The sandbox checks posters with its own code (routes/imageHeader.ts).',
            },
          ],
        },
      ],
    },
  },
);
