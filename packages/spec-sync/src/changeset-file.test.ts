import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { changesetFileName, changesetMarkdown, writeChangeset } from './changeset-file.js';
import type { Release } from './release-bumps.js';
import { temporaryWorkspace, type Workspace } from './test-support/workspace.js';

const releases: Record<string, Release> = {
  '@conversation-kit/testing': { bump: 'minor', reasons: ['`ConversationSeed` extended (minor)'] },
  '@conversation-kit/spec': { bump: 'patch', reasons: ["the document's text changed (patch)"] },
  '@conversation-kit/types': {
    bump: 'major',
    reasons: ['`AssignConversationRequest` broken (major)', '`Conversation` extended (minor)'],
  },
};

let workspace: Workspace | undefined;
afterEach(async () => {
  await workspace?.remove();
  workspace = undefined;
});

describe('the changeset', () => {
  it("is named after the new fragment's SHA-256", () => {
    const hex = createHash('sha256').update('openapi: 3.0.1\n').digest('hex');
    expect(changesetFileName('openapi: 3.0.1\n')).toBe(`spec-sync-${hex.slice(0, 8)}.md`);
  });

  it('lists the bumps in package order, then the reasons for each', () => {
    expect(changesetMarkdown(releases, 'Sync the fragment.')).toBe(
      [
        '---',
        "'@conversation-kit/spec': patch",
        "'@conversation-kit/types': major",
        "'@conversation-kit/testing': minor",
        '---',
        '',
        'Sync the fragment.',
        '',
        '- `@conversation-kit/spec` (patch):',
        "  - the document's text changed (patch)",
        '- `@conversation-kit/types` (major):',
        '  - `AssignConversationRequest` broken (major)',
        '  - `Conversation` extended (minor)',
        '- `@conversation-kit/testing` (minor):',
        '  - `ConversationSeed` extended (minor)',
        '',
      ].join('\n'),
    );
  });

  it('is written once: writing the same changeset again leaves it alone', async () => {
    workspace = await temporaryWorkspace();
    const markdown = changesetMarkdown(releases, 'Sync the fragment.');
    const first = await writeChangeset(workspace.changesetDirectory, 'fragment', markdown);
    const second = await writeChangeset(workspace.changesetDirectory, 'fragment', markdown);
    expect(first.written).toBe(true);
    expect(second).toEqual({ path: first.path, written: false });
    expect(await readdir(workspace.changesetDirectory)).toEqual([changesetFileName('fragment')]);
    expect(await readFile(first.path, 'utf8')).toBe(markdown);
  });
});
