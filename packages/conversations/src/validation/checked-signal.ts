import { ValidationError } from '../errors/validation-error.js';
import { describeValue } from './describe-value.js';

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
