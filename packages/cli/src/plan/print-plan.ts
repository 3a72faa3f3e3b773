import { describeInvalidLine } from '../input/check-line.js';
import type { Output } from '../output/output.js';
import { describeAction } from './describe-action.js';
import type { LinePlan } from './line-plan.js';
import { postsMessage } from './posts-message.js';

function again(plan: Extract<LinePlan, { kind: 'send' }>): string {
  if (plan.again === undefined) return '';
  if (plan.again === 'failed') return ' (again: an earlier run failed to apply it)';
  return postsMessage(plan.actionLine.action)
    ? ' (again, as --resend-ambiguous asks: an earlier run may have applied it, so its message may be posted twice)'
    : ' (again: an earlier run may have applied it, and sending it again is harmless)';
}

/**
 * Prints a dry run's plan: what each line would do, then the totals.
 *
 * @example
 * printPlan(plans, { input: 'actions.csv', target: 'https://api.intercom.io' }, output);
 * // line 2: close conversation 123, with a message, as admin 991267
 * // …
 * // Would send 998 of 1000 lines: 600 close (200 with a message), 398 assign; 2 done earlier.
 */
export function printPlan(
  plans: readonly LinePlan[],
  about: { input: string; target: string },
  output: Output,
): void {
  output.out(`Dry run of ${about.input} against ${about.target}: nothing is sent.`);
  for (const plan of plans) output.out(`  ${planLine(plan)}`);
  output.out(planTotals(plans));
}

function planLine(plan: LinePlan): string {
  switch (plan.kind) {
    case 'send':
      return `line ${plan.line}: ${describeAction(plan.actionLine)}${again(plan)}`;
    case 'done-earlier':
      return `line ${plan.line}: skip, done by an earlier run (conversation ${plan.id} ${plan.result.state})`;
    case 'held':
      return `line ${plan.line}: hold, an earlier run may have applied it and it posts a message; --resend-ambiguous sends it again`;
    case 'invalid':
      return `${describeInvalidLine(plan.invalid)} (invalid: skipped)`;
  }
}

/**
 * The plan's totals in one sentence.
 *
 * @example
 * planTotals(plans); // 'Would send 3 of 4 lines: 2 close (1 with a message), 1 open; 1 done earlier.'
 */
export function planTotals(plans: readonly LinePlan[]): string {
  const byAction = new Map<string, { count: number; messages: number }>();
  let sending = 0;
  for (const plan of plans) {
    if (plan.kind !== 'send') continue;
    sending += 1;
    const entry = byAction.get(plan.actionLine.action.action) ?? { count: 0, messages: 0 };
    entry.count += 1;
    if (postsMessage(plan.actionLine.action)) entry.messages += 1;
    byAction.set(plan.actionLine.action.action, entry);
  }
  const kinds = [...byAction]
    .map(([action, { count, messages }]) =>
      messages === 0
        ? `${count} ${action}`
        : `${count} ${action} (${messages === count ? 'each' : messages} with a message)`,
    )
    .join(', ');
  const count = (kind: LinePlan['kind'], words: string): string[] => {
    const n = plans.filter((plan) => plan.kind === kind).length;
    return n > 0 ? [`${n} ${words}`] : [];
  };
  const others = [
    ...count('done-earlier', 'done earlier'),
    ...count('held', 'held (may have been applied)'),
    ...count('invalid', 'invalid'),
  ];
  const lines = plans.length === 1 ? 'line' : 'lines';
  return `Would send ${sending} of ${plans.length} ${lines}${kinds ? `: ${kinds}` : ''}${others.length > 0 ? `; ${others.join(', ')}` : ''}.`;
}

/**
 * Prints the invalid lines, each with its line number, field and reason.
 *
 * @example
 * printInvalidLines(plans, 'actions.csv', false, output);
 */
export function printInvalidLines(
  plans: readonly LinePlan[],
  input: string,
  skipping: boolean,
  output: Output,
): void {
  const invalid = plans.flatMap((plan) => (plan.kind === 'invalid' ? [plan.invalid] : []));
  const lines = invalid.length === 1 ? 'line' : 'lines';
  output.err(
    skipping
      ? `conversation-kit: skipping ${invalid.length} invalid ${lines} of ${input} (--skip-invalid):`
      : `conversation-kit: ${input} has ${invalid.length} invalid ${lines}, so nothing was sent:`,
  );
  for (const line of invalid) output.err(`  ${describeInvalidLine(line)}`);
  if (!skipping) {
    const valid = plans.length - invalid.length;
    output.err(
      `Fix ${invalid.length === 1 ? 'it' : 'them'} and run again${valid > 0 ? `, or pass --skip-invalid to send the other ${valid}` : ''}.`,
    );
  }
}
