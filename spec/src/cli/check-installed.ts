import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkInstalledTypes } from '../installed-types-check.js';

// `conversation-kit-spec check <dir>`: does the generated package installed in <dir> match the
// spec package installed beside this command? A types-only consumer runs it in its own CI.

const USAGE = `Usage: conversation-kit-spec check <installed-package-dir>

Exits 0 when the package in <installed-package-dir> (for example
node_modules/@conversation-kit/types) was generated from the spec this @conversation-kit/spec
holds, 1 when it was generated from another, and 2 when it cannot tell.`;

const [command, directory, ...rest] = process.argv.slice(2);
if (command !== 'check' || directory === undefined || rest.length > 0) {
  console.error(USAGE);
  process.exit(command === '--help' ? 0 : 2);
}

// The command runs from dist/; the effective document sits beside dist/ in the package.
const documentPath = fileURLToPath(
  new URL('../effective/2.12/manage-conversation.json', import.meta.url),
);
const text = await readFile(documentPath, 'utf8');
const { info } = JSON.parse(text) as { info: { version: string } };
const expected = { version: info.version, sha256: createHash('sha256').update(text).digest('hex') };

try {
  const result = await checkInstalledTypes(resolve(directory), expected);
  if (result.status === 'match') {
    console.log(
      `${result.name}@${result.version} matches the spec (${expected.version}, sha256 ${expected.sha256.slice(0, 12)}).`,
    );
  } else if (result.status === 'drift') {
    console.error(
      `${result.name}@${result.version} was generated from spec ${result.installed.version} (sha256 ${result.installed.sha256.slice(0, 12)}), ` +
        `but @conversation-kit/spec holds ${expected.version} (sha256 ${expected.sha256.slice(0, 12)}). ` +
        'Update both to releases made together.',
    );
    process.exit(1);
  } else {
    console.error(
      `${result.name} carries no spec stamp (conversationKit.spec in its package.json).`,
    );
    process.exit(2);
  }
} catch (error) {
  console.error(
    `Cannot read ${directory}/package.json: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(2);
}
