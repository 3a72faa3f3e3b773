import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { specFiles } from '../spec-files.js';
import { syncReport } from './sync-report.js';
import { syncUpstream, type CompletedSync } from './sync-upstream.js';
import {
  fixtureWithoutHeader,
  realFilesFingerprint,
  temporaryWorkspace,
  upstreamFixture,
  type Workspace,
} from './test-support/workspace.js';

let workspace: Workspace;
let fingerprint: string;
beforeAll(async () => {
  fingerprint = await realFilesFingerprint();
});
afterEach(async () => {
  await workspace?.remove();
});
afterAll(async () => {
  // However the tests went, the real fragment, overlay and changesets are as they were.
  expect(await realFilesFingerprint()).toBe(fingerprint);
});

const sync = async (fixture: string, dryRun = false) => {
  const { fragmentPath, overlayPath, changesetDirectory } = workspace;
  const source = upstreamFixture(fixture);
  return syncUpstream({ source, fragmentPath, overlayPath, changesetDirectory, dryRun });
};
const synced = (outcome: Awaited<ReturnType<typeof syncUpstream>>): CompletedSync => {
  expect(outcome.status).toBe('synced');
  return outcome as CompletedSync;
};

describe('syncUpstream', () => {
  it('syncs the acceptance fixture: fragment, classification, changeset, then nothing more', async () => {
    workspace = await temporaryWorkspace();
    const original = await readFile(workspace.fragmentPath, 'utf8');
    const outcome = synced(await sync('acceptance.yaml'));

    expect(outcome.exitCode).toBe(0);
    // The fragment is upstream's, written in the file's own style: only the changed lines differ.
    const written = await readFile(workspace.fragmentPath, 'utf8');
    expect(written).toBe(await fixtureWithoutHeader('acceptance.yaml'));
    expect(outcome.fragment.diff?.removed).toEqual([]);
    expect(outcome.fragment.diff?.added.map(({ text }) => text.trim())).toEqual([
      'body: Unassigning this conversation.',
      '- body',
      'last_activity_at:',
      'type: integer',
      'nullable: true',
      'description: The last time a part was added to the conversation.',
      'example: 1663597260',
      '- urgent',
    ]);
    expect(written).not.toBe(original);

    expect(
      outcome.changes.map(({ pointer, bump }) => [pointer.split('/').slice(-2).join('/'), bump]),
    ).toEqual([
      ['required/4', 'major'],
      ['properties/last_activity_at', 'minor'],
      ['enum/2', 'minor'],
      ['examples/unassign_a_conversation', 'patch'],
    ]);
    const [changeset] = await readdir(workspace.changesetDirectory);
    expect(changeset).toMatch(/^spec-sync-[0-9a-f]{8}\.md$/);
    expect(outcome.changeset).toEqual({
      path: join(workspace.changesetDirectory, changeset!),
      written: true,
    });
    const markdown = await readFile(join(workspace.changesetDirectory, changeset!), 'utf8');
    expect(markdown).toMatch(
      /^---\n'@conversation-kit\/spec': major\n'@conversation-kit\/types': major\n'@conversation-kit\/fetch': major\n'@conversation-kit\/conversations': minor\n'@conversation-kit\/testing': minor\n---\n/,
    );
    expect(markdown).toContain(
      '- `/components/schemas/conversation/properties/priority/enum/2`: enum value `"urgent"` added to `conversation.priority` (response, minor)',
    );

    // A second run finds nothing to do.
    const again = synced(await sync('acceptance.yaml'));
    expect(again.fragment).toMatchObject({ changed: false, written: false });
    expect(again.changes).toEqual([]);
    expect(again.bumps).toEqual({});
    expect(again.changeset).toBeUndefined();
    expect(await readFile(workspace.fragmentPath, 'utf8')).toBe(written);
    expect(await readdir(workspace.changesetDirectory)).toEqual([changeset]);
  });

  it('writes nothing in a dry run, but reports the same', async () => {
    workspace = await temporaryWorkspace();
    const original = await readFile(workspace.fragmentPath, 'utf8');
    const outcome = synced(await sync('acceptance.yaml', true));
    expect(outcome.fragment).toMatchObject({ changed: true, written: false });
    expect(outcome.changes).toHaveLength(4);
    expect(outcome.changeset?.written).toBe(false);
    expect(await readFile(workspace.fragmentPath, 'utf8')).toBe(original);
    expect(await readdir(workspace.changesetDirectory)).toEqual([]);
  });

  it('changes nothing when upstream says what the fragment says', async () => {
    workspace = await temporaryWorkspace();
    const outcome = synced(await syncUpstream({ ...workspace, source: specFiles.fragment }));
    expect(outcome).toMatchObject({ exitCode: 0, changes: [], changeset: undefined });
    expect(outcome.fragment).toMatchObject({ changed: false, written: false });
    expect(await readdir(workspace.changesetDirectory)).toEqual([]);
  });

  it.each([
    [
      'broken-ref.yaml',
      /\$ref "#\/components\/schemas\/tag_list" at \/components\/schemas\/conversation\/properties\/tags does not resolve/,
    ],
    ['swagger-2.yaml', /Swagger 2\.0/],
    ['without-operation.yaml', /no operation with operationId "manageConversation"/],
  ])('refuses %s and leaves the spec untouched', async (fixture, reason) => {
    workspace = await temporaryWorkspace();
    const original = await readFile(workspace.fragmentPath, 'utf8');
    const outcome = await sync(fixture);
    expect(outcome).toMatchObject({
      status: 'refused',
      exitCode: 2,
      reason: expect.stringMatching(reason),
    });
    expect(await readFile(workspace.fragmentPath, 'utf8')).toBe(original);
    expect(await readdir(workspace.changesetDirectory)).toEqual([]);
    expect(syncReport(outcome, workspace.root)).toMatch(/^Refused .*\nNothing was written/);
  });

  it("exits 1 on a missing correction, yet writes upstream's fragment", async () => {
    workspace = await temporaryWorkspace();
    const outcome = synced(await sync('example-defects.yaml'));
    expect(outcome.exitCode).toBe(1);
    expect(outcome.examples.upstreamDefects).toHaveLength(2);
    expect(outcome.examples.missingCorrections.map(({ problems }) => problems)).toEqual([
      expect.arrayContaining(['/admin_id must be string']),
      ['/read must be boolean'],
    ]);
    expect(outcome.fragment.written).toBe(true);
    expect(await readFile(workspace.fragmentPath, 'utf8')).toBe(
      await fixtureWithoutHeader('example-defects.yaml'),
    );
    // Examples are documentation: the changeset is a patch.
    expect(outcome.bumps['@conversation-kit/spec']).toBe('patch');
  });

  it('reports the path renamed to {conversation_id}, and classifies it major', async () => {
    workspace = await temporaryWorkspace();
    const outcome = synced(await sync('conversation-id-path.yaml'));
    expect(outcome.operation).toEqual({
      method: 'post',
      path: '/conversations/{conversation_id}/parts',
      previousPath: '/conversations/{id}/parts',
    });
    expect(outcome.changes[0]).toMatchObject({
      what: 'path changed from `/conversations/{id}/parts` to `/conversations/{conversation_id}/parts`',
      bump: 'major',
    });
    const report = syncReport(outcome, workspace.root);
    expect(report).toContain(
      'Operation: POST /conversations/{conversation_id}/parts (path changed from /conversations/{id}/parts)',
    );
  });

  it('names stale and unnecessary overlay actions', async () => {
    workspace = await temporaryWorkspace();
    const outcome = synced(await sync('overlay-outgrown.yaml'));
    expect(outcome.overlay.stale.map(({ target }) => target)).toEqual([
      "$.components.schemas.conversation.properties.ai_agent['$ref','nullable']",
      '$.components.schemas.conversation.properties.ai_agent',
    ]);
    expect(outcome.overlay.unnecessary.map(({ target }) => target)).toEqual([
      "$.paths.*[?(@.operationId=='manageConversation')].requestBody",
    ]);
    // fin_agent is a $ref with a nullable sibling again, which no correction covers yet.
    expect(outcome.exitCode).toBe(1);
    const report = syncReport(outcome, workspace.root);
    expect(report).toContain(
      'stale (its target matches nothing): $.components.schemas.conversation.properties.ai_agent\n',
    );
    expect(report).toContain(
      "unnecessary (upstream already has it): $.paths.*[?(@.operationId=='manageConversation')].requestBody",
    );
  });
});
