import { listOperations } from './operations.js';

/**
 * The `Intercom-Version` header value clients send by default: the `default` of the header
 * parameter's schema, which is the version the document describes.
 *
 * @example
 * defaultIntercomVersion(document); // '2.12'
 */
export function defaultIntercomVersion(document: Record<string, unknown>): string {
  const paths = document['paths'] as Record<string, Record<string, { parameters?: unknown[] }>>;
  for (const { path, method } of listOperations(document)) {
    for (const parameter of paths[path]?.[method]?.parameters ?? []) {
      const resolved = resolve(document, parameter) as Record<string, unknown>;
      if (resolved['in'] !== 'header' || resolved['name'] !== 'Intercom-Version') continue;
      const schema = resolve(document, resolved['schema']) as Record<string, unknown>;
      if (typeof schema['default'] === 'string') return schema['default'];
    }
  }
  throw new Error('No Intercom-Version header parameter with a string default in the document');
}

function resolve(document: Record<string, unknown>, node: unknown): unknown {
  const ref = (node as { $ref?: unknown } | undefined)?.$ref;
  if (typeof ref !== 'string') return node;
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, not ${ref}`);
  let target: unknown = document;
  for (const segment of ref.slice(2).split('/')) {
    const key = decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~');
    target = (target as Record<string, unknown> | undefined)?.[key];
  }
  if (target === undefined) throw new Error(`$ref ${ref} resolves to nothing`);
  return resolve(document, target);
}
