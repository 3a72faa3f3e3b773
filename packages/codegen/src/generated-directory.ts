import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatSource } from './format-source.js';

const README = `# Generated code: do not edit

Everything in this folder is written by \`@conversation-kit/codegen\` from the effective OpenAPI
document of \`@conversation-kit/spec\`. Change the spec or its overlay and run \`pnpm generate\`;
CI fails when these files differ from what the generator produces.
`;

/**
 * Formats generated files and adds the folder's "do not edit" README: the exact contents the
 * folder must hold, keyed by file name.
 *
 * @example
 * const files = await prepareGeneratedFiles('packages/types/src/generated', generated);
 */
export async function prepareGeneratedFiles(
  directory: string,
  files: Record<string, string>,
): Promise<Record<string, string>> {
  const prepared: Record<string, string> = {};
  for (const [name, text] of Object.entries({ ...files, 'README.md': README }).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    prepared[name] = await formatSource(text, join(directory, name));
  }
  return prepared;
}

/**
 * Replaces the folder's contents with exactly these files.
 *
 * @example
 * await writeGeneratedDirectory('packages/types/src/generated', files);
 */
export async function writeGeneratedDirectory(
  directory: string,
  files: Record<string, string>,
): Promise<void> {
  await rm(directory, { recursive: true, force: true });
  await mkdir(directory, { recursive: true });
  for (const [name, contents] of Object.entries(files)) {
    await writeFile(join(directory, name), contents);
  }
}

/**
 * Names the files in which the folder differs from what it must hold: changed, missing, or not
 * generated at all. An empty list means no drift.
 *
 * @example
 * const drifted = await findDrift('packages/types/src/generated', files);
 */
export async function findDrift(
  directory: string,
  files: Record<string, string>,
): Promise<string[]> {
  const present = await readdir(directory).catch(() => [] as string[]);
  const drifted = present.filter((name) => !(name in files));
  for (const [name, contents] of Object.entries(files)) {
    const actual = await readFile(join(directory, name), 'utf8').catch(() => undefined);
    if (actual !== contents) drifted.push(name);
  }
  return drifted.sort().map((name) => join(directory, name));
}
