/**
 * How code that uses an exported type depends on it, which decides the direction in which a new
 * version must stay assignable:
 * - `input`: consumers build values of it and hand them over (a request body). It must still
 *   accept them: the old type is assignable to the new one.
 * - `output`: consumers receive values of it and read them (a response, a function they call). It
 *   must still deliver what it delivered: the new type is assignable to the old one.
 * - `both`: either may happen (a type a consumer may both build and read), so both must hold.
 *
 * @example
 * const role: TypeRole = 'output';
 */
export type TypeRole = 'input' | 'output' | 'both';

/**
 * The role of a type used both where another role is used: two different roles make `both`.
 *
 * @example
 * combinedRole('input', 'output'); // 'both'
 * combinedRole(undefined, 'input'); // 'input'
 */
export function combinedRole(left: TypeRole | undefined, right: TypeRole): TypeRole {
  return left === undefined || left === right ? right : 'both';
}
