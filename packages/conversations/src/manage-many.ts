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
 * Every item gets an outcome, in input order, whatever it holds; an `onProgress` that throws or
 * rejects is ignored, as it only reports.
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
  const total = lengthOf(items);
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new ValidationError('options', `is ${describeValue(options)}`, 'an object, or nothing');
  }
  const givenConcurrency = ownOption(options, 'concurrency');
  const concurrency = givenConcurrency === undefined ? 4 : givenConcurrency;
  const signal = checkedSignal(ownOption(options, 'signal'), 'options.signal');
  const stopSignal = checkedSignal(ownOption(options, 'stopSignal'), 'options.stopSignal');
  const onProgress = ownOption(options, 'onProgress');
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new ValidationError(
      'options.onProgress',
      `is ${describeValue(onProgress)}`,
      'a function, or nothing',
    );
  }
  if (
    typeof concurrency !== 'number' ||
    !Number.isSafeInteger(concurrency) ||
    concurrency < 1 ||
    concurrency > 64
  ) {
    throw new ValidationError(
      'concurrency',
      `is ${typeof concurrency === 'number' ? String(concurrency) : describeValue(concurrency)}`,
      'a whole number from 1 to 64',
    );
  }

  const outcomes = new Array<ManageManyOutcome>(total);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < total) {
      const index = next++;
      const outcome = await outcomeOf(index);
      outcomes[index] = outcome;
      done += 1;
      report(onProgress as ManageManyOptions['onProgress'], { done, total, outcome });
    }
  };
  const outcomeOf = async (index: number): Promise<ManageManyOutcome> => {
    let id: unknown;
    try {
      const item = readItem(items, index);
      id = readField(item, index, 'id');
      const action = readField(item, index, 'action');
      if (signal?.aborted) throw new AbortError('The batch was aborted before this item started.');
      if (stopSignal?.aborted) {
        throw new AbortError('The batch was stopped before this item started.');
      }
      const conversation = await perform(id, action, signal);
      return { index, id: id as Id, ok: true, conversation };
    } catch (error) {
      return { index, id: id as Id, ok: false, error: asConversationsError(error, index) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));

  const succeeded = outcomes.filter((outcome) => outcome.ok).length;
  return { outcomes, succeeded, failed: outcomes.length - succeeded };
}

/** The number of items, read once: an array whose length cannot be read is rejected whole. */
function lengthOf(items: readonly unknown[]): number {
  let length: unknown;
  try {
    length = items.length;
  } catch {
    throw new ValidationError('items', 'has a length that could not be read', 'an array');
  }
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
    throw new ValidationError('items', 'has a length that is not a whole number', 'an array');
  }
  return length;
}

/** An option, read once and only when it is the object's own, as input is read everywhere. */
function ownOption<K extends keyof ManageManyOptions>(
  options: ManageManyOptions | undefined,
  key: K,
): unknown {
  if (options === undefined) return undefined;
  try {
    return Object.hasOwn(options, key) ? options[key] : undefined;
  } catch {
    throw new ValidationError(
      `options.${key}`,
      'could not be read (its getter threw)',
      'a plain value',
    );
  }
}

/** The item at `index`, read once, when it is the array's own; a failed read names the item. */
function readItem(items: readonly unknown[], index: number): object {
  const field = `items[${index}]`;
  let item: unknown;
  try {
    item = Object.hasOwn(items, index) ? items[index] : undefined;
  } catch {
    throw new ValidationError(
      field,
      'could not be read (its getter threw)',
      'an object { id, action }',
    );
  }
  if (typeof item !== 'object' || item === null) {
    throw new ValidationError(field, `is ${describeValue(item)}`, 'an object { id, action }');
  }
  return item;
}

/** An item's own `id` or `action`, read once; a failed read names the field. */
function readField(item: object, index: number, key: 'id' | 'action'): unknown {
  try {
    return Object.hasOwn(item, key) ? (item as Record<string, unknown>)[key] : undefined;
  } catch {
    throw new ValidationError(
      `items[${index}].${key}`,
      'could not be read (its getter threw)',
      key === 'id' ? 'an id, as a string or a whole number' : 'an action object',
    );
  }
}

/**
 * Tells `onProgress`, which only reports: a throw or a rejection from it is ignored (the rejection
 * handled, so it is never unhandled), and the batch goes on, its results intact.
 */
function report(
  onProgress: ManageManyOptions['onProgress'],
  progress: { done: number; total: number; outcome: ManageManyOutcome },
): void {
  if (onProgress === undefined) return;
  try {
    const result: unknown = onProgress(progress);
    if ((typeof result === 'object' && result !== null) || typeof result === 'function') {
      const then = (result as { then?: unknown }).then;
      if (typeof then === 'function') {
        (then as (onFulfilled: unknown, onRejected: unknown) => unknown).call(
          result,
          undefined,
          () => {},
        );
      }
    }
  } catch {
    // A failing progress callback must not lose the batch's results.
  }
}

function asConversationsError(error: unknown, index: number): ConversationsError {
  if (error instanceof ValidationError) {
    if (error.field.startsWith('items[')) return error;
    // Point at the item, so a caller can find it in the batch.
    return new ValidationError(`items[${index}].${error.field}`, error.problem, error.expected);
  }
  if (error instanceof ConversationsError) return error;
  return new ConversationsError(`Item ${index} failed: ${messageOf(error)}`, { cause: error });
}

/** The message of something thrown, which may itself throw when read. */
function messageOf(error: unknown): string {
  try {
    return error instanceof Error ? String(error.message) : String(error);
  } catch {
    return 'an error that could not be described';
  }
}
