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
  const total = readOwn(items, 'length', 'items.length', true);
  // An array's length is at most 2^32 - 1; a Proxy can claim anything.
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 0 || total > 2 ** 32 - 1) {
    throw new ValidationError('items.length', `is ${describeValue(total)}`, 'an array');
  }
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new ValidationError('options', `is ${describeValue(options)}`, 'an object, or nothing');
  }
  const givenConcurrency = readOwn(options, 'concurrency', 'options.concurrency');
  const concurrency = givenConcurrency === undefined ? 4 : givenConcurrency;
  const signal = checkedSignal(readOwn(options, 'signal', 'options.signal'), 'options.signal');
  const stopSignal = checkedSignal(
    readOwn(options, 'stopSignal', 'options.stopSignal'),
    'options.stopSignal',
  );
  const onProgress = readOwn(options, 'onProgress', 'options.onProgress');
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
      const field = `items[${index}]`;
      const item = readOwn(items, index, field);
      if (typeof item !== 'object' || item === null) {
        throw new ValidationError(field, `is ${describeValue(item)}`, 'an object { id, action }');
      }
      id = readOwn(item, 'id', `${field}.id`);
      const action = readOwn(item, 'action', `${field}.action`);
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

/**
 * A property of the input, read once, and only when it is the object's own (so nothing inherited,
 * such as a key added to `Object.prototype`, is taken for input). `length` is always read. A read
 * that throws (a getter or a Proxy) is a `ValidationError` naming the field.
 */
function readOwn(
  target: object | undefined,
  key: PropertyKey,
  field: string,
  always = false,
): unknown {
  try {
    return target !== undefined && (always || Object.hasOwn(target, key))
      ? (target as Record<PropertyKey, unknown>)[key]
      : undefined;
  } catch {
    throw new ValidationError(field, 'could not be read (reading it threw)', 'a plain value');
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
    // Any thenable it returns is adopted, and its rejection handled; a `then` getter that throws
    // throws here.
    Promise.resolve(onProgress(progress)).catch(() => {});
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
