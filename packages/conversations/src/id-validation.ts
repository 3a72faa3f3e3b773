import { ValidationError } from './errors/validation-error.js';
import { describeValue } from './validation/describe-value.js';

// Kept here for the modules that import them from this file.
export { describeValue } from './validation/describe-value.js';
export { checkedSignal } from './validation/checked-signal.js';

/**
 * Checks an Intercom id and returns it as the string the API takes: non-empty, well-formed
 * Unicode, with no whitespace or control characters, or a non-negative safe integer.
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
        `is ${describeValue(value)}`,
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
  // encodeURIComponent throws on a lone surrogate, which would otherwise pass for a network failure.
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) {
    throw new ValidationError(
      field,
      'contains a lone surrogate (malformed Unicode)',
      'a well-formed id, such as "991267"',
    );
  }
  return value;
}
