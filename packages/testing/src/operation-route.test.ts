import { document } from '@conversation-kit/spec';
import { describe, expect, it } from 'vitest';
import { operationRoute } from './operation-route.js';
import { startFakeIntercomFor } from './start-fake-intercom.js';
import { manageConversationPath214 } from './test-support/intercom-excerpts.js';
import { RawConnection, rawRequest } from './test-support/raw-http.js';
import { expectRawError } from './test-support/spec-assertions.js';

const ADMIN = '991267';
const [path214, pathItem214] = Object.entries(manageConversationPath214)[0]!;

/** The effective document with the operation's path item moved to `path`, with 2.14's parameters. */
function documentWithPath(path: string): Record<string, any> {
  const moved = structuredClone(document) as Record<string, any>;
  const [[oldPath, pathItem]] = Object.entries(moved['paths']) as [[string, any]];
  delete moved['paths'][oldPath];
  pathItem.post.parameters = structuredClone(pathItem214.post.parameters);
  moved['paths'][path] = pathItem;
  return moved;
}

const close = JSON.stringify({ message_type: 'close', type: 'admin', admin_id: ADMIN });

describe('operationRoute', () => {
  it('finds manageConversation where the effective document of the pinned version has it', () => {
    // Read from the document by hand, so the expectation does not come from the code under test.
    const [template] = Object.entries(document.paths).find(
      ([, item]) =>
        (item['post'] as { operationId?: string } | undefined)?.operationId ===
        'manageConversation',
    )!;
    const route = operationRoute(document, 'manageConversation');
    expect(route).toMatchObject({ method: 'POST', template });
    expect(template).toMatch(/^\/conversations\/\{[a-z_]+\}\/parts$/);
    expect(route.parameterOf('/conversations/123/parts')).toBe('123');
    expect(route.parameterOf('/conversations/123/parts?x=1')).toBe('123');
  });

  it("follows 2.14's template, whatever its parameter is called", () => {
    const route = operationRoute({ paths: manageConversationPath214 }, 'manageConversation');
    expect(route).toMatchObject({
      method: 'POST',
      template: '/conversations/{conversation_id}/parts',
    });
    expect(route.parameterOf('/conversations/a%2Fb/parts')).toBe('a%2Fb');
  });

  it.each([
    '/conversations/123',
    '/conversations//parts',
    '/conversations/1/2/parts',
    '/conversations/123/parts/',
    '/xconversations/123/parts',
    '/conversations/123/partsx',
  ])('matches no other path: %s', (path) => {
    expect(operationRoute(document, 'manageConversation').parameterOf(path)).toBeUndefined();
  });

  it('takes the template literally, not as a pattern', () => {
    const route = operationRoute(
      { paths: { '/a.b/{x}/(c)': { put: { operationId: 'op' } } } },
      'op',
    );
    expect(route.parameterOf('/a.b/1/(c)')).toBe('1');
    expect(route.parameterOf('/aXb/1/(c)')).toBeUndefined();
  });

  it('fails clearly for a document without the operation', () => {
    expect(() => operationRoute({ paths: {} }, 'manageConversation')).toThrow(
      'The document has no operation "manageConversation"',
    );
  });
});

describe('a fake on a document that moves the operation', () => {
  it("serves 2.14's /conversations/{conversation_id}/parts", async () => {
    await using fake = await startFakeIntercomFor(documentWithPath(path214), {
      admins: [ADMIN],
      conversations: [{ id: '123', state: 'open' }],
    });
    const headers = { Authorization: `Bearer ${fake.token}`, 'Content-Type': 'application/json' };
    const connection = await RawConnection.open(fake.url);
    await connection.write(rawRequest('POST', '/conversations/123/parts', headers, close));
    expect((await connection.nextResponse()).status).toBe(200);
    expect(fake.conversations.get('123')?.state).toBe('closed');
    connection.destroy();
  });

  it('serves wherever the document puts it, and no longer the old path', async () => {
    await using fake = await startFakeIntercomFor(
      documentWithPath('/v9/inbox/{conversation_id}/manage'),
      { admins: [ADMIN], conversations: [{ id: '123', state: 'open' }] },
    );
    const headers = { Authorization: `Bearer ${fake.token}`, 'Content-Type': 'application/json' };
    const connection = await RawConnection.open(fake.url);
    await connection.write(rawRequest('POST', '/conversations/123/parts', headers, close));
    expectRawError(await connection.nextResponse(), 404, 'not_found');
    expect(fake.conversations.get('123')?.state).toBe('open');
    await connection.write(rawRequest('POST', '/v9/inbox/123/manage', headers, close));
    expect((await connection.nextResponse()).status).toBe(200);
    expect(fake.conversations.get('123')?.state).toBe('closed');
    connection.destroy();
  });
});
