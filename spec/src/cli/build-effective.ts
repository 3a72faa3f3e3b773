import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { stringify } from 'yaml';
import { buildEffectiveDocument } from '../effective-document.js';
import { entryFiles } from '../entry/entry-files.js';
import { specFiles } from '../spec-files.js';

// Builds the effective document (YAML and JSON) and the package entry that exports it.

const { document, unmatchedActions } = await buildEffectiveDocument();

if (unmatchedActions.length > 0) {
  for (const action of unmatchedActions) {
    console.error(
      `overlay action matches nothing: ${action.target}\n  (${action.description ?? 'no description'})`,
    );
  }
  console.error('Every correction must apply: update or remove the stale overlay actions.');
  process.exit(1);
}

// Formatted with the repository's prettier settings, so the files are stable and pass its check.
const formatted = async (file: string, text: string): Promise<string> =>
  format(text, { ...(await resolveConfig(file)), filepath: file });

const outputs: Record<string, string> = {
  [specFiles.effectiveJson]: await formatted(specFiles.effectiveJson, JSON.stringify(document)),
  [specFiles.effectiveYaml]: await formatted(
    specFiles.effectiveYaml,
    stringify(document, { lineWidth: 0 }),
  ),
};

for (const [file, contents] of Object.entries(outputs)) {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, contents);
}
await mkdir(specFiles.dist, { recursive: true });
for (const [name, contents] of Object.entries(entryFiles(outputs[specFiles.effectiveJson]!))) {
  await writeFile(join(specFiles.dist, name), contents);
}
console.log(`wrote ${relative(process.cwd(), specFiles.effectiveYaml)}, its JSON twin and dist/`);
