import { validateAction, ValidationError, type Id } from '@conversation-kit/conversations';
import type { ActionLine, InputLine, InvalidLine } from './input-line.js';

/**
 * Validates a line with the library's own validation, exactly as the client would before
 * sending, and names the field as the input does.
 *
 * @example
 * checkLine({ line: 7, id: '1', fields: { action: 'snooze', adminId: '2', until: 0 } }, Date.now(), (f) => f);
 * // { ok: false, invalid: { line: 7, field: 'until', problem: 'is 0 s (…), not in the future', … } }
 */
export function checkLine(
  input: InputLine,
  now: number,
  columnOf: (field: string) => string,
): { ok: true; line: ActionLine } | { ok: false; invalid: InvalidLine } {
  if ('unreadable' in input) {
    const { field } = input.unreadable;
    return { ok: false, invalid: { ...input.unreadable, field: field && columnOf(field) } };
  }
  const prefix = `line ${input.line}`;
  try {
    validateAction(input.id, input.fields, { field: prefix, now });
    return { ok: true, line: { line: input.line, id: input.id as Id, action: input.fields } };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const field = error.field.startsWith(`${prefix}.`)
      ? columnOf(error.field.slice(prefix.length + 1))
      : undefined;
    return {
      ok: false,
      invalid: { line: input.line, field, problem: error.problem, expected: error.expected },
    };
  }
}

/**
 * An invalid line as one line of text, the way the command reports it.
 *
 * @example
 * describeInvalidLine({ line: 7, field: 'until', problem: 'is "tomorrow"', expected: 'Unix seconds' });
 * // 'line 7: until is "tomorrow"; expected Unix seconds'
 */
export function describeInvalidLine(invalid: InvalidLine): string {
  const subject = invalid.field === undefined ? '' : `${invalid.field} `;
  return `line ${invalid.line}: ${subject}${invalid.problem}; expected ${invalid.expected}`;
}
