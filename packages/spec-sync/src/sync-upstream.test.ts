import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { extractOperation } from './extract-operation.js';
import { fragmentYaml } from './fragment-yaml.js';
import { readOpenApiSource } from './read-openapi-source.js';
import { pinnedApiVersion, specLayout } from './spec-layout.js';
import { syncReport } from './sync-report.js';
import { syncUpstream, type CompletedSync, type SyncOptions } from './sync-upstream.js';
import {
  fixtureWithoutHeader,
  realFilesFingerprint,
  realSpecDirectory,
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
  // However the tests went, the real spec files and changesets are as they were.
  expect(await realFilesFingerprint()).toBe(fingerprint);
});

const TYPES_ONLY = ['@conversation-kit/types'];
const sync = async (fixture: string, options: Partial<SyncOptions> = {}) =>
  syncUpstream({ ...workspace, source: upstreamFixture(fixture), ...options });
const synced = (outcome: Awaited<ReturnType<typeof syncUpstream>>): CompletedSync => {
  expect(outcome.status).toBe('synced');
  return outcome as CompletedSync;
};
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
const fragment = () => readFile(workspace.fragmentPath, 'utf8');

describe('syncUpstream', () => {
  it("finds the committed fragment exactly what it extracts from Intercom's file", async () => {
    const pinned = await pinnedApiVersion(realSpecDirectory);
    const { fragment: path } = specLayout(realSpecDirectory, pinned);
    const committed = await readFile(path, 'utf8');
    const upstream = await readOpenApiSource(upstreamFixture(`intercom-${pinned}.yaml`));
    const { fragment: extracted } = await extractOperation(upstream, 'manageConversation');
    expect(await fragmentYaml(extracted, path, committed)).toBe(committed);
    expect(await fragmentYaml(extracted, path)).toBe(committed);
  });

  it("changes nothing, twice, when Intercom's file says what the fragment says", async () => {
    workspace = await temporaryWorkspace();
    const original = await fragment();
    for (let run = 0; run < 2; run += 1) {
      const outcome = await sync('intercom-2.12.yaml');
      expect(outcome).toMatchObject({ status: 'unchanged', exitCode: 0 });
      expect(syncReport(outcome, workspace.root)).toMatch(
        /^No changes: spec\/openapi\/2\.12\/manage-conversation\.yaml already holds what \S+\/intercom-2\.12\.yaml describes\.$/,
      );
    }
    expect(await fragment()).toBe(original);
    expect(await readdir(workspace.changesetDirectory)).toEqual([]);
  });

  it('syncs the acceptance fixture: fragment, classification by the compiler, changeset, then nothing more', async () => {
    workspace = await temporaryWorkspace();
    const outcome = synced(await sync('acceptance.yaml'));
    expect(outcome.exitCode).toBe(0);

    // The fragment is upstream's, written in the file's own style: only the changed lines differ.
    const written = await fragment();
    expect(written).toBe(await fixtureWithoutHeader('acceptance.yaml'));
    expect(outcome.fragment.diff?.removed).toEqual([]);
    expect(outcome.fragment.diff?.added.map(({ text }) => text.trim())).toEqual([
      'body: Let me pass you over to one of my colleagues.',
      '- body',
      'last_activity_at:',
      'type: integer',
      'nullable: true',
      'description: The last time a part was added to the conversation.',
      'example: 1663597260',
      '- urgent',
    ]);
    // Intercom's `format: timestamp` and `date-time` integers do not stop the examples being judged.
    expect(outcome.examples.upstreamDefects.length).toBeGreaterThan(0);
    expect(outcome.examples.upstreamDefects[0]!.problems).toContain('/admin_id must be string');
    expect(outcome.examples.missingCorrections).toEqual([]);

    const types = outcome.classification!.types.filter(
      (change) => change.package === '@conversation-kit/types',
    );
    const change = (name: string) => types.find((each) => each.name === name);
    expect(change('Conversation')).toMatchObject({ role: 'output', change: 'broken' });
    expect(change('Conversation')!.how.join(' ')).toContain(`Type '"urgent"'`);
    expect(change('AssignConversationRequest')).toMatchObject({ role: 'input', change: 'broken' });
    expect(outcome.releases['@conversation-kit/spec']).toEqual({
      bump: 'patch',
      reasons: ["the document's text changed (patch)"],
    });
    expect(outcome.releases['@conversation-kit/types']!.bump).toBe('major');
    expect(outcome.releases['@conversation-kit/fetch']!.bump).toBe('major');
    // The wrapper's results build on `Conversation`, whose `priority` now delivers a value it did not.
    const wrapper = outcome.releases['@conversation-kit/conversations']!;
    expect(wrapper.bump).toBe('major');
    expect(wrapper.reasons).toContainEqual(
      expect.stringMatching(/^`ClosedConversation` broken: no longer delivers what it delivered: /),
    );
    expect(wrapper.reasons).toContain(
      '1 type it re-exports from @conversation-kit/types changed, as listed there (major)',
    );

    const [changeset] = await readdir(workspace.changesetDirectory);
    expect(changeset).toMatch(/^spec-sync-[0-9a-f]{8}\.md$/);
    expect(outcome.changeset).toEqual({
      path: join(workspace.changesetDirectory, changeset!),
      written: true,
    });
    const markdown = await readFile(join(workspace.changesetDirectory, changeset!), 'utf8');
    expect(markdown).toMatch(
      /^---\n'@conversation-kit\/spec': patch\n'@conversation-kit\/types': major\n'@conversation-kit\/fetch': major\n'@conversation-kit\/conversations': major\n/,
    );
    expect(markdown).toContain('- `@conversation-kit/types` (major):');
    expect(markdown).toMatch(
      /\n {2}- `Conversation` broken: no longer delivers what it delivered: .*; property added: `last_activity_at` \(major\)\n/,
    );

    // A second run finds nothing to do.
    expect(await sync('acceptance.yaml')).toMatchObject({ status: 'unchanged', exitCode: 0 });
    expect(await fragment()).toBe(written);
    expect(await readdir(workspace.changesetDirectory)).toEqual([changeset]);
  });

  it('writes nothing in a dry run, but reports the same', async () => {
    workspace = await temporaryWorkspace();
    const original = await fragment();
    const outcome = synced(await sync('acceptance.yaml', { dryRun: true, packages: TYPES_ONLY }));
    expect(outcome.fragment.written).toBe(false);
    expect(outcome.releases['@conversation-kit/types']!.bump).toBe('major');
    expect(outcome.changeset?.written).toBe(false);
    expect(outcome.files).toEqual([]);
    expect(await fragment()).toBe(original);
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
    const original = await fragment();
    const outcome = await sync(fixture);
    expect(outcome).toMatchObject({
      status: 'refused',
      exitCode: 2,
      reason: expect.stringMatching(reason),
    });
    expect(await fragment()).toBe(original);
    expect(await readdir(workspace.changesetDirectory)).toEqual([]);
    expect(syncReport(outcome, workspace.root)).toMatch(/^Refused .*\nNothing was written/);
  });

  it("refuses Intercom's 2.14 file, naming both versions and how to move, and changes nothing", async () => {
    workspace = await temporaryWorkspace();
    const original = await fragment();
    const outcome = await sync('intercom-2.14.yaml', { sourceLabel: 'api.intercom.io.yaml' });
    expect(outcome).toMatchObject({
      status: 'refused',
      exitCode: 2,
      reason: 'the document describes Intercom API 2.14, but the packages are pinned to 2.12',
      hint: 'To move every package from 2.12 to 2.14, run: pnpm spec:sync api.intercom.io.yaml --api-version 2.14',
    });
    expect(await fragment()).toBe(original);
    expect(await exists(join(workspace.specDirectory, 'openapi', '2.14'))).toBe(false);
    expect(await readdir(workspace.changesetDirectory)).toEqual([]);

    const mismatch = await sync('intercom-2.14.yaml', { apiVersion: '2.13' });
    expect(mismatch).toMatchObject({
      status: 'refused',
      reason: '--api-version 2.13 was given, but the document describes Intercom API 2.14',
    });
  });

  it('moves from 2.12 to 2.14 with --api-version: fragment, overlay, manifest, classification', async () => {
    workspace = await temporaryWorkspace();
    const outcome = synced(
      await sync('intercom-2.14.yaml', {
        apiVersion: '2.14',
        packages: ['@conversation-kit/types', '@conversation-kit/fetch'],
      }),
    );
    // The 2.14 overlay the repository keeps ready corrects every 2.14 example.
    expect(outcome.exitCode).toBe(0);
    expect(outcome.overlay).toMatchObject({ stale: [], unnecessary: [] });
    expect(outcome.apiVersion).toEqual({ from: '2.12', to: '2.14' });
    const moved = specLayout(workspace.specDirectory, '2.14');
    expect(await readFile(moved.fragment, 'utf8')).toContain(
      '/conversations/{conversation_id}/parts:',
    );
    expect(await exists(moved.overlay)).toBe(true);
    // Intercom's 2.12 text goes; our corrections to it stay, unpublished, beside the others.
    expect(await exists(join(workspace.specDirectory, 'openapi', '2.12'))).toBe(false);
    expect(await exists(specLayout(workspace.specDirectory, '2.12').overlay)).toBe(true);
    const manifest = JSON.parse(
      await readFile(join(workspace.specDirectory, 'package.json'), 'utf8'),
    );
    expect(manifest.conversationKit.apiVersion).toBe('2.14');
    expect(Object.keys(manifest.exports)).toContain('./effective/2.14/manage-conversation.json');
    expect(JSON.stringify(manifest)).not.toContain('/2.12/');

    expect(outcome.classification!.rules.map(({ rule, what }) => `${rule}: ${what}`)).toEqual([
      'api-version: API version 2.12 → 2.14',
      'intercom-version: default Intercom-Version 2.12 → 2.14',
      'path: manageConversation: POST /conversations/{id}/parts → POST /conversations/{conversation_id}/parts',
    ]);
    expect(outcome.releases['@conversation-kit/spec']!.bump).toBe('major');
    expect(outcome.releases['@conversation-kit/fetch']!.bump).toBe('major');
    const renamed = outcome.classification!.types.find(
      (change) => change.name === 'operations["manageConversation"]["parameters"]',
    );
    expect(renamed).toMatchObject({ package: '@conversation-kit/types', change: 'broken' });
    expect(renamed!.how.join(' ')).toContain("'conversation_id'");

    // Now pinned to 2.14, the same file changes nothing.
    expect(await sync('intercom-2.14.yaml')).toMatchObject({ status: 'unchanged' });
  });

  it("exits 1 on a missing correction, yet writes upstream's fragment", async () => {
    workspace = await temporaryWorkspace();
    const outcome = synced(await sync('example-defects.yaml', { packages: TYPES_ONLY }));
    expect(outcome.exitCode).toBe(1);
    expect(
      outcome.examples.missingCorrections.map(({ pointer, problems }) => [
        pointer.split('/').at(-2),
        problems,
      ]),
    ).toEqual([
      ['snooze_a_conversation', expect.arrayContaining(['/snoozed_until must be integer'])],
      ['Close a conversation', ['/read must be boolean']],
    ]);
    expect(await fragment()).toBe(await fixtureWithoutHeader('example-defects.yaml'));
    // Examples are documentation: the spec's text changed, the types only in their stamp.
    expect(outcome.releases['@conversation-kit/spec']!.bump).toBe('patch');
    expect(outcome.releases['@conversation-kit/types']!.bump).toBe('patch');
    expect(syncReport(outcome, workspace.root)).toContain('A correction is missing');
  });

  it('reports the path renamed to {conversation_id}, and classifies it major', async () => {
    workspace = await temporaryWorkspace();
    const outcome = synced(await sync('conversation-id-path.yaml', { packages: TYPES_ONLY }));
    expect(outcome.operation).toEqual({
      method: 'post',
      path: '/conversations/{conversation_id}/parts',
      previousPath: '/conversations/{id}/parts',
    });
    expect(outcome.classification!.rules).toEqual([
      {
        rule: 'path',
        what: 'manageConversation: POST /conversations/{id}/parts → POST /conversations/{conversation_id}/parts',
        bump: 'major',
      },
    ]);
    expect(outcome.releases['@conversation-kit/types']!.reasons).toContain(
      '`paths["/conversations/{id}/parts"]["post"]["parameters"]` removed: no longer exported (major)',
    );
    expect(syncReport(outcome, workspace.root)).toContain(
      'Operation: POST /conversations/{conversation_id}/parts (path changed from /conversations/{id}/parts)',
    );
  });

  it('names stale and unnecessary overlay actions', async () => {
    workspace = await temporaryWorkspace();
    const outcome = synced(await sync('overlay-outgrown.yaml', { packages: TYPES_ONLY }));
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
