import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/*.test.ts'],
    // Packs every published package and installs the tarballs once, for all test files.
    globalSetup: ['src/support/global-setup.ts'],
    // Installing with npm, downloading Node, Bun and Deno, and cloning the repository take time;
    // each file does its slow part in beforeAll.
    hookTimeout: 300_000,
    // Several compilers run at once in the TypeScript tests, on a machine that may be busy.
    testTimeout: 300_000,
    // Children that are killed must not take the worker with them.
    pool: 'forks',
  },
});
