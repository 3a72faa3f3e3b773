import { createIntercomClient, type IntercomClientOptions } from '@conversation-kit/fetch';
import type { Conversation } from '@conversation-kit/types';
import { actionRequest } from './action-request.js';
import type {
  ActionResult,
  ClosedConversation,
  ConversationAction,
  Exactly,
  Id,
  OpenedConversation,
  SnoozedConversation,
} from './conversation-action.js';
import type { ConversationsOptions } from './conversations-options.js';
import { defaultSleep } from './default-sleep.js';
import { redactSecret } from './errors/redact-secret.js';
import { ValidationError } from './errors/validation-error.js';
import { checkedId, checkedSignal, describeValue } from './id-validation.js';
import {
  manageMany,
  type ManageManyItem,
  type ManageManyOptions,
  type ManageManyReport,
} from './manage-many.js';
import { createInProcessRateLimitStore } from './in-process-rate-limit-store.js';
import { RateLimitPacer } from './rate-limit-pacer.js';
import type { RateLimitState } from './rate-limit-state.js';
import { retryDefaults } from './retry-defaults.js';
import { sendWithRetries, type CallContext } from './send-with-retries.js';

/** Options every single call takes. */
export interface CallOptions {
  /** Cancels the call at once, in flight or while waiting to retry. */
  signal?: AbortSignal;
}

/**
 * The conversation actions, bound to one access token and region.
 *
 * @example
 * const conversations = createConversations({ token, region: 'eu' });
 * const closed = await conversations.close('123', { adminId: '991267', message: 'Solved!' });
 */
export interface Conversations {
  /** Closes a conversation, optionally leaving a message. */
  close(
    id: Id,
    options: { adminId: Id; message?: string } & CallOptions,
  ): Promise<ClosedConversation>;
  /** Snoozes a conversation until a `Date` or Unix seconds in the future. */
  snooze(
    id: Id,
    options: { adminId: Id; until: Date | number } & CallOptions,
  ): Promise<SnoozedConversation>;
  /** Opens a closed or snoozed conversation. */
  open(id: Id, options: { adminId: Id } & CallOptions): Promise<OpenedConversation>;
  /** Assigns a conversation to an admin or a team, optionally leaving a message. */
  assign<T extends 'admin' | 'team'>(
    id: Id,
    options: { adminId: Id; assignee: { type: T; id: Id }; message?: string } & CallOptions,
  ): Promise<ActionResult<{ action: 'assign'; adminId: Id; assignee: { type: T; id: Id } }>>;
  /** Removes a conversation's admin or team assignee. */
  unassign<F extends 'admin' | 'team'>(
    id: Id,
    options: { adminId: Id; from: F } & CallOptions,
  ): Promise<ActionResult<{ action: 'unassign'; adminId: Id; from: F }>>;
  /** Performs any action; the result is typed by the action. */
  manage<const A extends ConversationAction>(
    id: Id,
    action: Exactly<A>,
    options?: CallOptions,
  ): Promise<ActionResult<A>>;
  /** Performs many actions with bounded concurrency, paced by the rate limit; never throws for one item. */
  manageMany(
    items: readonly ManageManyItem[],
    options?: ManageManyOptions,
  ): Promise<ManageManyReport>;
  /** The rate-limit state of Intercom's last answer, if any. */
  readonly rateLimit: RateLimitState | undefined;
}

/**
 * Creates the conversation actions for one access token: validated before sending, typed by
 * action, with typed errors and retries that never post a message twice.
 *
 * @example
 * import { createConversations } from '@conversation-kit/conversations';
 *
 * const conversations = createConversations({ token: process.env.INTERCOM_TOKEN!, region: 'eu' });
 * await conversations.snooze('123', { adminId: '991267', until: new Date(Date.now() + 86_400_000) });
 */
export function createConversations(options: ConversationsOptions): Conversations {
  if (typeof options !== 'object' || options === null) {
    throw new ValidationError(
      'options',
      `is ${describeValue(options)}`,
      'an object such as { token }',
    );
  }
  const {
    timeoutMs = 30_000,
    maxRetries,
    retry = {},
    now = Date.now,
    sleep = defaultSleep,
    rateLimitStore,
    ...clientOptions
  } = options;
  const settings = {
    ...retryDefaults,
    ...retry,
    ...(maxRetries === undefined ? {} : { maxRetries }),
  };
  // Node's timers hold at most 2^31 - 1 ms; a longer timeout would fire at once.
  checkWhole('timeoutMs', timeoutMs, 1, 2_147_483_647);
  checkWhole('maxRetries', settings.maxRetries, 0, 100);
  checkWhole('retry.baseDelayMs', settings.baseDelayMs, 0, 2_147_483_647);
  checkWhole('retry.maxDelayMs', settings.maxDelayMs, 0, 2_147_483_647);
  checkWhole('retry.maxRateLimitWaitMs', settings.maxRateLimitWaitMs, 0, 2_147_483_647);
  if (typeof settings.retryMessagesAfterAmbiguousFailure !== 'boolean') {
    throw new ValidationError(
      'retry.retryMessagesAfterAmbiguousFailure',
      `is ${describeValue(settings.retryMessagesAfterAmbiguousFailure)}`,
      'true or false',
    );
  }
  if (typeof now !== 'function' || typeof sleep !== 'function') {
    throw new ValidationError(
      typeof now !== 'function' ? 'now' : 'sleep',
      'is not a function',
      'a function, or nothing',
    );
  }
  const timing = { now, sleep };
  const context: CallContext = {
    client: createIntercomClient(clientOptions as IntercomClientOptions),
    pacer: new RateLimitPacer({
      store: rateLimitStore ?? createInProcessRateLimitStore({ now }),
      timing,
      maxWaitMs: settings.maxRateLimitWaitMs,
    }),
    timing,
    timeoutMs,
    retry: settings,
    random: Math.random,
  };

  const perform = async (
    id: unknown,
    action: unknown,
    signal: AbortSignal | undefined,
    path = 'action',
  ): Promise<Conversation> => {
    const conversationId = checkedId(id, 'id');
    checkedSignal(signal, `${path === 'options' ? 'options' : 'callOptions'}.signal`);
    const request = actionRequest(action, path, now());
    return sendWithRetries(context, conversationId, request, signal).catch((error: unknown) => {
      throw redactSecret(error, clientOptions.token);
    });
  };
  // Each shorthand takes its own fields and the signal; the rest of the options become the action.
  const shorthand =
    (kind: ConversationAction['action']) =>
    (id: Id, callOptions: object): Promise<never> => {
      if (typeof callOptions !== 'object' || callOptions === null) {
        return Promise.reject(
          new ValidationError(
            'options',
            `is ${describeValue(callOptions)}`,
            'an object such as { adminId }',
          ),
        );
      }
      const { signal, ...fields } = callOptions as { signal?: AbortSignal };
      return perform(id, { ...fields, action: kind }, signal, 'options') as Promise<never>;
    };

  return {
    close: shorthand('close'),
    snooze: shorthand('snooze'),
    open: shorthand('open'),
    assign: shorthand('assign'),
    unassign: shorthand('unassign'),
    manage: (id, action, callOptions) => perform(id, action, callOptions?.signal) as Promise<never>,
    manageMany: (items, manyOptions) =>
      manageMany(items, manyOptions, (id, action, signal) => perform(id, action, signal)),
    get rateLimit() {
      return context.pacer.state;
    },
  };
}

function checkWhole(field: string, value: unknown, minimum: number, maximum: number): void {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value < minimum ||
    value > maximum
  ) {
    throw new ValidationError(
      field,
      `is ${typeof value === 'number' ? value : describeValue(value)}`,
      `a whole number from ${minimum} to ${maximum}`,
    );
  }
}
