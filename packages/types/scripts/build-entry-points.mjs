// Writes the package's ESM and CommonJS declaration entry points, dist/index.d.mts and
// dist/index.d.cts, from src/index.d.ts: the same re-exports of the generated declarations, with
// their paths made relative to dist/. TypeScript reads a .d.mts as ESM and a .d.cts as CommonJS
// whatever the package's "type", so `import` and `require` each get declarations of their own
// format. There is no JavaScript to build: the package is declarations only.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';

const packageDir = new URL('../', import.meta.url);
const source = await readFile(new URL('src/index.d.ts', packageDir), 'utf8');

const specifier = /from '\.\/generated\/([\w-]+)\.js'/g;
const reExports = source.match(specifier) ?? [];
if (reExports.length === 0) {
  throw new Error("src/index.d.ts re-exports nothing from './generated/': update this script");
}
const entry =
  `// Built from src/index.d.ts by scripts/build-entry-points.mjs: do not edit.\n` +
  source.replace(specifier, "from '../src/generated/$1.js'");

await mkdir(new URL('dist/', packageDir), { recursive: true });
for (const name of ['index.d.mts', 'index.d.cts']) {
  // Written aside, then renamed: `pnpm pack` (prepack) may run while a build writes the same file.
  const temporary = new URL(`dist/${name}.${process.pid}.tmp`, packageDir);
  await writeFile(temporary, entry);
  await rename(temporary, new URL(`dist/${name}`, packageDir));
}
console.log(`wrote dist/index.d.mts and dist/index.d.cts (${reExports.length} re-exports)`);
