import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { validator: 'src/validator/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  // dist/ also holds the entry that build-effective writes, so it is not wiped here.
  clean: false,
  target: 'es2022',
});
