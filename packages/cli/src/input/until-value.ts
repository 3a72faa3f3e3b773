// A date-time with an explicit offset: without one, "2027-01-01T09:00" would mean the local time
// of whichever machine runs the batch.
const DATE_TIME_WITH_ZONE =
  /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * What `until` may be written as in a file, as an error's `expected`.
 *
 * @example
 * throw new InputError(`until is "tomorrow"; expected ${UNTIL_EXPECTED}`);
 */
export const UNTIL_EXPECTED =
  'Unix seconds, or an ISO 8601 date-time with its time zone, such as 2027-01-02T09:00:00Z';

/**
 * Reads a snooze time written as text: Unix seconds, or an ISO 8601 date-time with its offset.
 * Whether it is in the future is for the library's validation to say.
 *
 * @example
 * untilFromText('1767225600'); // 1767225600
 * untilFromText('2027-01-02T09:00:00+01:00'); // Date
 * untilFromText('tomorrow'); // undefined
 */
export function untilFromText(text: string): number | Date | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const parts = DATE_TIME_WITH_ZONE.exec(trimmed);
  if (!parts) return undefined;
  // Date accepts February 30 as March 2; a snooze to a day that does not exist is a typo.
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) {
    return undefined;
  }
  const date = new Date(trimmed);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
