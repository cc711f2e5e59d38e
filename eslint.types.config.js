// Type-aware lint rules, run by `npm run lint:types` (and by `npm test`): a promise nobody awaits or catches, a
// promise where a void callback is expected (an event handler), and a switch that forgets a case of a union are bugs
// the compiler alone lets through. They need the whole program's types — as long as a typecheck — so they live apart
// from `npm run lint`, which stays quick enough to run at every save.
import tseslint from 'typescript-eslint';
import { IGNORES } from './eslint.config.js';

export default tseslint.config(
  { ignores: IGNORES },
  // The other rules' directives (e.g. no-control-regex) are `npm run lint`'s to check.
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.base],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.node.json', './tsconfig.web.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
);
