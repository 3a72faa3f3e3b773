import type { InputLine, InvalidLine } from './input-line.js';
import { UNTIL_EXPECTED, untilFromText } from './until-value.js';

const AN_ACTION = 'an object such as {"id": "123", "action": "close", "adminId": "991267"}';

/**
 * Reads JSON Lines: one object per line, a `ConversationAction` with the conversation's `id`.
 * Blank lines are skipped but counted, so line numbers are the editor's. `until` may also be an
 * ISO 8601 date-time with its time zone.
 *
 * @example
 * jsonLines('{"id":"123","action":"open","adminId":"991267"}\n');
 * // [{ line: 1, id: '123', fields: { action: 'open', adminId: '991267' } }]
 */
export function jsonLines(text: string): InputLine[] {
  const lines: InputLine[] = [];
  text.split('\n').forEach((raw, index) => {
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (content.trim() === '') return;
    lines.push(jsonLine(content, index + 1));
  });
  return lines;
}

function jsonLine(content: string, line: number): InputLine {
  const unreadable = (field: string | undefined, problem: string, expected: string) => ({
    line,
    unreadable: { line, field, problem, expected } satisfies InvalidLine,
  });
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    return unreadable(undefined, `is not valid JSON: ${(error as Error).message}`, AN_ACTION);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return unreadable(undefined, `is ${kind}`, AN_ACTION);
  }
  const { id, ...fields } = value as Record<string, unknown>;
  if (typeof fields['until'] === 'string') {
    const until = untilFromText(fields['until']);
    if (until === undefined) {
      return unreadable('until', `is ${JSON.stringify(fields['until'])}`, UNTIL_EXPECTED);
    }
    fields['until'] = until;
  }
  return { line, id, fields };
}
