import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractOperation } from './extract-operation.js';
import { readOpenApiSource } from './read-openapi-source.js';
import { pinnedApiVersion, specLayout } from './spec-layout.js';
import { realSpecDirectory, upstreamFixture } from './test-support/workspace.js';
import { UpstreamRefusal } from './upstream-refusal.js';

type Json = Record<string, any>;
const extract = async (name: string) =>
  extractOperation(await readOpenApiSource(upstreamFixture(name)), 'manageConversation');
const committedFragment = specLayout(
  realSpecDirectory,
  await pinnedApiVersion(realSpecDirectory),
).fragment;
const refusal = async (name: string): Promise<UpstreamRefusal> => {
  const error = await extract(name).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UpstreamRefusal);
  return error as UpstreamRefusal;
};

describe('extractOperation', () => {
  it('keeps only the operation and the closure of what it references, in upstream order', async () => {
    const { fragment, path, method } = await extract('several-operations.yaml');
    const components = (fragment as Json)['components'];
    expect([path, method]).toEqual(['/conversations/{id}/parts', 'post']);
    expect(Object.keys(fragment)).toEqual([
      'openapi',
      'info',
      'servers',
      'security',
      'tags',
      'paths',
      'components',
    ]);
    expect(Object.keys((fragment as Json)['paths'])).toEqual(['/conversations/{id}/parts']);
    // Path-level parameters come along, before the operation as upstream has them.
    expect(Object.keys((fragment as Json)['paths']['/conversations/{id}/parts'])).toEqual([
      'parameters',
      'post',
    ]);
    expect((fragment as Json)['tags']).toEqual([
      { name: 'Conversations', description: 'Everything about your Conversations' },
    ]);
    expect(Object.keys(components)).toEqual([
      'schemas',
      'parameters',
      'headers',
      'requestBodies',
      'responses',
      'examples',
      'securitySchemes',
    ]);
    // Not admin (listAdmins) nor contact (getContact); not_a_reference sits in an example.
    expect(Object.keys(components.schemas)).toEqual([
      'error',
      'conversation',
      'contact_reference',
      'close_request',
      'error_item',
      'admin_reference',
    ]);
    // apiKey is only required by another operation.
    expect(Object.keys(components.securitySchemes)).toEqual(['bearerAuth']);
  });

  it('finds the operation by operationId whatever its path', async () => {
    const { path } = await extract('conversation-id-path.yaml');
    expect(path).toBe('/conversations/{conversation_id}/parts');
  });

  it('extracts our own fragment as it is', async () => {
    const current = parse(await readFile(committedFragment, 'utf8')) as Json;
    const { fragment } = await extractOperation(current, 'manageConversation');
    expect(JSON.stringify(fragment)).toBe(JSON.stringify(current));
  });

  it('refuses a $ref that does not resolve, naming it and where it was found', async () => {
    const error = await refusal('broken-ref.yaml');
    expect(error.message).toBe(
      '$ref "#/components/schemas/tag_list" at /components/schemas/conversation/properties/tags does not resolve',
    );
  });

  it('refuses Swagger 2.0 and documents without the operation', async () => {
    expect((await refusal('swagger-2.yaml')).message).toMatch(
      /is Swagger 2\.0; only OpenAPI 3\.0\.x and 3\.1\.x are synced/,
    );
    expect((await refusal('without-operation.yaml')).message).toBe(
      'the document has no operation with operationId "manageConversation"',
    );
  });

  it('refuses other OpenAPI versions, external references and a duplicated operationId', async () => {
    const document = (extra: Json = {}): Json => ({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          post: {
            operationId: 'manageConversation',
            responses: { '200': { $ref: 'common.yaml#/components/responses/ok' } },
          },
        },
      },
      ...extra,
    });
    await expect(
      extractOperation(document({ openapi: '3.2.0' }), 'manageConversation'),
    ).rejects.toThrow(
      'the document declares openapi "3.2.0"; only OpenAPI 3.0.x and 3.1.x are synced',
    );
    await expect(extractOperation(document(), 'manageConversation')).rejects.toThrow(
      '$ref "common.yaml#/components/responses/ok" at /paths/~1a/post/responses/200 does not resolve',
    );
    const twice = document();
    twice['paths']['/b'] = { get: { operationId: 'manageConversation', responses: {} } };
    await expect(extractOperation(twice, 'manageConversation')).rejects.toThrow(
      'operationId "manageConversation" is used more than once: POST /a, GET /b',
    );
  });

  it('refuses a security requirement naming an undefined scheme', async () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      security: [{ oauth: [] }],
      paths: { '/a': { post: { operationId: 'manageConversation', responses: {} } } },
    };
    await expect(extractOperation(document, 'manageConversation')).rejects.toThrow(
      '$ref "#/components/securitySchemes/oauth" at /security/0 does not resolve',
    );
  });
});
