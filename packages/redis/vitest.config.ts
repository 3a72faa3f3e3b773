import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Real Redis servers and worker processes on a shared machine: generous, never waited on.
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
