import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { validator: 'src/validator/index.ts', document: 'src/document/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    // dist/ also holds the entry that build-effective writes, so it is not wiped here.
    clean: false,
    target: 'es2022',
  },
  {
    // The `conversation-kit-spec` command: ESM only, it waits at the top level.
    entry: { 'check-installed': 'src/cli/check-installed.ts' },
    format: ['esm'],
    clean: false,
    target: 'es2022',
  },
]);
