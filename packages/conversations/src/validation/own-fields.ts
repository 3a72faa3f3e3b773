import { ValidationError } from '../errors/validation-error.js';
import { describeValue } from './describe-value.js';

/**
 * The own enumerable properties of an input object, each read exactly once. Inherited keys are
 * never read (a property set on `Object.prototype` must not become a message), and a getter or
 * Proxy trap that throws becomes a `ValidationError` naming the field instead of escaping raw.
 *
 * @example
 * const fields = ownFields({ adminId: '1' }, 'options', 'an object such as { adminId }');
 * fields.get('adminId'); // '1'
 */
export function ownFields(value: unknown, field: string, expected: string): Map<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError(field, `is ${describeValue(value)}`, expected);
  }
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    throw new ValidationError(field, 'could not be read: listing its keys threw', expected);
  }
  const fields = new Map<string, unknown>();
  for (const key of keys) {
    try {
      fields.set(key, (value as Record<string, unknown>)[key]);
    } catch {
      throw new ValidationError(
        `${field}.${key}`,
        'could not be read: its getter threw',
        'a plain value',
      );
    }
  }
  return fields;
}
