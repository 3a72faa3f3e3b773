import { localRefSegments, pointerOf, valueAt } from './json-pointer.js';
import { isJsonObject } from './json-value.js';

/**
 * Thrown when a `$ref` cannot be followed: it points outside the document, or at nothing.
 *
 * @example
 * throw new UnresolvedRef('#/components/schemas/tag_list', '/components/schemas/conversation/properties/tags');
 */
export class UnresolvedRef extends Error {
  override readonly name = 'UnresolvedRef';
  constructor(
    readonly ref: string,
    readonly at: string | undefined,
    reason = 'does not resolve',
  ) {
    super(`$ref "${ref}"${at === undefined ? '' : ` at ${at}`} ${reason}`);
  }
}

/**
 * What a local `$ref` (`#/…`) points at, following a chain of references to its end, with the
 * JSON Pointer it was found at. Throws an {@link UnresolvedRef} for a reference to another file
 * or to nothing, and for a cycle of references.
 *
 * @example
 * followRef(document, '#/components/schemas/conversation');
 * // { value: { type: 'object', … }, pointer: '/components/schemas/conversation' }
 */
export function followRef(
  document: unknown,
  ref: string,
  at?: string,
): { value: unknown; pointer: string } {
  const seen = new Set<string>();
  let current = ref;
  for (;;) {
    const segments = localRefSegments(current);
    if (!segments) {
      throw new UnresolvedRef(
        current,
        at,
        'does not resolve: only references inside the document are followed',
      );
    }
    const found = valueAt(document, segments);
    if (!found.found) throw new UnresolvedRef(current, at);
    const pointer = pointerOf(segments);
    const next = isJsonObject(found.value) ? found.value['$ref'] : undefined;
    if (typeof next !== 'string') return { value: found.value, pointer };
    if (seen.has(pointer)) throw new UnresolvedRef(ref, at, 'is a cycle of references');
    seen.add(pointer);
    current = next;
  }
}

/**
 * A node of the document with its `$ref` followed, if it has one; any other node as it is.
 *
 * @example
 * resolved(document, parameter)['in']; // 'header', whether the parameter is written inline or referenced
 */
export function resolved(document: unknown, node: unknown): unknown {
  const ref = isJsonObject(node) ? node['$ref'] : undefined;
  return typeof ref === 'string' ? followRef(document, ref).value : node;
}
