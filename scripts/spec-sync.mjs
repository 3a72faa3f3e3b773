#!/usr/bin/env node
// `pnpm spec:sync <path-or-url-of-upstream-yaml> [--dry-run] [--api-version X.Y]`: takes
// Intercom's new API description to reviewed packages ready to release. It syncs the fragment
// (classifying what the change does to each package and writing a changeset with the bumps),
// then regenerates and builds everything, runs every test, and reports. Upstream text the
// fragment already holds changes nothing and ends there.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const USAGE =
  'Usage: pnpm spec:sync <path-or-url-of-upstream-openapi-yaml> [--dry-run] [--api-version X.Y]';
let parsed;
try {
  parsed = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, 'api-version': { type: 'string' } },
  });
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
const { 'dry-run': dryRun, 'api-version': apiVersion } = parsed.values;
if (parsed.positionals.length !== 1) {
  console.error(USAGE);
  process.exit(2);
}
const [upstream] = parsed.positionals;
function step(title, command, commandArgs, options = {}) {
  if (title) console.log(`\n── ${title}`);
  return spawnSync(command, commandArgs, { stdio: 'inherit', ...options }).status ?? 1;
}

function changedFiles() {
  const { stdout } = spawnSync('git', ['status', '--porcelain'], { encoding: 'utf8' });
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
}

// The sync reads the built spec and generator; building them writes only ignored files.
const prepared = step(
  '',
  'pnpm',
  [
    'exec',
    'turbo',
    'run',
    'build',
    '--filter=@conversation-kit/spec-sync^...',
    '--output-logs=errors-only',
  ],
  {
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    stdio: ['inherit', 'ignore', 'inherit'],
  },
);
if (prepared !== 0) {
  console.error('Building the spec package and the generator failed; nothing was synced.');
  process.exit(1);
}

const before = new Set(changedFiles());
const scratch = mkdtempSync(join(tmpdir(), 'spec-sync-outcome-'));
const outcomeFile = join(scratch, 'outcome.json');
const syncArgs = [
  '--silent',
  '--filter',
  '@conversation-kit/spec-sync',
  'sync',
  upstream,
  '--outcome',
  outcomeFile,
  ...(dryRun ? ['--dry-run'] : []),
  ...(apiVersion ? ['--api-version', apiVersion] : []),
];
const synced = step('', 'pnpm', syncArgs, {
  env: { ...process.env, INIT_CWD: process.env.INIT_CWD ?? process.cwd() },
});
let outcome;
try {
  outcome = JSON.parse(readFileSync(outcomeFile, 'utf8'));
} catch {
  outcome = undefined;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (synced === 2 || outcome?.status === 'refused') process.exit(2);
if (dryRun || outcome?.status === 'unchanged') process.exit(synced);

const built = synced === 0 ? step('Regenerate and build', 'pnpm', ['build']) : 1;
const tested = built === 0 ? step('Run every test and check', 'pnpm', ['test']) : 1;

const files = changedFiles().filter((file) => !before.has(file));
const changesets = files.filter((file) => file.startsWith('.changeset/'));
console.log('\n── Report');
console.log(`files changed: ${files.length === 0 ? 'none' : `\n  ${files.join('\n  ')}`}`);
console.log(`changesets:    ${changesets.length === 0 ? 'none' : changesets.join(', ')}`);
console.log(`sync:          ${synced === 0 ? 'ok' : 'a correction is missing (see above)'}`);
console.log(`build:         ${built === 0 ? 'ok' : 'failed or skipped'}`);
console.log(`tests:         ${tested === 0 ? 'passed' : 'failed or skipped'}`);
process.exit(synced || built || tested);
