import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEffectiveSpec } from '../effective-spec.js';
import { classifySpecChange, type ClassifiedPackage } from './classify-spec-change.js';

// The real generator and the real compiler, on the effective document the spec package builds,
// changed one way per bump class.

type Json = Record<string, any>;
const { document } = await loadEffectiveSpec();
const packageDirectory = (name: string): string =>
  fileURLToPath(new URL(`../../../${name}`, import.meta.url));
const types: ClassifiedPackage = {
  name: '@conversation-kit/types',
  directory: packageDirectory('types'),
  entry: 'src/index.d.ts',
  generates: 'types',
  rules: ['api-version'],
};
const fetch: ClassifiedPackage = {
  name: '@conversation-kit/fetch',
  directory: packageDirectory('fetch'),
  entry: 'src/index.ts',
  generates: 'fetch',
  rules: ['api-version', 'intercom-version', 'servers', 'path'],
};

async function classify(edit: (schemas: Json, document: Json) => void, packages = [types]) {
  const after = structuredClone(document) as Json;
  edit(after['components'].schemas, after);
  const classification = await classifySpecChange(document, after, packages);
  const changed = (name: string) =>
    classification.types.find((change) => change.package === types.name && change.name === name);
  return { ...classification, verdict: classification.packages[types.name]!, changed };
}

describe('classifySpecChange', () => {
  it('gives a description-only change a patch: only comments of the declarations differ', async () => {
    const { verdict, types } = await classify((schemas) => {
      schemas.conversation.properties.read.description = 'Whether an admin has read it.';
    });
    expect(types).toEqual([]);
    expect(verdict).toEqual({
      bump: 'patch',
      reasons: ['only comments of the generated declarations changed (patch)'],
    });
  });

  it('gives an x-tags-only change a patch: the declarations are the same but for their stamp', async () => {
    const { verdict, types } = await classify((schemas) => {
      schemas.conversation['x-tags'] = ['Conversations', 'Tickets'];
    });
    expect(types).toEqual([]);
    expect(verdict.bump).toBe('patch');
    expect(verdict.reasons[0]).toMatch(
      /^generated declarations unchanged but for their provenance/,
    );
  });

  it('calls a response field made nullable major: the response no longer delivers a boolean', async () => {
    const { verdict, changed } = await classify((schemas) => {
      schemas.conversation.properties.read.nullable = true;
    });
    expect(verdict.bump).toBe('major');
    expect(changed('Conversation')).toMatchObject({ role: 'output', change: 'broken' });
    expect(changed('Conversation')!.how.join('\n')).toMatch(
      /no longer delivers what it delivered: .*'read'.*Type 'null' is not assignable to type 'boolean'/,
    );
  });

  it('calls a renamed optional response property major: the old name is gone', async () => {
    const { verdict, changed } = await classify((schemas) => {
      const properties = schemas.conversation_source.properties;
      properties.headline = properties.subject;
      delete properties.subject;
    });
    expect(verdict.bump).toBe('major');
    // Both are optional, so each type is assignable to the other: the removed path decides.
    expect(changed('ConversationSource')?.how).toEqual([
      'property removed: `subject`',
      'property added: `headline`',
    ]);
    expect(changed('Conversation')?.how).toEqual([
      'property removed: `source.subject`',
      'property added: `source.headline`',
    ]);
  });

  it('calls a response type changed from integer to string major', async () => {
    const { verdict, changed } = await classify((schemas) => {
      schemas.conversation.properties.created_at.type = 'string';
    });
    expect(verdict.bump).toBe('major');
    expect(changed('Conversation')!.how.join('\n')).toContain(
      "Type 'string' is not assignable to type 'number'",
    );
  });

  it('calls an added optional response property minor: the response still delivers all it did', async () => {
    const { verdict, changed } = await classify((schemas) => {
      schemas.conversation.properties.last_activity_at = { type: 'integer', nullable: true };
    });
    expect(verdict.bump).toBe('minor');
    expect(changed('Conversation')).toMatchObject({
      change: 'extended',
      how: ['property added: `last_activity_at`'],
    });
  });

  it('calls a request field made required major: the request no longer accepts what it did', async () => {
    const { verdict, changed } = await classify((schemas) => {
      schemas.close_conversation_request.required.push('body');
    });
    expect(verdict.bump).toBe('major');
    expect(changed('CloseConversationRequest')).toMatchObject({ role: 'input', change: 'broken' });
    expect(changed('ManageConversationRequest')?.how.join('\n')).toMatch(
      /^no longer accepts what it accepted: /,
    );
  });

  it('calls an enum value added to a request minor, and to a response major', async () => {
    const request = await classify((schemas) => {
      schemas.assign_conversation_request.properties.type.enum.push('bot');
    });
    expect(request.verdict.bump).toBe('minor');
    expect(request.changed('AssignConversationRequest')).toMatchObject({
      change: 'extended',
      how: ['accepts or delivers more values than before'],
    });
    const response = await classify((schemas) => {
      schemas.conversation.properties.priority.enum.push('urgent');
    });
    expect(response.verdict.bump).toBe('major');
    expect(response.changed('Conversation')!.how.join('\n')).toContain(`Type '"urgent"'`);
  });

  it('classifies servers, the default Intercom-Version and paths by their explicit rules', async () => {
    const { packages, rules } = await classify(
      (_, after) => {
        after['servers'].push({ url: 'https://api.ca.intercom.io', 'x-region': 'ca' });
        after['components'].schemas.intercom_version.default = '2.11';
      },
      [types, fetch],
    );
    expect(rules.map(({ rule, bump }) => [rule, bump])).toEqual([
      ['intercom-version', 'major'],
      ['servers', 'minor'],
    ]);
    expect(packages[fetch.name]).toMatchObject({ bump: 'major' });
    expect(packages[fetch.name]!.reasons).toContain(
      'region ca (https://api.ca.intercom.io) added (minor)',
    );
    // The types package follows neither rule, and its declarations only gained comments.
    expect(packages[types.name]!.bump).toBe('patch');
  });
});
