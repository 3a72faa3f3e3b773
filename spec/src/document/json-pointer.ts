/**
 * A JSON Pointer (RFC 6901) made of the given segments.
 *
 * @example
 * pointerOf(['paths', '/conversations/{id}/parts', 'post']);
 * // '/paths/~1conversations~1{id}~1parts/post'
 */
export function pointerOf(segments: readonly (string | number)[]): string {
  return segments
    .map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('');
}

/**
 * The segments of a JSON Pointer (RFC 6901).
 *
 * @example
 * segmentsOf('/paths/~1conversations~1{id}~1parts/post');
 * // ['paths', '/conversations/{id}/parts', 'post']
 */
export function segmentsOf(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * The segments a local `$ref` (`#/…`) points at, URI-decoded; `undefined` for any other reference
 * (another file, a URL).
 *
 * @example
 * localRefSegments('#/components/schemas/conversation'); // ['components', 'schemas', 'conversation']
 * localRefSegments('common.yaml#/components/schemas/error'); // undefined
 */
export function localRefSegments(ref: string): string[] | undefined {
  if (!ref.startsWith('#')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  return segmentsOf(decoded);
}

/**
 * The value at some segments inside a document, if there is one.
 *
 * @example
 * valueAt(document, ['components', 'schemas', 'conversation']); // { found: true, value: { … } }
 */
export function valueAt(
  document: unknown,
  segments: readonly string[],
): { found: true; value: unknown } | { found: false } {
  let current = document;
  for (const segment of segments) {
    if (
      Array.isArray(current) &&
      /^(0|[1-9]\d*)$/.test(segment) &&
      Number(segment) < current.length
    ) {
      current = current[Number(segment)];
    } else if (
      typeof current === 'object' &&
      current !== null &&
      !Array.isArray(current) &&
      Object.hasOwn(current, segment)
    ) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}
