import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyOverlay, type OverlayDocument } from '../overlay/apply-overlay.js';
import { specFiles } from '../spec-files.js';
import { classifyChanges, type ClassifiedChange } from './classify-changes.js';
import { extractOperation } from './extract-operation.js';
import { packageBumps } from './package-bumps.js';
import { readOpenApiSource } from './read-openapi-source.js';
import { upstreamFixture } from './test-support/workspace.js';

type Json = Record<string, any>;
const PATH = '/conversations/{id}/parts';

// A small document: `request` is sent, `conversation` received, `admin` both sent and received.
const base = (): Json => ({
  openapi: '3.0.3',
  info: { title: 'Intercom API', version: '2.12' },
  paths: {
    [PATH]: {
      post: {
        operationId: 'manageConversation',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: {
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/request' },
              examples: { close: { value: { message_type: 'close' } } },
            },
          },
        },
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/conversation' } },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      request: {
        type: 'object',
        required: ['message_type'],
        properties: {
          message_type: { type: 'string', enum: ['close', 'open'] },
          body: { type: 'string', description: 'A message.' },
          admin: { $ref: '#/components/schemas/admin' },
        },
      },
      conversation: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          state: { type: 'string', enum: ['open', 'closed', null], nullable: true },
          admin: { $ref: '#/components/schemas/admin' },
        },
      },
      admin: { type: 'object', properties: { id: { type: 'string' } } },
    },
  },
});

const changesOf = (edit: (document: Json) => void): Array<Partial<ClassifiedChange>> => {
  const after = base();
  edit(after);
  return classifyChanges(base(), after, 'manageConversation').map(
    ({ pointer, side, bump, what }) => ({ pointer, side, bump, what }),
  );
};
const schemas = (document: Json): Json => document['components'].schemas;
const post = (document: Json): Json => document['paths'][PATH].post;

describe('classifyChanges, response side', () => {
  it('takes an added property or enum value, or a new required entry, as minor', () => {
    expect(
      changesOf((document) => {
        schemas(document).conversation.properties.topic = { type: 'string' };
        schemas(document).conversation.properties.state.enum.splice(1, 0, 'snoozed');
        schemas(document).conversation.required = ['id'];
      }),
    ).toEqual([
      {
        pointer: '/components/schemas/conversation/properties/state/enum/1',
        side: 'response',
        bump: 'minor',
        what: 'enum value `"snoozed"` added to `conversation.state`',
      },
      {
        pointer: '/components/schemas/conversation/properties/topic',
        side: 'response',
        bump: 'minor',
        what: 'optional property `topic` added to `conversation`',
      },
      {
        pointer: '/components/schemas/conversation/required/0',
        side: 'response',
        bump: 'minor',
        what: '`id` became required in `conversation`',
      },
    ]);
  });

  it('takes a removed property or enum value, a type change or nullable added as major', () => {
    const changes = changesOf((document) => {
      const conversation = schemas(document).conversation;
      delete conversation.properties.id;
      conversation.properties.state.enum = ['open', null];
      conversation.properties.admin = { type: 'string', nullable: true };
    });
    expect(changes.map(({ pointer, bump }) => [pointer, bump])).toEqual([
      ['/components/schemas/conversation/properties/admin/$ref', 'major'],
      ['/components/schemas/conversation/properties/admin/nullable', 'major'],
      ['/components/schemas/conversation/properties/admin/type', 'major'],
      ['/components/schemas/conversation/properties/id', 'major'],
      ['/components/schemas/conversation/properties/state/enum/1', 'major'],
    ]);
    expect(changes.map(({ what }) => what)).toEqual([
      '`$ref` removed in `conversation.admin`',
      '`conversation.admin` became nullable',
      'type added in `conversation.admin` (none → `"string"`)',
      'property `id` removed from `conversation`',
      'enum value `"closed"` removed from `conversation.state`',
    ]);
  });

  it('ignores the order of enum values and required entries', () => {
    expect(
      changesOf((document) => {
        schemas(document).conversation.properties.state.enum = [null, 'closed', 'open'];
        schemas(document).request.properties.message_type.enum.reverse();
      }),
    ).toEqual([]);
  });
});

describe('classifyChanges, request side', () => {
  it('takes a new required entry or a removed enum value as major', () => {
    expect(
      changesOf((document) => {
        schemas(document).request.required.push('body');
        schemas(document).request.properties.message_type.enum = ['close'];
      }).map(({ what, side, bump }) => [what, side, bump]),
    ).toEqual([
      ['enum value `"open"` removed from `request.message_type`', 'request', 'major'],
      ['`body` became required in `request`', 'request', 'major'],
    ]);
  });

  it('takes an optional property or an enum value added as minor, a required property as major', () => {
    expect(
      changesOf((document) => {
        schemas(document).request.properties.message_type.enum.push('snoozed');
        schemas(document).request.properties.note = { type: 'string' };
        schemas(document).request.properties.assignee_id = { type: 'string' };
        schemas(document).request.required.push('assignee_id');
      }).map(({ what, bump }) => [what, bump]),
    ).toEqual([
      ['required property `assignee_id` added to `request`', 'major'],
      ['enum value `"snoozed"` added to `request.message_type`', 'minor'],
      ['optional property `note` added to `request`', 'minor'],
    ]);
  });

  it('judges a schema used on both sides by the stricter rule', () => {
    expect(
      changesOf((document) => {
        schemas(document).admin.properties.name = { type: 'string' };
        schemas(document).admin.required = ['id'];
      }).map(({ what, side, bump }) => [what, side, bump]),
    ).toEqual([
      ['`id` became required in `admin`', 'both', 'major'],
      ['optional property `name` added to `admin`', 'both', 'minor'],
    ]);
  });

  it('classifies parameters and the request body', () => {
    expect(
      changesOf((document) => {
        post(document).parameters.push({
          name: 'Intercom-Version',
          in: 'header',
          schema: { type: 'string' },
        });
        post(document).requestBody.required = true;
      }).map(({ what, bump }) => [what, bump]),
    ).toEqual([
      ['request body became required', 'major'],
      ['optional parameter `Intercom-Version` (header) added', 'minor'],
    ]);
  });
});

describe('classifyChanges, documentation and the operation', () => {
  it('takes descriptions, summaries, titles and examples as patch, one entry per example', () => {
    expect(
      changesOf((document) => {
        schemas(document).request.properties.body.description = 'A message to leave.';
        schemas(document).conversation.title = 'Conversation';
        post(document).summary = 'Manage a conversation';
        post(document).requestBody.content['application/json'].examples.close.value = {
          message_type: 'close',
          body: 'Bye',
          admin_id: '1',
        };
      }).map(({ what, side, bump }) => [what, side, bump]),
    ).toEqual([
      ['title added in `conversation`', 'response', 'patch'],
      ['description changed in `request.body`', 'request', 'patch'],
      ['example `close` changed in request body (application/json)', 'request', 'patch'],
      ['summary added in operation POST `/conversations/{id}/parts`', 'operation', 'patch'],
    ]);
  });

  it('takes a changed path, a changed method or a new response as major', () => {
    const moved = changesOf((document) => {
      document['paths'] = { '/conversations/{conversation_id}/parts': document['paths'][PATH] };
    });
    expect(moved).toEqual([
      {
        pointer: '/paths/~1conversations~1{conversation_id}~1parts',
        side: 'operation',
        bump: 'major',
        what: 'path changed from `/conversations/{id}/parts` to `/conversations/{conversation_id}/parts`',
      },
    ]);
    const method = changesOf((document) => {
      document['paths'][PATH] = { put: post(document) };
    });
    expect(method.map(({ what, bump }) => [what, bump])).toEqual([
      ['operation POST `/conversations/{id}/parts` removed', 'major'],
      ['operation PUT `/conversations/{id}/parts` added', 'major'],
    ]);
    const response = changesOf((document) => {
      post(document).responses['429'] = { description: 'Too many requests' };
    });
    expect(response.map(({ what, bump }) => [what, bump])).toEqual([
      ['429 response added', 'major'],
    ]);
  });

  it('finds nothing between equal documents', () => {
    expect(changesOf(() => {})).toEqual([]);
  });
});

const overlay = parse(await readFile(specFiles.overlay, 'utf8')) as OverlayDocument;
const effectiveOf = async (fragment: Json) => (await applyOverlay(fragment, overlay)).document;
const current = await effectiveOf(parse(await readFile(specFiles.fragment, 'utf8')) as Json);

describe('the upstream fixtures, as the sync compares them', () => {
  const changesFrom = async (fixture: string) => {
    const upstream = await readOpenApiSource(upstreamFixture(fixture));
    const { fragment } = extractOperation(upstream, 'manageConversation');
    return classifyChanges(current, await effectiveOf(fragment), 'manageConversation');
  };

  it('classifies the acceptance changes minor, minor and major', async () => {
    const changes = await changesFrom('acceptance.yaml');
    expect(changes.map(({ pointer, change, side, bump }) => [pointer, change, side, bump])).toEqual(
      [
        ['/components/schemas/assign_conversation_request/required/4', 'added', 'request', 'major'],
        [
          '/components/schemas/conversation/properties/last_activity_at',
          'added',
          'response',
          'minor',
        ],
        [
          '/components/schemas/conversation/properties/priority/enum/2',
          'added',
          'response',
          'minor',
        ],
        [
          '/paths/~1conversations~1{id}~1parts/post/requestBody/content/application~1json/examples/unassign_a_conversation',
          'changed',
          'request',
          'patch',
        ],
      ],
    );
    expect(packageBumps(changes)).toEqual({
      '@conversation-kit/spec': 'major',
      '@conversation-kit/types': 'major',
      '@conversation-kit/fetch': 'major',
      '@conversation-kit/conversations': 'minor',
      '@conversation-kit/testing': 'minor',
    });
  });

  it('reports the path renamed to {conversation_id} as a major change', async () => {
    const changes = await changesFrom('conversation-id-path.yaml');
    expect(changes.map(({ what, bump }) => [what, bump])).toEqual([
      [
        'path changed from `/conversations/{id}/parts` to `/conversations/{conversation_id}/parts`',
        'major',
      ],
      ['parameter `id` (path) removed', 'major'],
      ['required parameter `conversation_id` (path) added', 'major'],
    ]);
  });
});

describe('packageBumps', () => {
  const change = (side: ClassifiedChange['side'], bump: ClassifiedChange['bump']) => ({
    side,
    bump,
    documentation: bump === 'patch',
  });

  it('keeps request-only changes away from conversations, whose request types are its own', () => {
    expect(packageBumps([change('request', 'major')])).toEqual({
      '@conversation-kit/spec': 'major',
      '@conversation-kit/types': 'major',
      '@conversation-kit/fetch': 'major',
      '@conversation-kit/testing': 'minor',
    });
  });

  it('releases documentation-only changes as patches everywhere, and nothing for no change', () => {
    expect(packageBumps([change('request', 'patch'), change('response', 'patch')])).toEqual({
      '@conversation-kit/spec': 'patch',
      '@conversation-kit/types': 'patch',
      '@conversation-kit/fetch': 'patch',
      '@conversation-kit/conversations': 'patch',
      '@conversation-kit/testing': 'patch',
    });
    expect(packageBumps([])).toEqual({});
  });

  it('gives conversations the highest response-side or documentation bump', () => {
    expect(
      packageBumps([
        change('request', 'major'),
        change('both', 'minor'),
        change('operation', 'patch'),
      ]),
    ).toMatchObject({
      '@conversation-kit/conversations': 'minor',
      '@conversation-kit/spec': 'major',
    });
  });
});
