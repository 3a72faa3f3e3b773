import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClassifiedChange } from './classify-changes.js';
import { changesetFileName, changesetMarkdown, writeChangeset } from './changeset-file.js';
import { temporaryWorkspace, type Workspace } from './test-support/workspace.js';

const changes: ClassifiedChange[] = [
  {
    pointer: '/components/schemas/assign_conversation_request/required/4',
    change: 'added',
    side: 'request',
    documentation: false,
    what: '`body` became required in `assign_conversation_request`',
    bump: 'major',
  },
  {
    pointer: '/components/schemas/conversation/properties/priority/enum/2',
    change: 'added',
    side: 'response',
    documentation: false,
    what: 'enum value `"urgent"` added to `conversation.priority`',
    bump: 'minor',
  },
];
const bumps = {
  '@conversation-kit/testing': 'minor',
  '@conversation-kit/spec': 'major',
  '@conversation-kit/conversations': 'minor',
} as const;

let workspace: Workspace | undefined;
afterEach(async () => {
  await workspace?.remove();
  workspace = undefined;
});

describe('the changeset', () => {
  it("is named after the new fragment's SHA-256", () => {
    const hex = createHash('sha256').update('openapi: 3.0.3\n').digest('hex');
    expect(changesetFileName('openapi: 3.0.3\n')).toBe(`spec-sync-${hex.slice(0, 8)}.md`);
  });

  it('lists the bumps in package order, then each change with its pointer and bump', () => {
    expect(changesetMarkdown(bumps, changes)).toBe(
      [
        '---',
        "'@conversation-kit/spec': major",
        "'@conversation-kit/conversations': minor",
        "'@conversation-kit/testing': minor",
        '---',
        '',
        'Sync the 2.12 "Manage a conversation" fragment with Intercom\'s upstream description: 2 changes.',
        '',
        '- `/components/schemas/assign_conversation_request/required/4`: `body` became required in `assign_conversation_request` (request, major)',
        '- `/components/schemas/conversation/properties/priority/enum/2`: enum value `"urgent"` added to `conversation.priority` (response, minor)',
        '',
      ].join('\n'),
    );
  });

  it('is written once: writing the same changeset again leaves it alone', async () => {
    workspace = await temporaryWorkspace();
    const first = await writeChangeset(workspace.changesetDirectory, 'fragment', bumps, changes);
    const second = await writeChangeset(workspace.changesetDirectory, 'fragment', bumps, changes);
    expect(first.written).toBe(true);
    expect(second).toEqual({ path: first.path, written: false });
    expect(await readdir(workspace.changesetDirectory)).toEqual([changesetFileName('fragment')]);
    expect(await readFile(first.path, 'utf8')).toBe(changesetMarkdown(bumps, changes));
  });
});
