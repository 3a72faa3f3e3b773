/**
 * A JSON object, as parsed from an OpenAPI document.
 *
 * @example
 * const schema: JsonObject = { type: 'string' };
 */
export type JsonObject = Record<string, unknown>;

/**
 * Whether a value is a JSON object (not an array, not `null`).
 *
 * @example
 * isJsonObject({ type: 'string' }); // true
 * isJsonObject(['string']); // false
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
