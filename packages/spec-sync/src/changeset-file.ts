import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { PUBLISHED_PACKAGES } from './published-packages.js';
import type { Release } from './release-bumps.js';

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
 * The changeset's Markdown: the bumps as frontmatter, in release-note order, then for each
 * package the reasons for its bump.
 *
 * @example
 * changesetMarkdown({ '@conversation-kit/spec': { bump: 'patch', reasons: ['…'] } }, 'Sync …');
 * // "---\n'@conversation-kit/spec': patch\n---\n\nSync …\n\n- `@conversation-kit/spec` (patch): …"
 */
export function changesetMarkdown(releases: Record<string, Release>, summary: string): string {
  const released = PUBLISHED_PACKAGES.map(({ name }) => name).filter((name) => name in releases);
  return [
    '---',
    ...released.map((name) => `'${name}': ${releases[name]!.bump}`),
    '---',
    '',
    summary,
    '',
    ...released.flatMap((name) => [
      `- \`${name}\` (${releases[name]!.bump}):`,
      ...releases[name]!.reasons.map((reason) => `  - ${reason}`),
    ]),
    '',
  ].join('\n');
}

/**
 * Writes the changeset for a synced fragment into a `.changeset` directory, formatted with the
 * repository's prettier settings. Writing the same changeset again leaves the file as it is.
 *
 * @example
 * const { path, written } = await writeChangeset(join(root, '.changeset'), fragmentText, markdown);
 */
export async function writeChangeset(
  directory: string,
  fragmentText: string,
  markdown: string,
): Promise<{ path: string; written: boolean }> {
  const path = join(directory, changesetFileName(fragmentText));
  const text = await format(markdown, { ...(await resolveConfig(path)), filepath: path });
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  if (existing === text) return { path, written: false };
  await writeFile(path, text);
  return { path, written: true };
}
