import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // A sync extracts, generates and compiles both versions of every package: seconds each, and
    // more on a loaded machine.
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
