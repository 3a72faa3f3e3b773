import type { Conversation } from '@conversation-kit/types';
import { actionRequest } from './action-request.js';
import type {
  ActionResult,
  AssignFields,
  ClosedConversation,
  CloseFields,
  ConversationAction,
  Exactly,
  Id,
  OpenFields,
  OpenedConversation,
  SnoozeFields,
  SnoozedConversation,
  UnassignFields,
} from './conversation-action.js';
import type { ConversationsOptions } from './conversations-options.js';
import { redactSecret } from './errors/redact-secret.js';
import { checkedId } from './id-validation.js';
import {
  manageMany,
  type ManageManyItem,
  type ManageManyOptions,
  type ManageManyReport,
} from './manage-many.js';
import { createInProcessRateLimitStore } from './in-process-rate-limit-store.js';
import { RateLimitPacer } from './rate-limit-pacer.js';
import type { RateLimitState } from './rate-limit-state.js';
import { parseOptions } from './options/parse-options.js';
import { sendWithRetries, type CallContext } from './send-with-retries.js';
import { checkedSignal } from './validation/checked-signal.js';
import { ownFields } from './validation/own-fields.js';

// Each shorthand takes the fields of its action (the same interfaces the action types extend, and
// the action table is checked against) besides the call options.

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
  close(id: Id, options: CloseFields & CallOptions): Promise<ClosedConversation>;
  /** Snoozes a conversation until a `Date` or Unix seconds in the future. */
  snooze(id: Id, options: SnoozeFields & CallOptions): Promise<SnoozedConversation>;
  /** Opens a closed or snoozed conversation. */
  open(id: Id, options: OpenFields & CallOptions): Promise<OpenedConversation>;
  /** Assigns a conversation to an admin or a team, optionally leaving a message. */
  assign<T extends 'admin' | 'team'>(
    id: Id,
    options: AssignFields<T> & CallOptions,
  ): Promise<ActionResult<{ action: 'assign'; adminId: Id; assignee: { type: T; id: Id } }>>;
  /** Removes a conversation's admin or team assignee. */
  unassign<F extends 'admin' | 'team'>(
    id: Id,
    options: UnassignFields<F> & CallOptions,
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
  const settings = parseOptions(options);
  const { now } = settings;
  const timing = { now, sleep: settings.sleep };
  const context: CallContext = {
    transport: settings,
    pacer: new RateLimitPacer({
      store: settings.rateLimitStore ?? createInProcessRateLimitStore({ now }),
      timing,
      maxWaitMs: settings.retry.maxRateLimitWaitMs,
    }),
    timing,
    retry: settings.retry,
    random: settings.random,
  };

  const perform = async (
    id: unknown,
    action: unknown,
    signalGiven: unknown,
    path = 'action',
  ): Promise<Conversation> => {
    const conversationId = checkedId(id, 'id');
    const signal = checkedSignal(
      signalGiven,
      `${path === 'options' ? 'options' : 'callOptions'}.signal`,
    );
    const request = actionRequest(action, path, now());
    return sendWithRetries(context, conversationId, request, signal).catch((error: unknown) => {
      throw redactSecret(error, settings.token);
    });
  };
  // Each shorthand takes its own fields and the signal; the rest of the options become the action.
  const shorthand =
    (kind: ConversationAction['action']) =>
    (id: Id, callOptions: object): Promise<never> => {
      let action: Record<string, unknown>;
      let signal: unknown;
      try {
        const fields = ownFields(callOptions, 'options', 'an object such as { adminId }');
        signal = fields.get('signal');
        fields.delete('signal');
        action = { ...Object.fromEntries(fields), action: kind };
      } catch (error) {
        return Promise.reject(error as Error);
      }
      return perform(id, action, signal, 'options') as Promise<never>;
    };

  return {
    close: shorthand('close'),
    snooze: shorthand('snooze'),
    open: shorthand('open'),
    assign: shorthand('assign'),
    unassign: shorthand('unassign'),
    manage: (id, action, callOptions) => {
      let signal: unknown;
      try {
        signal =
          callOptions === undefined
            ? undefined
            : ownFields(callOptions, 'callOptions', 'an object such as { signal }').get('signal');
      } catch (error) {
        return Promise.reject(error as Error);
      }
      return perform(id, action, signal) as Promise<never>;
    },
    manageMany: (items, manyOptions) =>
      manageMany(items, manyOptions, (id, action, signal) => perform(id, action, signal)),
    get rateLimit() {
      return context.pacer.state;
    },
  };
}
