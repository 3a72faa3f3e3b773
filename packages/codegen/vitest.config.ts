import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The CLI tests run the real generator in child processes.
    testTimeout: 180_000,
  },
});
