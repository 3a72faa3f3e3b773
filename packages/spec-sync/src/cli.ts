import { access, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { repositoryRoot } from './repo-root.js';
import { syncReport } from './sync-report.js';
import { syncUpstream } from './sync-upstream.js';

// Syncs the spec package's fragment with an upstream OpenAPI document. Exits 0 when synced or when
// there is nothing to sync, 1 when an example is still invalid after the overlay (a missing
// correction; the fragment is written all the same), 2 when the upstream is refused (nothing written).

const USAGE = `Usage: pnpm --filter @conversation-kit/spec-sync sync <path-or-url> [--dry-run] [--api-version X.Y]

  --dry-run         report what would change, and write nothing
  --api-version     move every package to the API version the document describes
  --outcome FILE    also write the outcome as JSON, for the script that drives the sync`;

let parsed: ReturnType<typeof parse>;
try {
  parsed = parse();
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help || positionals.length !== 1) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}

const root = await repositoryRoot(fileURLToPath(new URL('.', import.meta.url)));
const given = positionals[0]!;
const outcome = await syncUpstream({
  source: await located(given),
  sourceLabel: given,
  specDirectory: join(root, 'spec'),
  changesetDirectory: join(root, '.changeset'),
  repositoryRoot: root,
  apiVersion: values['api-version'],
  dryRun: values['dry-run'],
});
const report = syncReport(outcome, process.env['INIT_CWD'] ?? process.cwd());
if (outcome.status === 'refused') console.error(report);
else console.log(report);
if (values.outcome) {
  const changed = outcome.status === 'synced' && !outcome.dryRun;
  await writeFile(
    values.outcome,
    JSON.stringify({ status: outcome.status, changed, exitCode: outcome.exitCode }),
  );
}
process.exit(outcome.exitCode);

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      'api-version': { type: 'string' },
      outcome: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
}

// pnpm runs the script in the package's directory: a relative path is taken from where pnpm was
// invoked when it names a file there, else from here.
async function located(source: string): Promise<string> {
  if (/^https?:\/\//i.test(source) || isAbsolute(source)) return source;
  const invokedFrom = process.env['INIT_CWD'];
  if (invokedFrom) {
    const candidate = resolve(invokedFrom, source);
    const found = await access(candidate).then(
      () => true,
      () => false,
    );
    if (found) return candidate;
  }
  return resolve(source);
}
