import type { ManageConversationRequest } from '@conversation-kit/types';
import { actionTable, quotedChoice, type ResultExpectation } from './actions/action-table.js';
import type { ConversationAction } from './conversation-action.js';
import { ValidationError } from './errors/validation-error.js';
import { checkedId } from './id-validation.js';
import { ownFields } from './validation/own-fields.js';

export type { ResultExpectation } from './actions/action-table.js';

/** A validated action, ready to send. */
export interface ActionRequest {
  action: ConversationAction['action'];
  body: ManageConversationRequest;
  /** Whether it leaves a message, which a repeat would post twice. */
  postsMessage: boolean;
  /** What a 200 must show for the action to have done what it says. */
  expectation: ResultExpectation;
}

const KINDS = Object.keys(actionTable) as ConversationAction['action'][];

/**
 * Validates an action from any caller, TypeScript or not, and turns it into the API's request
 * body. Only the action's own properties are read, each once. Throws `ValidationError` naming
 * the field (under `path`) before anything is sent.
 *
 * @example
 * actionRequest({ action: 'snooze', adminId: 1, until: new Date(Date.now() + 3_600_000) }, 'action', Date.now());
 * // { body: { message_type: 'snoozed', admin_id: '1', snoozed_until: … }, … }
 */
export function actionRequest(action: unknown, path: string, nowMs: number): ActionRequest {
  const fields = ownFields(action, path, 'an object such as { action: "close", adminId }');
  const kind = fields.get('action');
  if (typeof kind !== 'string' || !Object.hasOwn(actionTable, kind)) {
    throw new ValidationError(
      `${path}.action`,
      `is ${quotedChoice(kind)}`,
      `one of ${KINDS.map((name) => `"${name}"`).join(', ')}`,
    );
  }
  const spec = actionTable[kind as ConversationAction['action']];
  const allowed: readonly string[] = spec.fields;
  for (const key of fields.keys()) {
    if (key === 'action' || allowed.includes(key)) continue;
    const owner = KINDS.find((name) =>
      (actionTable[name].fields as readonly string[]).includes(key),
    );
    const problem = owner ? `belongs to ${owner}, not ${kind}` : `is not a field of ${kind}`;
    throw new ValidationError(`${path}.${key}`, problem, `only action, ${allowed.join(', ')}`);
  }
  const adminId = checkedId(fields.get('adminId'), `${path}.adminId`);
  const { body, expectation } = (spec as (typeof actionTable)['close']).build(
    (name) => fields.get(name),
    (name) => `${path}.${name}`,
    adminId,
    nowMs,
  );
  return {
    action: kind as ConversationAction['action'],
    body,
    postsMessage: spec.messageField !== undefined && fields.get(spec.messageField) !== undefined,
    expectation,
  };
}
