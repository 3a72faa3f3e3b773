import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    // The bundler of declarations drops reference directives; this one types Symbol.asyncDispose.
    dts: { banner: '/// <reference lib="esnext.disposable" />' },
    clean: true,
    target: 'es2022',
  },
  {
    // The command is ESM only: it waits for the server at the top level.
    entry: ['src/cli.ts'],
    format: ['esm'],
    target: 'es2022',
  },
]);
