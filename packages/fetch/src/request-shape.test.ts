import { afterEach, describe, expect, test } from 'vitest';
import {
  createIntercomClient,
  manageConversation,
  type ManageConversationRequest,
} from './index.js';
import { closeRequest, conversation, conversationsPath, token } from './test-support/fixtures.js';
import {
  startLoopbackServer,
  type LoopbackServer,
  type RecordedRequest,
} from './test-support/loopback-server.js';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function requestSentFor(id: string, body: ManageConversationRequest) {
  server = await startLoopbackServer([{ status: 200, body: conversation }]);
  const client = createIntercomClient({ token, baseUrl: server.url });
  await client.POST(conversationsPath, { params: { path: { id } }, body });
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}

// Every value sent for a header, whatever its case, so a duplicate cannot hide behind Node's parsing.
function sentValues(request: RecordedRequest, name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    if (request.rawHeaders[i]!.toLowerCase() === name) values.push(request.rawHeaders[i + 1]!);
  }
  return values;
}

describe('the request for POST /conversations/{id}/parts', () => {
  test('is a POST to the conversation’s parts', async () => {
    const request = await requestSentFor('123', closeRequest);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/conversations/123/parts');
  });

  test('URL-encodes the id', async () => {
    const request = await requestSentFor('a b/c?d#e', closeRequest);
    expect(request.url).toBe('/conversations/a%20b%2Fc%3Fd%23e/parts');
  });

  test('sends the token, the API version and JSON content headers, once each', async () => {
    const request = await requestSentFor('123', closeRequest);
    expect(sentValues(request, 'authorization')).toEqual([`Bearer ${token}`]);
    expect(sentValues(request, 'intercom-version')).toEqual(['2.12']);
    expect(sentValues(request, 'accept')).toEqual(['application/json']);
    expect(sentValues(request, 'content-type')).toEqual(['application/json']);
  });

  test.each<ManageConversationRequest>([
    closeRequest,
    { message_type: 'snoozed', admin_id: '5017691', snoozed_until: 1673609604 },
    { message_type: 'open', admin_id: '5017690' },
    {
      message_type: 'assignment',
      type: 'team',
      admin_id: '12345',
      assignee_id: '4324241',
      body: 'Let me pass you over to one of my colleagues.',
    },
  ])('sends a $message_type body as the JSON given', async (body) => {
    const request = await requestSentFor('123', body);
    expect(JSON.parse(request.body)).toEqual(body);
  });

  test('is the same through manageConversation', async () => {
    server = await startLoopbackServer([{ status: 200, body: conversation }]);
    const client = createIntercomClient({ token, baseUrl: server.url });
    await manageConversation(client, { params: { path: { id: 'a b' } }, body: closeRequest });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('/conversations/a%20b/parts');
    expect(request!.headers.authorization).toBe(`Bearer ${token}`);
    expect(JSON.parse(request!.body)).toEqual(closeRequest);
  });
});
