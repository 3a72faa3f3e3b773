import { relative } from 'node:path';
import type { ExportedTypeChange } from '@conversation-kit/codegen';
import { PUBLISHED_PACKAGES } from './published-packages.js';
import type { CompletedSync, RefusedSync, UnchangedSync } from './sync-upstream.js';

/**
 * The sync's report, as `pnpm spec:sync` prints it: for a refusal, why and what to do instead;
 * for upstream text the fragment already holds, "no changes"; otherwise the operation, the
 * fragment's changed lines, the overlay's stale and unnecessary actions, upstream's example
 * defects and missing corrections, what the change does to each package's exported types as the
 * compiler sees it, the explicit rules' findings, the releases and the changeset. Paths are shown
 * relative to `cwd`.
 *
 * @example
 * console.log(syncReport(await syncUpstream(options), process.cwd()));
 */
export function syncReport(
  outcome: RefusedSync | UnchangedSync | CompletedSync,
  cwd: string,
  maxDiffLines = 80,
  maxProblems = 3,
): string {
  const show = (path: string): string => relative(cwd, path) || '.';
  const source = /^https?:\/\//i.test(outcome.source) ? outcome.source : show(outcome.source);
  if (outcome.status === 'refused') {
    return [
      `Refused ${source}: ${outcome.reason}.`,
      ...(outcome.hint ? [outcome.hint] : []),
      'Nothing was written: the fragment and the changesets are as they were.',
    ].join('\n');
  }
  if (outcome.status === 'unchanged') {
    return `No changes: ${show(outcome.fragmentPath)} already holds what ${source} describes.`;
  }
  const lines: string[] = [];
  const { operation, fragment, overlay, examples, classification, releases, changeset } = outcome;
  const { from, to } = outcome.apiVersion;

  lines.push(`Synced from ${source}${outcome.dryRun ? ' (dry run: nothing written)' : ''}`);
  const moved =
    operation.previousPath !== undefined && operation.previousPath !== operation.path
      ? ` (path changed from ${operation.previousPath})`
      : '';
  lines.push(`Operation: ${operation.method.toUpperCase()} ${operation.path}${moved}`);
  lines.push(from === to ? `API version: ${to}` : `API version: ${from} → ${to} (moved)`, '');

  const state = fragment.written ? 'written' : 'would be written';
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
    if (changed.length > maxDiffLines) {
      lines.push(`  … and ${changed.length - maxDiffLines} more lines`);
    }
  }
  lines.push('');

  const applied = overlay.actionCount - overlay.stale.length - overlay.unnecessary.length;
  lines.push(
    `Overlay ${show(overlay.path)}: ${overlay.actionCount} actions, ${applied} still correct something, ` +
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
      const unique = [...new Set(problems)];
      for (const problem of unique.slice(0, maxProblems)) lines.push(`    ${problem}`);
      if (unique.length > maxProblems) lines.push(`    … and ${unique.length - maxProblems} more`);
    }
  }
  lines.push('');

  if (classification === undefined) {
    lines.push('Exported types: the effective document is unchanged, so no declaration changed');
  } else {
    const changes = classification.types;
    lines.push(
      `Exported types, as the compiler sees them: ${changes.length === 0 ? 'unchanged' : `${changes.length} changed`}`,
    );
    for (const { name } of PUBLISHED_PACKAGES) lines.push(...typeChangeLines(name, changes));
    lines.push(
      `Explicit rules: ${classification.rules.length === 0 ? 'nothing to classify' : ''}`.trimEnd(),
    );
    for (const rule of classification.rules) {
      lines.push(`  ${rule.rule}: ${rule.what} (${rule.bump})`);
    }
  }
  lines.push('');

  const released = PUBLISHED_PACKAGES.map(({ name }) => name).filter((name) => name in releases);
  lines.push(
    released.length === 0 ? 'Releases: none' : 'Releases (the changeset lists every reason):',
  );
  for (const name of released) {
    const { bump, reasons } = releases[name]!;
    lines.push(`  ${name}: ${bump}`);
    // The exported types' reasons are listed above; the others only here.
    for (const reason of reasons.filter(
      (each) => !each.startsWith('`') && !each.includes(' re-exports '),
    )) {
      lines.push(`    ${reason}`);
    }
  }
  if (changeset) {
    const verb = outcome.dryRun
      ? 'would be written'
      : changeset.written
        ? 'written'
        : 'already there';
    lines.push(`Changeset ${show(changeset.path)}: ${verb}`);
  }
  if (from !== to && !outcome.dryRun) {
    lines.push(
      '',
      `Moved to ${to}: ${outcome.files.map(show).join(', ')}.`,
      `Prose that names ${from} (READMEs, package descriptions) is left to you.`,
    );
  }
  if (outcome.exitCode === 1) {
    lines.push('', 'A correction is missing: add an overlay action for each example above.');
  }
  return lines.join('\n');
}

// A package's changed types, those that changed alike on one line (a schema's alias and its
// `components["schemas"][…]`), the ones it re-exports counted, not repeated.
function typeChangeLines(name: string, changes: readonly ExportedTypeChange[]): string[] {
  const own = changes.filter((change) => change.package === name);
  if (own.length === 0) return [];
  const lines = [`  ${name}:`];
  const alike = new Map<string, ExportedTypeChange[]>();
  for (const change of own.filter(({ reexports }) => reexports === undefined)) {
    const key = JSON.stringify([change.role, change.change, change.how]);
    alike.set(key, [...(alike.get(key) ?? []), change]);
  }
  for (const group of alike.values()) {
    const [{ role, change, bump, how }] = group as [ExportedTypeChange];
    const names = group.map((each) => `\`${each.name}\``).join(', ');
    lines.push(`    ${names} (${role}) ${change}, ${bump}`);
    if (change === 'extended' || change === 'broken') {
      for (const line of how) lines.push(`      ${line}`);
    }
  }
  const reexported = own.filter(({ reexports }) => reexports !== undefined);
  for (const origin of new Set(reexported.map(({ reexports }) => reexports))) {
    const count = reexported.filter(({ reexports }) => reexports === origin).length;
    lines.push(
      `    and ${count} change${count === 1 ? '' : 's'} of what it re-exports from ${origin}, as listed there`,
    );
  }
  return lines;
}
