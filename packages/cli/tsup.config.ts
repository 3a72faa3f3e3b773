import { defineConfig } from 'tsup';

export default defineConfig({
  // The command is ESM only: it awaits its run at the top level. It has no library entry point.
  entry: ['src/cli.ts'],
  format: ['esm'],
  clean: true,
  target: 'es2022',
  sourcemap: false,
});
