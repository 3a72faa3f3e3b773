/**
 * Names a value's kind for an error message, without quoting it: a string could be a secret
 * pasted into the wrong field, so only its length is told.
 *
 * @example
 * describeValue(null); // 'null'
 * describeValue('sk-abc'); // 'a string of 6 characters'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    return value.length === 0 ? 'an empty string' : `a string of ${value.length} characters`;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a Date';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
