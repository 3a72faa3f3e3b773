import { randomBytes } from 'node:crypto';
import type { FakeIntercomOptions } from './fake-intercom.js';

/** Every option of the fake, checked, with its default filled in. */
export interface FakeSettings {
  token: string;
  port: number;
  now: () => number;
  rateLimit: { limit: number; windowSeconds: number } | undefined;
  assignment: { reopensClosed: boolean; wakesSnoozed: boolean };
  limits: { maxBodyBytes: number; maxHeaderBytes: number; maxConnections: number };
  timeouts: { headersMs: number; requestMs: number; keepAliveMs: number };
  recording: { maxRequests: number; maxBytes: number; excerptBytes: number };
}

const MIB = 1024 * 1024;

/** The defaults: roomy for a test, and small enough that no client can make the fake hoard. */
export const defaultSettings = {
  // Intercom documents no size limit for this body; a few MB is far above any real action.
  limits: { maxBodyBytes: 2 * MIB, maxHeaderBytes: 16 * 1024, maxConnections: 256 },
  // A client of a local test server sends its headers in one go; seconds are generous.
  timeouts: { headersMs: 5_000, requestMs: 15_000, keepAliveMs: 5_000 },
  recording: { maxRequests: 1_000, maxBytes: 16 * MIB, excerptBytes: 4 * 1024 },
} as const;

/**
 * Checks the options and fills in the defaults, throwing a `TypeError` that names the option and
 * what would be right.
 *
 * @example
 * fakeSettings({ limits: { maxBodyBytes: 1024 } }).limits.maxBodyBytes; // 1024
 */
export function fakeSettings(options: FakeIntercomOptions): FakeSettings {
  const token = options.token ?? `fake_${randomBytes(16).toString('hex')}`;
  if (typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token)) {
    throw new TypeError('token must be a non-empty string of visible ASCII characters');
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`port must be a whole number from 0 to 65535, not ${port}`);
  }
  const rateLimit =
    options.rateLimit === false
      ? undefined
      : group('rateLimit', options.rateLimit, ['limit', 'windowSeconds']);
  const assignment = group('assignment', options.assignment, ['reopensClosed', 'wakesSnoozed']);
  const limits = group('limits', options.limits, Object.keys(defaultSettings.limits));
  const timeouts = group('timeouts', options.timeouts, Object.keys(defaultSettings.timeouts));
  const recording = group('recording', options.recording, Object.keys(defaultSettings.recording));
  const defaults = defaultSettings;

  const headersMs = whole('timeouts.headersMs', timeouts['headersMs'], defaults.timeouts.headersMs);
  const requestMs = whole('timeouts.requestMs', timeouts['requestMs'], defaults.timeouts.requestMs);
  // Node refuses a headers timeout longer than the request timeout.
  if (requestMs < headersMs) {
    throw new TypeError(
      `timeouts.requestMs (${requestMs}) must be at least timeouts.headersMs (${headersMs})`,
    );
  }
  return {
    token,
    port,
    now: options.now ?? Date.now,
    // The limiter checks these numbers itself.
    rateLimit: rateLimit && {
      limit: (rateLimit['limit'] as number | undefined) ?? 1666,
      windowSeconds: (rateLimit['windowSeconds'] as number | undefined) ?? 10,
    },
    assignment: {
      reopensClosed: flag('assignment.reopensClosed', assignment['reopensClosed']),
      wakesSnoozed: flag('assignment.wakesSnoozed', assignment['wakesSnoozed']),
    },
    limits: {
      maxBodyBytes: whole(
        'limits.maxBodyBytes',
        limits['maxBodyBytes'],
        defaults.limits.maxBodyBytes,
      ),
      maxHeaderBytes: whole(
        'limits.maxHeaderBytes',
        limits['maxHeaderBytes'],
        defaults.limits.maxHeaderBytes,
        1024,
      ),
      maxConnections: whole(
        'limits.maxConnections',
        limits['maxConnections'],
        defaults.limits.maxConnections,
      ),
    },
    timeouts: {
      headersMs,
      requestMs,
      keepAliveMs: whole(
        'timeouts.keepAliveMs',
        timeouts['keepAliveMs'],
        defaults.timeouts.keepAliveMs,
      ),
    },
    recording: {
      maxRequests: whole(
        'recording.maxRequests',
        recording['maxRequests'],
        defaults.recording.maxRequests,
        0,
      ),
      maxBytes: whole('recording.maxBytes', recording['maxBytes'], defaults.recording.maxBytes, 0),
      excerptBytes: whole(
        'recording.excerptBytes',
        recording['excerptBytes'],
        defaults.recording.excerptBytes,
        0,
      ),
    },
  };
}

// An option group as a record, refusing anything but an object and any key it does not know, so
// a misspelt option fails loudly instead of leaving a default in place.
function group(name: string, value: unknown, known: readonly string[]): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${name} must be an object with ${known.join(', ')}`);
  }
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new TypeError(`${name}.${key} is not an option; ${name} takes ${known.join(', ')}`);
    }
  }
  return value as Record<string, unknown>;
}

function whole(name: string, value: unknown, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new TypeError(`${name} must be a whole number of ${min} or more, not ${String(value)}`);
  }
  return value;
}

function flag(name: string, value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'boolean') {
    throw new TypeError(`${name} must be true or false, not ${JSON.stringify(value)}`);
  }
  return value;
}
