import { resolve } from 'node:path';
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

// The command runs from dist/, beside the package entry that knows the spec's version and hash.
const entry = new URL('./index.js', import.meta.url).href;
const { apiVersion, documentSha256 } = (await import(entry)) as {
  apiVersion: string;
  documentSha256: string;
};
const expected = { version: apiVersion, sha256: documentSha256 };

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
