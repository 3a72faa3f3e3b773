import { access } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { specFiles } from '../spec-files.js';
import { repositoryRoot } from '../sync/repo-root.js';
import { syncReport } from '../sync/sync-report.js';
import { syncUpstream } from '../sync/sync-upstream.js';

// Syncs the fragment with an upstream OpenAPI document:
//   pnpm --filter @conversation-kit/spec sync <path-or-url> [--dry-run]
// Exits 0 when synced, 1 when an example is still invalid after the overlay (a missing
// correction; the fragment is written all the same), 2 when the upstream is refused (nothing written).

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const sources = args.filter((arg) => !arg.startsWith('--'));
const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--dry-run');
if (sources.length !== 1 || unknown.length > 0) {
  console.error('usage: pnpm --filter @conversation-kit/spec sync <path-or-url> [--dry-run]');
  process.exit(2);
}

const outcome = await syncUpstream({
  source: await located(sources[0]!),
  fragmentPath: specFiles.fragment,
  overlayPath: specFiles.overlay,
  changesetDirectory: join(await repositoryRoot(dirname(specFiles.fragment)), '.changeset'),
  dryRun,
});
const report = syncReport(outcome, process.cwd());
if (outcome.status === 'refused') console.error(report);
else console.log(report);
process.exit(outcome.exitCode);

// pnpm runs the script in spec/: a relative path is taken from where pnpm was invoked when it
// names a file there, else from spec/.
async function located(source: string): Promise<string> {
  if (/^https?:\/\//i.test(source) || isAbsolute(source)) return source;
  const invokedFrom = process.env['INIT_CWD'];
  if (invokedFrom) {
    const candidate = resolve(invokedFrom, source);
    if (
      await access(candidate).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  return resolve(source);
}
