import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The sync tests extract, diff and classify whole documents: seconds under a loaded machine.
    testTimeout: 60_000,
  },
});
