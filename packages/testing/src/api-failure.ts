import { randomUUID } from 'node:crypto';
import type { IntercomError } from '@conversation-kit/types';

/**
 * A failure the fake answers with an `error.list`, as Intercom does.
 *
 * @example
 * throw new ApiFailure(404, 'admin_not_found', 'Admin Not Found', 'admin_id');
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  /** The `error.list` body for this failure. */
  body(): IntercomError {
    const error: IntercomError['errors'][number] = { code: this.code, message: this.message };
    if (this.field !== undefined) error.field = this.field;
    return { type: 'error.list', request_id: randomUUID(), errors: [error] };
  }
}
