import type { Conversation } from '@conversation-kit/types';
import { describe, expectTypeOf, test } from 'vitest';
import {
  AbortError,
  ApiError,
  AuthenticationError,
  ConnectionError,
  ConversationsError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  retryDefaults,
  ServerError,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
  type ActionResult,
  type AssignAction,
  type ClosedConversation,
  type CloseAction,
  type ConversationAction,
  type Conversations,
  type ConversationsOptions,
  type ManageManyOutcome,
  type OpenAction,
  type OpenedConversation,
  type SnoozeAction,
  type SnoozedConversation,
  type RetryOptions,
  type UnassignAction,
} from './index.js';

declare const conversations: Conversations;
const id = '123';
const adminId = '991267';
const until = new Date('2027-01-01T00:00:00Z');

describe('required fields', () => {
  test('every action needs adminId', async () => {
    // @ts-expect-error: adminId is required
    await conversations.manage(id, { action: 'close' });
    // @ts-expect-error: adminId is required
    await conversations.manage(id, { action: 'open' });
    // @ts-expect-error: adminId is required
    await conversations.manage(id, { action: 'snooze', until });
    // @ts-expect-error: adminId is required
    await conversations.manage(id, { action: 'unassign', from: 'team' });
    // @ts-expect-error: adminId is required
    await conversations.manage(id, { action: 'assign', assignee: { type: 'team', id: 1 } });
    // @ts-expect-error: adminId is required
    await conversations.close(id, {});
    // @ts-expect-error: adminId is required
    await conversations.open(id, {});
    // @ts-expect-error: adminId is required
    await conversations.snooze(id, { until });
    // @ts-expect-error: adminId is required
    await conversations.assign(id, { assignee: { type: 'admin', id: 1 } });
    // @ts-expect-error: adminId is required
    await conversations.unassign(id, { from: 'admin' });
  });

  test('a snooze needs until, an assign an assignee, an unassign from', async () => {
    // @ts-expect-error: until is required
    await conversations.manage(id, { action: 'snooze', adminId });
    // @ts-expect-error: until is required
    await conversations.snooze(id, { adminId });
    // @ts-expect-error: assignee is required
    await conversations.manage(id, { action: 'assign', adminId });
    // @ts-expect-error: assignee is required
    await conversations.assign(id, { adminId });
    // @ts-expect-error: from is required
    await conversations.manage(id, { action: 'unassign', adminId });
    // @ts-expect-error: from is required
    await conversations.unassign(id, { adminId });
  });

  test('an assignee needs a type and an id', async () => {
    // @ts-expect-error: assignee.id is required
    await conversations.assign(id, { adminId, assignee: { type: 'team' } });
    // @ts-expect-error: assignee.type is required
    await conversations.assign(id, { adminId, assignee: { id: 1 } });
    // @ts-expect-error: assignee.id is required
    await conversations.manage(id, { action: 'assign', adminId, assignee: { type: 'admin' } });
  });

  test('the id and the options are required', async () => {
    // @ts-expect-error: the options are required
    await conversations.close(id);
    // @ts-expect-error: the action is required
    await conversations.manage(id);
    // @ts-expect-error: the id is required
    await conversations.open();
  });
});

describe('values of the wrong kind', () => {
  test('ids are strings or numbers', async () => {
    // @ts-expect-error: an id is not a boolean
    await conversations.close(true, { adminId });
    // @ts-expect-error: adminId is not null
    await conversations.close(id, { adminId: null });
    // @ts-expect-error: adminId is not an object
    await conversations.manage(id, { action: 'open', adminId: { id: 1 } });
    // @ts-expect-error: an assignee id is not an array
    await conversations.assign(id, { adminId, assignee: { type: 'team', id: [1] } });
  });

  test('action, assignee.type, from and until are checked', async () => {
    // @ts-expect-error: there is no action "closed"
    await conversations.manage(id, { action: 'closed', adminId });
    // @ts-expect-error: assignee.type is admin or team
    await conversations.assign(id, { adminId, assignee: { type: 'group', id: 1 } });
    // @ts-expect-error: from is admin or team
    await conversations.unassign(id, { adminId, from: 'everyone' });
    // @ts-expect-error: until is a Date or seconds, not a string
    await conversations.snooze(id, { adminId, until: '2027-01-01' });
    // @ts-expect-error: a message is a string
    await conversations.close(id, { adminId, message: 42 });
  });

  test('ids as numbers and Dates or seconds for until are fine', async () => {
    await conversations.close(1, { adminId: 991267 });
    await conversations.snooze(id, { adminId, until: 1798761600 });
    await conversations.manage(id, { action: 'snooze', adminId, until: new Date() });
    await conversations.assign(id, { adminId, assignee: { type: 'team', id: 5017691 } });
  });
});

describe('fields of another action are rejected', () => {
  test('in manage()', async () => {
    // @ts-expect-error: message belongs to close and assign
    await conversations.manage(id, { action: 'open', adminId, message: 'x' });
    // @ts-expect-error: until belongs to snooze
    await conversations.manage(id, { action: 'close', adminId, until: 1 });
    // @ts-expect-error: message belongs to close and assign
    await conversations.manage(id, { action: 'snooze', adminId, until, message: 'x' });
    // @ts-expect-error: from belongs to unassign
    await conversations.manage(id, { action: 'snooze', adminId, until, from: 'team' });
    // @ts-expect-error: assignee belongs to assign
    await conversations.manage(id, { action: 'close', adminId, assignee: { type: 'team', id: 1 } });
    // @ts-expect-error: message belongs to close and assign
    await conversations.manage(id, { action: 'unassign', adminId, from: 'team', message: 'x' });
    // @ts-expect-error: from belongs to unassign
    await conversations.manage(id, { action: 'open', adminId, from: 'admin' });
    // @ts-expect-error: until belongs to snooze
    await conversations.manage(id, { action: 'open', adminId, until });
  });

  test('in manage(), when the assignee or from is a literal', async () => {
    await conversations.manage(id, {
      action: 'assign',
      adminId,
      assignee: { type: 'team', id: 1 },
      // @ts-expect-error: from belongs to unassign
      from: 'team',
    });
    await conversations.manage(id, {
      action: 'unassign',
      adminId,
      from: 'admin',
      // @ts-expect-error: assignee belongs to assign
      assignee: { type: 'admin', id: 1 },
    });
  });

  test('in manage(), when the action is a variable typed wider than its interface', async () => {
    const openWithMessage = { action: 'open', adminId, message: 'x' } as const;
    // @ts-expect-error: message belongs to close and assign
    await conversations.manage(id, openWithMessage);
    const closeWithUntil = { action: 'close' as const, adminId, until: 1 };
    // @ts-expect-error: until belongs to snooze
    await conversations.manage(id, closeWithUntil);
  });

  test('in the shorthands', async () => {
    // @ts-expect-error: until belongs to snooze
    await conversations.close(id, { adminId, until: 1 });
    // @ts-expect-error: message belongs to close and assign
    await conversations.snooze(id, { adminId, until, message: 'x' });
    // @ts-expect-error: message belongs to close and assign
    await conversations.open(id, { adminId, message: 'x' });
    // @ts-expect-error: from belongs to unassign
    await conversations.assign(id, { adminId, assignee: { type: 'team', id: 1 }, from: 'team' });
    // @ts-expect-error: message belongs to close and assign
    await conversations.unassign(id, { adminId, from: 'team', message: 'x' });
    // @ts-expect-error: assignee belongs to assign
    await conversations.close(id, { adminId, assignee: { type: 'team', id: 1 } });
  });

  test('unknown fields', async () => {
    // @ts-expect-error: there is no field body
    await conversations.manage(id, { action: 'close', adminId, body: 'x' });
    // @ts-expect-error: there is no field admin_id
    await conversations.close(id, { adminId, admin_id: adminId });
    // @ts-expect-error: an assignee has only type and id
    await conversations.assign(id, { adminId, assignee: { type: 'team', id: 1, name: 'x' } });
    // @ts-expect-error: the signal goes in the options, not the action
    await conversations.manage(id, { action: 'open', adminId, signal: undefined });
  });
});

describe('results', () => {
  test('manage() infers the result of close, snooze and open', async () => {
    const closed = await conversations.manage(id, { action: 'close', adminId, message: 'Bye' });
    expectTypeOf(closed).toEqualTypeOf<ClosedConversation>();
    expectTypeOf(closed.state).toEqualTypeOf<'closed'>();
    expectTypeOf(closed.open).toEqualTypeOf<false>();

    const snoozed = await conversations.manage(id, { action: 'snooze', adminId, until });
    expectTypeOf(snoozed).toEqualTypeOf<SnoozedConversation>();
    expectTypeOf(snoozed.snoozed_until).toEqualTypeOf<number>();
    expectTypeOf(snoozed.state).toEqualTypeOf<'snoozed'>();

    const opened = await conversations.manage(id, { action: 'open', adminId });
    expectTypeOf(opened).toEqualTypeOf<OpenedConversation>();
    expectTypeOf(opened.state).toEqualTypeOf<'open'>();
  });

  test('manage() infers the result of assign and unassign from literals', async () => {
    const toTeam = await conversations.manage(id, {
      action: 'assign',
      adminId,
      assignee: { type: 'team', id: 5017691 },
    });
    expectTypeOf(toTeam.team_assignee_id).toEqualTypeOf<number>();

    const toAdmin = await conversations.manage(id, {
      action: 'assign',
      adminId,
      assignee: { type: 'admin', id: 814860 },
      message: 'Over to you',
    });
    expectTypeOf(toAdmin.admin_assignee_id).toEqualTypeOf<number>();

    const fromAdmin = await conversations.manage(id, {
      action: 'unassign',
      adminId,
      from: 'admin',
    });
    expectTypeOf(fromAdmin.admin_assignee_id).toEqualTypeOf<null>();

    const fromTeam = await conversations.manage(id, { action: 'unassign', adminId, from: 'team' });
    expectTypeOf(fromTeam.team_assignee_id).toEqualTypeOf<null>();
  });

  test('manage() infers the result of assign and unassign from typed actions', async () => {
    const assign = { action: 'assign', adminId, assignee: { type: 'team', id: 1 } } as const;
    expectTypeOf((await conversations.manage(id, assign)).team_assignee_id).toEqualTypeOf<number>();
    const unassign: { action: 'unassign'; adminId: string; from: 'admin' } = {
      action: 'unassign',
      adminId,
      from: 'admin',
    };
    expectTypeOf(
      (await conversations.manage(id, unassign)).admin_assignee_id,
    ).toEqualTypeOf<null>();
  });

  test('manage() of any action gives any conversation', async () => {
    const action = {} as ConversationAction;
    const conversation = await conversations.manage(id, action);
    expectTypeOf(conversation).toExtend<Conversation>();
    expectTypeOf(conversation.state).toEqualTypeOf<'open' | 'closed' | 'snoozed'>();
  });

  test('the shorthands give the same results', async () => {
    const closed = await conversations.close(id, { adminId });
    expectTypeOf(closed).toEqualTypeOf<ClosedConversation>();
    expectTypeOf(closed.state).toEqualTypeOf<'closed'>();

    const snoozed = await conversations.snooze(id, { adminId, until: 1798761600 });
    expectTypeOf(snoozed).toEqualTypeOf<SnoozedConversation>();
    expectTypeOf(snoozed.snoozed_until).toEqualTypeOf<number>();

    const opened = await conversations.open(id, { adminId });
    expectTypeOf(opened.state).toEqualTypeOf<'open'>();
    expectTypeOf(opened.open).toEqualTypeOf<true>();

    const toTeam = await conversations.assign(id, { adminId, assignee: { type: 'team', id: 1 } });
    expectTypeOf(toTeam.team_assignee_id).toEqualTypeOf<number>();
    const toAdmin = await conversations.assign(id, { adminId, assignee: { type: 'admin', id: 1 } });
    expectTypeOf(toAdmin.admin_assignee_id).toEqualTypeOf<number>();
    expectTypeOf(toAdmin.team_assignee_id).toEqualTypeOf<number | null>();

    const fromAdmin = await conversations.unassign(id, { adminId, from: 'admin' });
    expectTypeOf(fromAdmin.admin_assignee_id).toEqualTypeOf<null>();
    const fromTeam = await conversations.unassign(id, { adminId, from: 'team' });
    expectTypeOf(fromTeam.team_assignee_id).toEqualTypeOf<null>();
  });

  test('ActionResult maps each action to its result', () => {
    expectTypeOf<ActionResult<CloseAction>>().toEqualTypeOf<ClosedConversation>();
    expectTypeOf<ActionResult<SnoozeAction>>().toEqualTypeOf<SnoozedConversation>();
    expectTypeOf<ActionResult<OpenAction>>().toEqualTypeOf<OpenedConversation>();
    expectTypeOf<
      ActionResult<{
        action: 'assign';
        adminId: '1';
        assignee: { type: 'team'; id: 2 };
      }>['team_assignee_id']
    >().toEqualTypeOf<number>();
    expectTypeOf<
      ActionResult<{ action: 'unassign'; adminId: '1'; from: 'team' }>['team_assignee_id']
    >().toEqualTypeOf<null>();
    expectTypeOf<ActionResult<AssignAction>['team_assignee_id']>().toEqualTypeOf<number | null>();
    expectTypeOf<ActionResult<UnassignAction>>().toExtend<Conversation>();
  });
});

describe('ConversationAction', () => {
  test('narrows on action, and an exhaustive switch leaves never', () => {
    function describeAction(action: ConversationAction): string {
      switch (action.action) {
        case 'close':
          expectTypeOf(action).toEqualTypeOf<CloseAction>();
          return action.message ?? 'close';
        case 'snooze':
          expectTypeOf(action.until).toEqualTypeOf<Date | number>();
          return 'snooze';
        case 'open':
          expectTypeOf(action).toEqualTypeOf<OpenAction>();
          return 'open';
        case 'assign':
          expectTypeOf(action.assignee.type).toEqualTypeOf<'admin' | 'team'>();
          return 'assign';
        case 'unassign':
          expectTypeOf(action.from).toEqualTypeOf<'admin' | 'team'>();
          return 'unassign';
        default: {
          const unreachable: never = action;
          return unreachable;
        }
      }
    }
    expectTypeOf(describeAction).returns.toEqualTypeOf<string>();
  });

  test('a switch that forgets an action does not leave never', () => {
    function incomplete(action: ConversationAction): string {
      switch (action.action) {
        case 'close':
        case 'snooze':
        case 'open':
        case 'assign':
          return action.action;
        default: {
          // @ts-expect-error: unassign is left
          const unreachable: never = action;
          return unreachable;
        }
      }
    }
    expectTypeOf(incomplete).parameters.toEqualTypeOf<[ConversationAction]>();
  });
});

describe('manageMany', () => {
  test('takes items of { id, action } and an outcome narrows on ok', async () => {
    const report = await conversations.manageMany(
      [
        { id, action: { action: 'close', adminId } },
        { id: 124, action: { action: 'snooze', adminId, until } },
      ],
      { concurrency: 2, onProgress: ({ done, total }) => void (done / total) },
    );
    expectTypeOf(report.succeeded).toEqualTypeOf<number>();
    expectTypeOf(report.failed).toEqualTypeOf<number>();
    for (const outcome of report.outcomes) {
      expectTypeOf(outcome).toEqualTypeOf<ManageManyOutcome>();
      expectTypeOf(outcome.index).toEqualTypeOf<number>();
      if (outcome.ok) {
        expectTypeOf(outcome.conversation).toEqualTypeOf<Conversation>();
        // @ts-expect-error: a success has no error
        void outcome.error;
      } else {
        expectTypeOf(outcome.error).toEqualTypeOf<ConversationsError>();
        // @ts-expect-error: a failure has no conversation
        void outcome.conversation;
      }
    }
  });

  test('checks each item', async () => {
    // @ts-expect-error: until is required
    await conversations.manageMany([{ id, action: { action: 'snooze', adminId } }]);
    // @ts-expect-error: the id is required
    await conversations.manageMany([{ action: { action: 'open', adminId } }]);
    // @ts-expect-error: concurrency is a number
    await conversations.manageMany([], { concurrency: '4' });
  });
});

describe('errors', () => {
  test('every error class is exported and extends ConversationsError', () => {
    expectTypeOf<ValidationError>().toExtend<ConversationsError>();
    expectTypeOf<ApiError>().toExtend<ConversationsError>();
    expectTypeOf<AuthenticationError>().toExtend<ApiError>();
    expectTypeOf<PermissionDeniedError>().toExtend<ApiError>();
    expectTypeOf<NotFoundError>().toExtend<ApiError>();
    expectTypeOf<RateLimitError>().toExtend<ApiError>();
    expectTypeOf<ServerError>().toExtend<ApiError>();
    expectTypeOf<ConnectionError>().toExtend<ConversationsError>();
    expectTypeOf<TimeoutError>().toExtend<ConversationsError>();
    expectTypeOf<AbortError>().toExtend<ConversationsError>();
    expectTypeOf<UnexpectedResponseError>().toExtend<ConversationsError>();
    expectTypeOf<ConversationsError>().toExtend<Error>();
  });

  test('their fields are typed', () => {
    expectTypeOf<ConversationsError['mayHaveBeenApplied']>().toEqualTypeOf<boolean>();
    expectTypeOf<ValidationError['field']>().toEqualTypeOf<string>();
    expectTypeOf<ApiError['status']>().toEqualTypeOf<number>();
    expectTypeOf<ApiError['requestId']>().toEqualTypeOf<string | null>();
    expectTypeOf<ApiError['errors'][number]['code']>().toEqualTypeOf<string>();
    expectTypeOf<RateLimitError['resetAt']>().toEqualTypeOf<Date | undefined>();
    expectTypeOf<TimeoutError['timeoutMs']>().toEqualTypeOf<number>();
    expectTypeOf<UnexpectedResponseError['status']>().toEqualTypeOf<number>();
    expectTypeOf<ConversationsError['toJSON']>().returns.toEqualTypeOf<Record<string, unknown>>();
  });
});

describe('the retry option', () => {
  test('takes a number of retries or the policy; maxRetries is gone; retryDefaults is readonly', () => {
    expectTypeOf<ConversationsOptions['retry']>().toEqualTypeOf<
      number | RetryOptions | undefined
    >();
    expectTypeOf<{ token: string; retry: 3 }>().toExtend<ConversationsOptions>();
    expectTypeOf<{ token: string; retry: { maxRetries: 3 } }>().toExtend<ConversationsOptions>();
    // @ts-expect-error: maxRetries is no longer an option
    const former: ConversationsOptions = { token: 't', maxRetries: 3 };
    void former;
    // @ts-expect-error: retryDefaults is frozen, and typed so
    retryDefaults.maxRetries = 5;
  });

  test('RedirectError names its status and target origin', () => {
    expectTypeOf<RedirectError['status']>().toEqualTypeOf<number>();
    expectTypeOf<RedirectError['targetOrigin']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<RedirectError>().toExtend<ConversationsError>();
  });
});
