import { ConversationsError } from './conversations-error.js';

/**
 * Bad input, found before anything was sent: names the field, what was wrong, and what would be
 * right.
 *
 * @example
 * try {
 *   await conversations.snooze('123', { adminId: '991267', until: Date.now() });
 * } catch (error) {
 *   if (error instanceof ValidationError) console.error(error.field); // 'until'
 * }
 */
export class ValidationError extends ConversationsError {
  override name = 'ValidationError';
  /** The offending field, as a path: `adminId`, `assignee.id`, `items[3].action.until`. */
  readonly field: string;
  /** What was wrong with it. */
  readonly problem: string;
  /** What would be right. */
  readonly expected: string;

  constructor(field: string, problem: string, expected: string) {
    super(`${field} ${problem}; expected ${expected}`);
    this.field = field;
    this.problem = problem;
    this.expected = expected;
  }
}
