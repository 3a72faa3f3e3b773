import { describeInvalidLine } from '../input/check-line.js';
import type { ErrorSummary, ResultingState } from '../journal/journal-record.js';
import type { LinePlan } from '../plan/line-plan.js';
import type { LineOutcome } from '../run/line-outcome.js';

/**
 * How a line ended, in a report:
 * - `done`: sent and applied in this run; `done-earlier`: an earlier run did it (journal);
 * - `failed`: not applied, safe to send again; `may-have-been-applied`: check before resending;
 * - `not-started`: the run was stopped first; `invalid`: skipped with `--skip-invalid`;
 * - `planned`: a dry run would send it.
 *
 * @example
 * const status: ReportStatus = 'may-have-been-applied';
 */
export type ReportStatus =
  | 'done'
  | 'done-earlier'
  | 'failed'
  | 'may-have-been-applied'
  | 'not-started'
  | 'invalid'
  | 'planned';

/**
 * One line's outcome in a report.
 *
 * @example
 * const row: ReportRow = { line: 7, id: '123', action: 'close', status: 'done', … };
 */
export interface ReportRow {
  line: number;
  id: string;
  action: string;
  status: ReportStatus;
  /** The error's class, such as `NotFoundError`. */
  error: string | null;
  /** Intercom's error code, such as `not_found`. */
  code: string | null;
  httpStatus: number | null;
  /** Whether the action may be in effect in Intercom: true for lines done, too. */
  mayHaveBeenApplied: boolean;
  /** The conversation's state after the action, when it was applied. */
  state: ResultingState['state'] | null;
  adminAssigneeId: number | null;
  teamAssigneeId: number | null;
  snoozedUntil: number | null;
  /** The error's message: what went wrong, and what to do about it. */
  errorMessage: string | null;
}

/**
 * The report row of a line, from its plan and, when it was sent, its outcome; a line to send
 * without an outcome is `planned` in a dry run and `not-started` otherwise.
 *
 * @example
 * reportRow(plan, outcomes.get(plan.line), 'not-started');
 */
export function reportRow(
  plan: LinePlan,
  outcome: LineOutcome | undefined,
  unsent: 'planned' | 'not-started',
): ReportRow {
  const base = { line: plan.line, id: plan.id, action: plan.action };
  switch (plan.kind) {
    case 'invalid':
      return row(base, 'invalid', {
        error: failure('ValidationError', describeInvalidLine(plan.invalid)),
      });
    case 'done-earlier':
      return row(base, 'done-earlier', { result: plan.result });
    case 'held':
      return row(base, 'may-have-been-applied', {
        error: plan.earlier ?? {
          ...failure(
            'Interrupted',
            'An earlier run stopped while sending it; not sent again, as it posts a message (--resend-ambiguous sends it).',
          ),
          mayHaveBeenApplied: true,
        },
      });
    case 'send':
      if (outcome === undefined) return row(base, unsent, {});
      if (outcome.status === 'done') return row(base, 'done', { result: outcome.result });
      if (outcome.status === 'not-started') return row(base, 'not-started', {});
      return row(base, outcome.status, { error: outcome.error });
  }
}

function failure(name: string, message: string): ErrorSummary {
  return { name, code: null, status: null, message, mayHaveBeenApplied: false };
}

function row(
  base: { line: number; id: string; action: string },
  status: ReportStatus,
  facts: { result?: ResultingState; error?: ErrorSummary },
): ReportRow {
  const { result, error } = facts;
  return {
    ...base,
    status,
    error: error?.name ?? null,
    code: error?.code ?? null,
    httpStatus: error?.status ?? null,
    mayHaveBeenApplied: result !== undefined || (error?.mayHaveBeenApplied ?? false),
    state: result?.state ?? null,
    adminAssigneeId: result?.adminAssigneeId ?? null,
    teamAssigneeId: result?.teamAssigneeId ?? null,
    snoozedUntil: result?.snoozedUntil ?? null,
    errorMessage: error?.message ?? null,
  };
}
