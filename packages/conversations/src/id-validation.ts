import { ValidationError } from './errors/validation-error.js';

/**
 * Checks an Intercom id and returns it as the string the API takes: non-empty, with no
 * whitespace or control characters, or a non-negative safe integer.
 *
 * @example
 * checkedId(991267, 'adminId'); // '991267'
 * checkedId(' 12', 'adminId'); // throws ValidationError
 */
export function checkedId(value: unknown, field: string): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new ValidationError(
        field,
        `is ${value}`,
        'a whole number of 0 or more, or its digits as a string',
      );
    }
    return String(value);
  }
  if (typeof value !== 'string') {
    throw new ValidationError(
      field,
      `is ${describeValue(value)}`,
      'an id, as a string or a whole number',
    );
  }
  if (value === '') throw new ValidationError(field, 'is empty', 'an id, such as "991267"');
  // Encoded into the path as they are, these would address another endpoint.
  if (value === '.' || value === '..') {
    throw new ValidationError(field, `is "${value}"`, 'an id, such as "991267"');
  }
  if (/[\s\u0000-\u001f\u007f-\u009f]/.test(value)) {
    throw new ValidationError(
      field,
      'contains whitespace or control characters',
      'the bare id, such as "991267"',
    );
  }
  return value;
}

/**
 * Names a value's kind for an error message, without quoting strings (which could be secrets).
 *
 * @example
 * describeValue(null); // 'null'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a Date';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Checks that an optional signal is an `AbortSignal`, so a wrong value fails here, named, rather
 * than deep inside a request.
 *
 * @example
 * checkedSignal(controller.signal, 'options.signal');
 */
export function checkedSignal(signal: unknown, field: string): AbortSignal | undefined {
  if (signal === undefined || signal instanceof AbortSignal) return signal;
  throw new ValidationError(field, `is ${describeValue(signal)}`, 'an AbortSignal, or nothing');
}
