import { defineConfig } from 'vitest/config';

// The unit project only: the e2e pages run in Chromium, whose clock this cannot move. The crash test is left
// out for time (it does not depend on the hour).
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/unit/**/*.test.ts'],
    exclude: ['tests/unit/sync/crash.test.ts', '**/node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
