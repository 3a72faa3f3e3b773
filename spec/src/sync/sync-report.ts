import { relative } from 'node:path';
import { changeSummary } from './changeset-file.js';
import { PUBLISHED_PACKAGES } from './package-bumps.js';
import type { CompletedSync, RefusedSync } from './sync-upstream.js';

/**
 * The sync's report, as printed by `pnpm sync`: the operation, the fragment's changed lines, the
 * overlay's stale and unnecessary actions, upstream's example defects and missing corrections, the
 * classified changes with their bumps, and the changeset. Paths are shown relative to `cwd`.
 *
 * @example
 * console.log(syncReport(await syncUpstream(options), process.cwd()));
 */
export function syncReport(
  outcome: RefusedSync | CompletedSync,
  cwd: string,
  maxDiffLines = 80,
): string {
  if (outcome.status === 'refused') {
    return [
      `Refused ${outcome.source}: ${outcome.reason}.`,
      'Nothing was written: the fragment and the changesets are as they were.',
    ].join('\n');
  }
  const show = (path: string): string => relative(cwd, path) || '.';
  const lines: string[] = [];
  const { operation, fragment, overlay, examples, changes, bumps, changeset } = outcome;

  const source = /^https?:\/\//i.test(outcome.source) ? outcome.source : show(outcome.source);
  lines.push(`Synced from ${source}${outcome.dryRun ? ' (dry run: nothing written)' : ''}`);
  const moved =
    operation.previousPath !== undefined && operation.previousPath !== operation.path
      ? ` (path changed from ${operation.previousPath})`
      : '';
  lines.push(`Operation: ${operation.method.toUpperCase()} ${operation.path}${moved}`, '');

  const state = !fragment.changed ? 'unchanged' : fragment.written ? 'updated' : 'would be updated';
  const counts = fragment.diff
    ? ` (+${fragment.diff.added.length} −${fragment.diff.removed.length} lines)`
    : '';
  lines.push(`Fragment ${show(fragment.path)}: ${state}${counts}`);
  if (fragment.diff) {
    const changed = [
      ...fragment.diff.removed.map(({ line, text }) => ({ line, mark: '-', text })),
      ...fragment.diff.added.map(({ line, text }) => ({ line, mark: '+', text })),
    ];
    for (const { line, mark, text } of changed.slice(0, maxDiffLines)) {
      lines.push(`  ${mark} ${String(line).padStart(5)} ${text}`);
    }
    if (changed.length > maxDiffLines)
      lines.push(`  … and ${changed.length - maxDiffLines} more lines`);
  }
  lines.push('');

  const applied = overlay.actionCount - overlay.stale.length - overlay.unnecessary.length;
  lines.push(
    `Overlay: ${overlay.actionCount} actions, ${applied} still correct something, ` +
      `${overlay.stale.length} stale, ${overlay.unnecessary.length} unnecessary`,
  );
  for (const [label, actions] of [
    ['stale (its target matches nothing)', overlay.stale],
    ['unnecessary (upstream already has it)', overlay.unnecessary],
  ] as const) {
    for (const action of actions) {
      lines.push(`  ${label}: ${action.target}`);
      if (action.description) lines.push(`    ${action.description.trim().replace(/\s+/g, ' ')}`);
    }
  }
  lines.push('');

  for (const [label, invalid] of [
    ["Upstream's example defects", examples.upstreamDefects],
    ['Missing corrections (examples still invalid after the overlay)', examples.missingCorrections],
  ] as const) {
    lines.push(`${label}: ${invalid.length === 0 ? 'none' : invalid.length}`);
    for (const { pointer, problems } of invalid) {
      lines.push(`  ${pointer || '(the document)'}`);
      for (const problem of new Set(problems)) lines.push(`    ${problem}`);
    }
  }
  lines.push('');

  lines.push(`Changes: ${changes.length === 0 ? 'none' : changes.length}`);
  lines.push(...changeSummary(changes).map((line) => `  ${line}`));
  const released = PUBLISHED_PACKAGES.filter((name) => bumps[name] !== undefined);
  lines.push(released.length === 0 ? 'Releases: none' : 'Releases:');
  for (const name of released) lines.push(`  ${name}: ${bumps[name]}`);
  if (changeset) {
    const verb = outcome.dryRun
      ? 'would be written'
      : changeset.written
        ? 'written'
        : 'already there';
    lines.push(`Changeset ${show(changeset.path)}: ${verb}`);
  } else {
    lines.push('Changeset: none (nothing changed)');
  }
  if (fragment.written) {
    lines.push(
      '',
      'Next: `pnpm --filter @conversation-kit/spec build` rebuilds the effective document.',
    );
  }
  if (outcome.exitCode === 1) {
    lines.push('', 'A correction is missing: add an overlay action for each example above.');
  }
  return lines.join('\n');
}
