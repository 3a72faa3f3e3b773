/**
 * A TSDoc block from a summary and an example, safe for any text the spec holds.
 *
 * @example
 * tsdoc('A conversation.', "import type { Conversation } from '@conversation-kit/types';");
 */
export function tsdoc(summary: string, example: string): string {
  const lines = [...escape(summary).split('\n'), '', '@example', ...escape(example).split('\n')];
  return ['/**', ...lines.map((line) => (line ? ` * ${line}` : ' *')), ' */'].join('\n');
}

function escape(text: string): string {
  return text.trim().replaceAll('*/', '*\\/');
}
