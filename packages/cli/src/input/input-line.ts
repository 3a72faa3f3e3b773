import type { ConversationAction, Id } from '@conversation-kit/conversations';

/**
 * Why a line cannot be sent: the field (as the input names it, when one is to blame), what was
 * wrong and what would be right.
 *
 * @example
 * const invalid: InvalidLine = { line: 7, field: 'until', problem: 'is "tomorrow"', expected: 'Unix seconds' };
 */
export interface InvalidLine {
  line: number;
  field: string | undefined;
  problem: string;
  expected: string;
}

/**
 * A line as read from the input, before validation: its number in the file (the first line is
 * 1; a CSV record spanning lines has the number of the line it starts on), the conversation id
 * and the fields of the action, or why it could not be read at all.
 *
 * @example
 * const line: InputLine = { line: 2, id: '123', fields: { action: 'close', adminId: '991267' } };
 */
export type InputLine =
  | { line: number; id: unknown; fields: Record<string, unknown> }
  | { line: number; unreadable: InvalidLine };

/**
 * A line that passed validation: ready to send.
 *
 * @example
 * const line: ActionLine = { line: 2, id: '123', action: { action: 'open', adminId: '991267' } };
 */
export interface ActionLine {
  line: number;
  id: Id;
  action: ConversationAction;
}

/**
 * The conversation id and the action's name of a line, as text, for plans and reports, whether
 * the line is valid or not.
 *
 * @example
 * lineLabel({ line: 2, id: '123', fields: { action: 'close' } }); // { id: '123', action: 'close' }
 */
export function lineLabel(line: InputLine): { id: string; action: string } {
  if ('unreadable' in line) return { id: '', action: '' };
  const text = (value: unknown): string =>
    typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  return { id: text(line.id), action: text(line.fields['action']) };
}
