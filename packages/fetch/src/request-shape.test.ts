import { describe, expect, test } from 'vitest';
import {
  defaultIntercomVersion,
  manageConversation,
  type ManageConversationRequest,
} from './index.js';
import { clientFor, fakesClosedAfterEach } from './test-support/fake-intercom.js';
import {
  adminId,
  closeRequest,
  conversationParams,
  conversationsPath,
  errorList,
  nowSeconds,
  teamId,
} from './test-support/fixtures.js';

const startFake = fakesClosedAfterEach();

describe('the request for POST /conversations/{id}/parts', () => {
  test('is a POST to the conversation’s parts', async () => {
    const fake = await startFake();
    const { id } = fake.conversations.add();
    const { response } = await clientFor(fake).POST(conversationsPath, {
      params: { path: conversationParams(id) },
      body: closeRequest,
    });
    expect(response.status).toBe(200);
    expect(fake.requests.map(({ method, path }) => ({ method, path }))).toEqual([
      { method: 'POST', path: `/conversations/${id}/parts` },
    ]);
  });

  test('URL-encodes the id', async () => {
    const fake = await startFake();
    const { error, response } = await clientFor(fake).POST(conversationsPath, {
      params: { path: conversationParams('a b/c?d#e') },
      body: closeRequest,
    });
    expect(fake.requests.map((request) => request.path)).toEqual([
      '/conversations/a%20b%2Fc%3Fd%23e/parts',
    ]);
    // The fake has no such conversation: it can only hold ids of digits, as Intercom does.
    expect(response.status).toBe(404);
    expect(error).toEqual(errorList('not_found', 'Resource Not Found'));
  });

  test('sends the token, the API version and JSON content headers', async () => {
    const fake = await startFake();
    const { id } = fake.conversations.add();
    await clientFor(fake).POST(conversationsPath, {
      params: { path: conversationParams(id) },
      body: closeRequest,
    });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request!.authorized).toBe(true);
    // fetch joins a header set twice into one `a, a` value, so these also show each was set once.
    expect(request!.headers).toMatchObject({
      authorization: 'ok',
      'intercom-version': defaultIntercomVersion,
      accept: 'application/json',
      'content-type': 'application/json',
    });
    expect(request!.status).toBe(200);
  });

  test.each<ManageConversationRequest>([
    closeRequest,
    { message_type: 'snoozed', admin_id: adminId, snoozed_until: nowSeconds + 3600 },
    { message_type: 'open', admin_id: adminId },
    {
      message_type: 'assignment',
      type: 'team',
      admin_id: adminId,
      assignee_id: teamId,
      body: 'Let me pass you over to one of my colleagues.',
    },
  ])('sends a $message_type body as the JSON given', async (body) => {
    const fake = await startFake();
    const { id } = fake.conversations.add();
    await clientFor(fake).POST(conversationsPath, {
      params: { path: conversationParams(id) },
      body,
    });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(JSON.parse(request!.rawBody)).toEqual(body);
    // The fake validates the body against the spec before it applies it.
    expect(request!.status).toBe(200);
    expect(request!.applied).toBe(true);
  });

  test('is the same through manageConversation', async () => {
    const fake = await startFake();
    const { error } = await manageConversation(clientFor(fake), {
      params: { path: conversationParams('a b') },
      body: closeRequest,
    });
    expect(error).toEqual(errorList('not_found', 'Resource Not Found'));
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/conversations/a%20b/parts');
    expect(request!.authorized).toBe(true);
    expect(request!.headers).toMatchObject({
      'intercom-version': defaultIntercomVersion,
      accept: 'application/json',
      'content-type': 'application/json',
    });
    expect(JSON.parse(request!.rawBody)).toEqual(closeRequest);
  });
});
