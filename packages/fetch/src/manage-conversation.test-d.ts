import { describe, expectTypeOf, test } from 'vitest';
import {
  createIntercomClient,
  manageConversation,
  type AiAgent,
  type Conversation,
  type IntercomError,
  type ManageConversationRequest,
} from './index.js';
import { conversationParams, conversationsPath } from './test-support/fixtures.js';

const client = createIntercomClient({ token: 'type-test-token' });
const path = conversationsPath;
const close: ManageConversationRequest = {
  message_type: 'close',
  type: 'admin',
  admin_id: '991267',
};

// `data` is compared with `Conversation` both ways: an identity check would trip over the same
// type reached through openapi-fetch's helpers once a schema holds an intersection (an `allOf`).
describe('client.POST', () => {
  test('needs a body', async () => {
    await client.POST(
      path,
      // @ts-expect-error: body is required
      { params: { path: conversationParams('123') } },
    );
  });

  test("needs params.path, with the operation's path parameter", async () => {
    await client.POST(path, {
      // @ts-expect-error: the path parameter is required
      params: { path: {} },
      body: close,
    });
    await client.POST(
      path,
      // @ts-expect-error: params is required
      { body: close },
    );
    // @ts-expect-error: the init with params and body is required
    await client.POST(path);
  });

  test('rejects snoozed_until on a close', async () => {
    await client.POST(path, {
      params: { path: conversationParams('123') },
      body: {
        message_type: 'close',
        type: 'admin',
        admin_id: '991267',
        // @ts-expect-error: snoozed_until belongs to a snooze
        snoozed_until: 1673609604,
      },
    });
  });

  test('types data as the Conversation and error as the error.list', async () => {
    const { data, error } = await client.POST(path, {
      params: { path: conversationParams('123') },
      body: close,
    });
    expectTypeOf(data).toExtend<Conversation | undefined>();
    expectTypeOf<Conversation | undefined>().toExtend<typeof data>();
    expectTypeOf(error).toEqualTypeOf<IntercomError | undefined>();
    if (error) {
      expectTypeOf(error).toEqualTypeOf<IntercomError>();
      expectTypeOf(error.errors[0]?.code).toEqualTypeOf<string | undefined>();
      expectTypeOf(data).toBeUndefined();
      return;
    }
    expectTypeOf(data).toExtend<Conversation>();
    expectTypeOf<Conversation>().toExtend<typeof data>();
    expectTypeOf(data.ai_agent).toEqualTypeOf<AiAgent | null | undefined>();
    expectTypeOf<null>().toExtend<typeof data.ai_agent>();
  });
});

describe('manageConversation', () => {
  test('needs a body', async () => {
    await manageConversation(
      client,
      // @ts-expect-error: body is required
      { params: { path: conversationParams('123') } },
    );
  });

  test("needs params.path, with the operation's path parameter", async () => {
    await manageConversation(client, {
      // @ts-expect-error: the path parameter is required
      params: { path: {} },
      body: close,
    });
    await manageConversation(
      client,
      // @ts-expect-error: params is required
      { body: close },
    );
  });

  test('rejects snoozed_until on a close', async () => {
    await manageConversation(client, {
      params: { path: conversationParams('123') },
      body: {
        message_type: 'close',
        type: 'admin',
        admin_id: '991267',
        // @ts-expect-error: snoozed_until belongs to a snooze
        snoozed_until: 1673609604,
      },
    });
  });

  test('types data as the Conversation and error as the error.list', async () => {
    const result = await manageConversation(client, {
      params: { path: conversationParams('123') },
      body: close,
    });
    expectTypeOf(result.data).toExtend<Conversation | undefined>();
    expectTypeOf<Conversation | undefined>().toExtend<typeof result.data>();
    expectTypeOf(result.error).toEqualTypeOf<IntercomError | undefined>();
    if (result.error !== undefined) {
      expectTypeOf(result.error).toEqualTypeOf<IntercomError>();
      expectTypeOf(result.data).toBeUndefined();
      return;
    }
    expectTypeOf(result.data).toExtend<Conversation>();
    expectTypeOf<Conversation>().toExtend<typeof result.data>();
    expectTypeOf(result.data.ai_agent).toEqualTypeOf<AiAgent | null | undefined>();
  });

  test('resolves to exactly what client.POST resolves to', () => {
    const init = { params: { path: conversationParams('123') }, body: close };
    expectTypeOf(manageConversation(client, init)).toEqualTypeOf(client.POST(path, init));
  });
});
