import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { Bump } from './bump.js';
import type { ClassifiedChange } from './classify-changes.js';
import { PUBLISHED_PACKAGES, type PublishedPackage } from './package-bumps.js';

/**
 * The changeset's file name for a fragment: `spec-sync-<first 8 hex of its SHA-256>.md`, so the
 * same upstream state always names the same changeset.
 *
 * @example
 * changesetFileName(fragmentText); // 'spec-sync-3f2a7c1e.md'
 */
export function changesetFileName(fragmentText: string): string {
  return `spec-sync-${createHash('sha256').update(fragmentText).digest('hex').slice(0, 8)}.md`;
}

/**
 * One line per change, for the changeset and the printed report: its pointer, what changed, and
 * the bump it calls for.
 *
 * @example
 * changeSummary(changes);
 * // ['- `/components/schemas/conversation/properties/priority/enum/2`: enum value `"urgent"` added
 * //    to `conversation.priority` (response, minor)']
 */
export function changeSummary(changes: readonly ClassifiedChange[]): string[] {
  return changes.map(
    (change) => `- \`${change.pointer}\`: ${change.what} (${change.side}, ${change.bump})`,
  );
}

/**
 * The changeset's Markdown: the bumps as frontmatter, then what changed upstream.
 *
 * @example
 * changesetMarkdown({ '@conversation-kit/spec': 'minor' }, changes);
 * // "---\n'@conversation-kit/spec': minor\n---\n\nSync with Intercom's …"
 */
export function changesetMarkdown(
  bumps: Partial<Record<PublishedPackage, Bump>>,
  changes: readonly ClassifiedChange[],
): string {
  const frontmatter = PUBLISHED_PACKAGES.filter((name) => bumps[name] !== undefined).map(
    (name) => `'${name}': ${bumps[name]}`,
  );
  return [
    '---',
    ...frontmatter,
    '---',
    '',
    `Sync the 2.12 "Manage a conversation" fragment with Intercom's upstream description: ${changes.length} change${changes.length === 1 ? '' : 's'}.`,
    '',
    ...changeSummary(changes),
    '',
  ].join('\n');
}

/**
 * Writes the changeset for a synced fragment into a `.changeset` directory, formatted with the
 * repository's prettier settings. Writing the same changeset again leaves the file as it is.
 *
 * @example
 * const { path, written } = await writeChangeset(join(root, '.changeset'), fragmentText, bumps, changes);
 */
export async function writeChangeset(
  directory: string,
  fragmentText: string,
  bumps: Partial<Record<PublishedPackage, Bump>>,
  changes: readonly ClassifiedChange[],
): Promise<{ path: string; written: boolean }> {
  const path = join(directory, changesetFileName(fragmentText));
  const text = await format(changesetMarkdown(bumps, changes), {
    ...(await resolveConfig(path)),
    filepath: path,
  });
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  if (existing === text) return { path, written: false };
  await writeFile(path, text);
  return { path, written: true };
}
