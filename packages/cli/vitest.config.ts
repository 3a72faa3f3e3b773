import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The tests run the built command as a child process against a fake on real sockets, on a
    // machine shared with other suites: generous, as no test waits on purpose.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
