import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Real sockets on a machine shared with other suites: generous, as no test waits on purpose.
    testTimeout: 30_000,
    setupFiles: ['src/test-support/token-audit.setup.ts'],
    typecheck: {
      enabled: true,
      include: ['src/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
