import { describe, expect, it } from 'vitest';
import type { InputLine } from '../input/input-line.js';
import type { LineRecord } from '../journal/journal-record.js';
import { planLines } from './line-plan.js';

const admin = '991267';
const close = (line: number, message?: string): InputLine => ({
  line,
  id: String(line),
  fields: { action: 'close', adminId: admin, ...(message ? { message } : {}) },
});
const record = (line: number, state: LineRecord['state']): LineRecord =>
  state === 'done'
    ? {
        line,
        state,
        at: 'x',
        result: {
          state: 'closed',
          adminAssigneeId: null,
          teamAssigneeId: null,
          snoozedUntil: null,
        },
      }
    : state === 'sending'
      ? { line, state, at: 'x' }
      : {
          line,
          state,
          at: 'x',
          error: {
            name: 'ServerError',
            code: null,
            status: 500,
            message: 'm',
            mayHaveBeenApplied: state === 'ambiguous',
          },
        };
const plan = (lines: InputLine[], records: LineRecord[], resendAmbiguous = false) =>
  planLines(lines, new Map(records.map((r) => [r.line, r])), {
    now: Date.now(),
    resendAmbiguous,
    columnOf: (f) => f,
  }).map((p) =>
    p.kind === 'send' ? `${p.line} send${p.again ? ` ${p.again}` : ''}` : `${p.line} ${p.kind}`,
  );

describe('planLines', () => {
  it('decides from the journal: skip done, resend failed, resend what converges, hold messages', () => {
    const lines = [
      close(1),
      close(2),
      close(3),
      close(4),
      close(5, 'Bye'),
      close(6, 'Bye'),
      close(7, 'Bye'),
      close(8),
    ];
    const records = [
      record(1, 'done'),
      record(2, 'failed'),
      record(3, 'sending'),
      record(4, 'ambiguous'),
      record(5, 'sending'),
      record(6, 'ambiguous'),
      record(7, 'failed'),
    ];
    expect(plan(lines, records)).toEqual([
      '1 done-earlier',
      '2 send failed',
      '3 send interrupted',
      '4 send ambiguous',
      '5 held',
      '6 held',
      '7 send failed',
      '8 send',
    ]);
    expect(plan(lines, records, true).slice(4, 6)).toEqual([
      '5 send interrupted',
      '6 send ambiguous',
    ]);
  });

  it('does not validate lines done already: a snooze time may have passed since', () => {
    const past: InputLine = {
      line: 1,
      id: '1',
      fields: { action: 'snooze', adminId: admin, until: 1 },
    };
    expect(plan([past], [record(1, 'done')])).toEqual(['1 done-earlier']);
    expect(plan([past], [record(1, 'failed')])).toEqual(['1 invalid']);
  });
});
