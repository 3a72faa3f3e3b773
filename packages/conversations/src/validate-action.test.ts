import { describe, expect, it } from 'vitest';
import { validateAction, ValidationError } from './index.js';
import { collect } from './test-support/collected-errors.js';

const NOW_MS = Date.UTC(2026, 0, 1);
const NOW_SECONDS = NOW_MS / 1000;

function failureOf(id: unknown, action: unknown, field?: string): ValidationError {
  try {
    validateAction(id, action, { now: NOW_MS, ...(field === undefined ? {} : { field }) });
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return collect(error as ValidationError);
  }
  throw new Error('validateAction accepted what the client refuses');
}

describe('validateAction', () => {
  it('accepts every valid action, as the client would send it', () => {
    const valid: unknown[] = [
      { action: 'close', adminId: '991267', message: 'Solved!' },
      { action: 'snooze', adminId: 991267, until: NOW_SECONDS + 3600 },
      { action: 'open', adminId: '991267' },
      { action: 'assign', adminId: '991267', assignee: { type: 'team', id: 5017691 } },
      { action: 'unassign', adminId: '991267', from: 'admin' },
    ];
    for (const action of valid)
      expect(() => validateAction('123', action, { now: NOW_MS })).not.toThrow();
  });

  it('names the field, what is wrong and what would be right', () => {
    const error = failureOf('123', { action: 'snooze', adminId: '991267', until: NOW_SECONDS - 1 });
    expect(error.field).toBe('action.until');
    expect(error.message).toMatch(/^action\.until .*; expected /);
  });

  it('checks the id as the client checks the path', () => {
    expect(failureOf('', { action: 'open', adminId: '1' }).field).toBe('id');
    expect(failureOf('..', { action: 'open', adminId: '1' }).field).toBe('id');
  });

  it('puts both id and action under the field given, such as a line of a file', () => {
    expect(failureOf(' 1', { action: 'open', adminId: '1' }, 'line 7').field).toBe('line 7.id');
    expect(failureOf('1', { action: 'reopen', adminId: '1' }, 'line 7').field).toBe(
      'line 7.action',
    );
    expect(failureOf('1', { action: 'open', adminId: '1', until: 5 }, 'line 7').field).toBe(
      'line 7.until',
    );
  });
});
