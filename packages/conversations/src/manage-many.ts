import type { Conversation } from '@conversation-kit/types';
import type { ConversationAction, Id } from './conversation-action.js';
import { AbortError } from './errors/abort-error.js';
import { ConversationsError } from './errors/conversations-error.js';
import { ValidationError } from './errors/validation-error.js';
import { checkedSignal, describeValue } from './id-validation.js';

/**
 * One action of a batch, on one conversation.
 *
 * @example
 * const item: ManageManyItem = { id: '123', action: { action: 'close', adminId: '991267' } };
 */
export interface ManageManyItem {
  id: Id;
  action: ConversationAction;
}

/**
 * The outcome of one item, in input order: the conversation, or the typed error.
 *
 * @example
 * for (const outcome of report.outcomes) if (!outcome.ok) console.error(outcome.index, outcome.error.message);
 */
export type ManageManyOutcome =
  | { index: number; id: Id; ok: true; conversation: Conversation }
  | { index: number; id: Id; ok: false; error: ConversationsError };

/**
 * Every item's outcome, and the counts.
 *
 * @example
 * const { succeeded, failed } = await conversations.manageMany(items);
 */
export interface ManageManyReport {
  outcomes: ManageManyOutcome[];
  succeeded: number;
  failed: number;
}

/**
 * How a batch runs.
 *
 * @example
 * await conversations.manageMany(items, { concurrency: 8, onProgress: (p) => console.log(`${p.done}/${p.total}`) });
 */
export interface ManageManyOptions {
  /** How many actions are in flight at once (default 4, at most 64). */
  concurrency?: number;
  /** Stops the batch: items not finished end as `AbortError` outcomes. */
  signal?: AbortSignal;
  /**
   * Stops starting items, and lets the ones in flight finish: items not started end as
   * `AbortError` outcomes that were not applied. For a graceful stop, such as a first Ctrl-C.
   */
  stopSignal?: AbortSignal;
  /** Called after each item finishes. */
  onProgress?: (progress: { done: number; total: number; outcome: ManageManyOutcome }) => void;
}

type Perform = (
  id: unknown,
  action: unknown,
  signal: AbortSignal | undefined,
) => Promise<Conversation>;

/**
 * Runs a batch of actions with bounded concurrency. Pacing and retries come from `perform`, which
 * shares the client's rate-limit state, so workers hold back together when the budget runs low.
 *
 * @example
 * const report = await manageMany(items, { concurrency: 4 }, perform);
 */
export async function manageMany(
  items: readonly ManageManyItem[],
  options: ManageManyOptions | undefined,
  perform: Perform,
): Promise<ManageManyReport> {
  if (!Array.isArray(items)) {
    throw new ValidationError('items', `is ${describeValue(items)}`, 'an array of { id, action }');
  }
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new ValidationError('options', `is ${describeValue(options)}`, 'an object, or nothing');
  }
  const { concurrency = 4, signal, stopSignal, onProgress } = options ?? {};
  checkedSignal(signal, 'options.signal');
  checkedSignal(stopSignal, 'options.stopSignal');
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new ValidationError(
      'options.onProgress',
      `is ${describeValue(onProgress)}`,
      'a function, or nothing',
    );
  }
  if (!Number.isSafeInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new ValidationError(
      'concurrency',
      `is ${String(concurrency)}`,
      'a whole number from 1 to 64',
    );
  }

  const outcomes = new Array<ManageManyOutcome>(items.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as ManageManyItem | undefined;
      const id = (item as { id?: Id } | undefined)?.id as Id;
      let outcome: ManageManyOutcome;
      try {
        if (signal?.aborted)
          throw new AbortError('The batch was aborted before this item started.');
        if (stopSignal?.aborted)
          throw new AbortError('The batch was stopped before this item started.');
        if (typeof item !== 'object' || item === null) {
          throw new ValidationError(
            `items[${index}]`,
            `is ${describeValue(item)}`,
            'an object { id, action }',
          );
        }
        outcome = {
          index,
          id,
          ok: true,
          conversation: await perform(item.id, item.action, signal),
        };
      } catch (error) {
        outcome = { index, id, ok: false, error: asConversationsError(error, index) };
      }
      outcomes[index] = outcome;
      done += 1;
      try {
        onProgress?.({ done, total: items.length, outcome });
      } catch {
        // A failing progress callback must not lose the batch's results.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));

  const succeeded = outcomes.filter((outcome) => outcome.ok).length;
  return { outcomes, succeeded, failed: outcomes.length - succeeded };
}

function asConversationsError(error: unknown, index: number): ConversationsError {
  if (error instanceof ValidationError) {
    if (error.field.startsWith('items[')) return error;
    // Point at the item, so a caller can find it in the batch.
    return new ValidationError(`items[${index}].${error.field}`, error.problem, error.expected);
  }
  if (error instanceof ConversationsError) return error;
  return new ConversationsError(
    `Item ${index} failed: ${error instanceof Error ? error.message : String(error)}`,
    { cause: error },
  );
}
