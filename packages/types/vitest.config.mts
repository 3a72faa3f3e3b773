import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // This package ships declarations only, so every test here is a type test; the installed
    // tarball is tested by packages/consumer-tests.
    typecheck: {
      enabled: true,
      only: true,
      include: ['src/**/*.test-d.ts'],
      tsconfig: './tsconfig.test.json',
    },
  },
});
