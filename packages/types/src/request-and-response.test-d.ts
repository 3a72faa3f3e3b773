import type {
  AiAgent,
  AssignConversationRequest,
  CloseConversationRequest,
  Conversation,
  ConversationPart,
  IntercomError,
  IntercomVersion,
  ManageConversationRequest,
  ManageConversationResponse,
  OpenConversationRequest,
  Reference,
  SnoozeConversationRequest,
} from './index.js';

describe('ManageConversationRequest', () => {
  test('narrows to one variant per message_type', () => {
    function check(request: ManageConversationRequest) {
      switch (request.message_type) {
        case 'snoozed':
          expectTypeOf(request).toEqualTypeOf<SnoozeConversationRequest>();
          expectTypeOf(request.snoozed_until).toEqualTypeOf<number>();
          break;
        case 'assignment':
          expectTypeOf(request).toEqualTypeOf<AssignConversationRequest>();
          expectTypeOf(request.assignee_id).toEqualTypeOf<string>();
          expectTypeOf(request.type).toEqualTypeOf<'admin' | 'team'>();
          break;
        case 'close':
          expectTypeOf(request).toEqualTypeOf<CloseConversationRequest>();
          expectTypeOf(request.type).toEqualTypeOf<'admin'>();
          break;
        case 'open':
          expectTypeOf(request).toEqualTypeOf<OpenConversationRequest>();
          expectTypeOf(request).not.toHaveProperty('type');
          break;
        default:
          expectTypeOf(request).toBeNever();
      }
    }
    expectTypeOf(check).parameter(0).toEqualTypeOf<ManageConversationRequest>();
  });

  test('a snooze needs snoozed_until', () => {
    // @ts-expect-error: snoozed_until is missing
    const snooze: ManageConversationRequest = {
      message_type: 'snoozed',
      admin_id: '991267',
    };
  });

  test('an open takes no body', () => {
    const open: ManageConversationRequest = {
      message_type: 'open',
      admin_id: '991267',
      // @ts-expect-error: open has no body
      body: 'Reopening',
    };
  });

  test('an assignment needs assignee_id', () => {
    // @ts-expect-error: assignee_id is missing
    const assign: ManageConversationRequest = {
      message_type: 'assignment',
      type: 'admin',
      admin_id: '991267',
    };
  });

  test('message_type is "snoozed", not "snooze"', () => {
    const snooze: ManageConversationRequest = {
      // @ts-expect-error: 'snooze' is not a message_type
      message_type: 'snooze',
      admin_id: '991267',
      snoozed_until: 1673609604,
    };
  });

  test('admin_id is a string, not a number', () => {
    const close: ManageConversationRequest = {
      message_type: 'close',
      type: 'admin',
      // @ts-expect-error: admin_id must be a string
      admin_id: 991267,
    };
  });
});

describe('Conversation', () => {
  test('ai_agent may be null', () => {
    expectTypeOf<Conversation['ai_agent']>().toEqualTypeOf<AiAgent | null | undefined>();
    expectTypeOf<null>().toExtend<Conversation['ai_agent']>();
  });

  test('a part’s assigned_to may be null', () => {
    expectTypeOf<ConversationPart['assigned_to']>().toEqualTypeOf<Reference | null | undefined>();
    expectTypeOf<null>().toExtend<ConversationPart['assigned_to']>();
  });

  test('state is open, closed or snoozed', () => {
    expectTypeOf<Conversation['state']>().toEqualTypeOf<'open' | 'closed' | 'snoozed'>();
  });

  test('id is a required string', () => {
    expectTypeOf<Pick<Conversation, 'id'>>().toEqualTypeOf<{ id: string }>();
  });

  test('is the 200 response body', () => {
    expectTypeOf<ManageConversationResponse>().toEqualTypeOf<Conversation>();
  });
});

test('IntercomError lists errors with a string code', () => {
  expectTypeOf<IntercomError['errors'][number]['code']>().toEqualTypeOf<string>();
});

test('IntercomVersion includes 2.12 but not 3.0', () => {
  expectTypeOf<'2.12'>().toExtend<IntercomVersion>();
  expectTypeOf<'3.0'>().not.toExtend<IntercomVersion>();
  // @ts-expect-error: 3.0 is not an Intercom API version
  const next: IntercomVersion = '3.0';
});
