#!/usr/bin/env node
// `pnpm spec:sync <path-or-url-of-upstream-yaml> [--dry-run]`: takes Intercom's new API
// description to reviewed packages ready to release. It syncs the fragment (and writes a
// changeset with the bumps), regenerates and builds everything, runs every test, and reports.

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const dryRun = args.includes('--dry-run');
const [upstream, ...extra] = args.filter((arg) => arg !== '--dry-run');
if (!upstream || extra.length > 0) {
  console.error('Usage: pnpm spec:sync <path-or-url-of-upstream-openapi-yaml> [--dry-run]');
  process.exit(2);
}
// The sync runs in spec/, so a local path is made absolute from where the command was given.
const source = /^https?:\/\//.test(upstream)
  ? upstream
  : resolve(process.env.INIT_CWD ?? process.cwd(), upstream);

function step(title, command, commandArgs) {
  console.log(`\n── ${title}`);
  return spawnSync(command, commandArgs, { stdio: 'inherit' }).status ?? 1;
}

function changedFiles() {
  const { stdout } = spawnSync('git', ['status', '--porcelain'], { encoding: 'utf8' });
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
}

const before = new Set(changedFiles());
const syncArgs = [
  '--filter',
  '@conversation-kit/spec',
  'sync',
  source,
  ...(dryRun ? ['--dry-run'] : []),
];
const synced = step('Sync the fragment from upstream', 'pnpm', syncArgs);
if (synced === 2) {
  console.error('\nThe upstream file was refused; nothing changed.');
  process.exit(2);
}
if (dryRun) process.exit(synced);

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
