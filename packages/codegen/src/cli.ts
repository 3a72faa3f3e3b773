import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEffectiveSpec } from './effective-spec.js';
import { generateAliasChecks } from './generate-alias-checks.js';
import { generateFetch } from './generate-fetch.js';
import {
  findDrift,
  prepareGeneratedFiles,
  writeGeneratedDirectory,
} from './generated-directory.js';
import { generateTypes } from './generate-types.js';
import { specStamp, stampPackageJson } from './spec-stamp.js';

const USAGE = `Usage: conversation-kit-codegen <types|fetch|alias-checks> [--out DIR] [--spec FILE] [--package-json FILE] [--check|--write]

  types         openapi-typescript types and PascalCase aliases
  fetch         openapi-fetch bindings: operations, servers, one function per operation
  alias-checks  a consumer's type-level check of every alias of types, and of fetch's re-export
  --out      the folder to write (default: src/generated)
  --spec     the effective document, as JSON (default: the one @conversation-kit/spec ships)
  --package-json  the package.json to stamp with the spec's version and hash (default: package.json;
                  types and fetch only: the stamp is what a published package records of its spec)
  --check    write nothing; exit 1 naming each file that differs from what would be generated
  --write    write the files (the default, except under CI, where --check is)`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'src/generated' },
    'package-json': { type: 'string', default: 'package.json' },
    spec: { type: 'string' },
    check: { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

// What each target generates, and whether it stamps its package: the published packages record
// the spec they were generated from for `conversation-kit-spec check`; the consumer tests' checks
// carry it in their header only.
const TARGETS = {
  types: { generate: generateTypes, stamps: true },
  fetch: { generate: generateFetch, stamps: true },
  'alias-checks': { generate: generateAliasChecks, stamps: false },
} as const;

const target = positionals[0];
if (values.help || !isTarget(target) || positionals.length !== 1) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}

// Under CI, generation verifies instead of writing (as a frozen lockfile does), so a build there
// cannot quietly replace committed code that has drifted from the spec.
const ci = !['', '0', 'false'].includes((process.env['CI'] ?? '').toLowerCase());
const check = values.check || (ci && !values.write);
if (values.check && values.write) {
  console.error('Give --check or --write, not both');
  process.exit(2);
}
if (check && !values.check) {
  console.log('CI is set: checking the generated code instead of writing it (--write forces it)');
}

const spec = await loadEffectiveSpec(values.spec);
const { generate, stamps } = TARGETS[target];
const generated = await generate(spec);
const directory = resolve(values.out);
const files = await prepareGeneratedFiles(directory, generated);
const shown = relative(process.cwd(), directory) || '.';

const manifest = resolve(values['package-json']);
const stamp = specStamp(spec);

if (check) {
  const drifted = await findDrift(directory, files);
  if (stamps && (await stampPackageJson(manifest, stamp, false))) drifted.push(manifest);
  if (drifted.length > 0) {
    console.error(`Generated ${target} code has drifted from ${spec.source}:`);
    for (const file of drifted) console.error(`  ${relative(process.cwd(), file)}`);
    console.error('Run `pnpm generate` and commit the result.');
    process.exit(1);
  }
  console.log(`${shown}: ${Object.keys(files).length} files match ${spec.source}`);
} else {
  await writeGeneratedDirectory(directory, files);
  if (stamps) await stampPackageJson(manifest, stamp);
  console.log(`${shown}: wrote ${Object.keys(files).length} files from ${spec.source}`);
}

function isTarget(name: string | undefined): name is keyof typeof TARGETS {
  return name !== undefined && Object.hasOwn(TARGETS, name);
}
