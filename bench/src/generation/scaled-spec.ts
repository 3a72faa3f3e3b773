const SCHEMA_REF = '#/components/schemas/';

type Json = unknown;

// A deep copy in which every reference to a component schema (a `$ref`, or a discriminator
// mapping) points at that schema's copy.
function withSuffixedRefs(value: Json, suffix: string): Json {
  if (typeof value === 'string') {
    return value.startsWith(SCHEMA_REF) ? `${value}${suffix}` : value;
  }
  if (Array.isArray(value)) return value.map((item) => withSuffixedRefs(item, suffix));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, withSuffixedRefs(item, suffix)]),
    );
  }
  return value;
}

/**
 * The document grown to `copies` times its size: copy k (from 2) repeats every path under
 * `/copy{k}`, with operationIds suffixed `Copy{k}`, and every component schema under the name
 * `{name}_copy{k}`, its references rewritten to the copies, so each copy is a separate, complete
 * operation as a larger API's would be. Other components (headers, security) stay shared.
 *
 * @example
 * const tenfold = scaledSpec(document, 10); // 10 operations, 10 × the schemas
 */
export function scaledSpec(
  document: Record<string, unknown>,
  copies: number,
): Record<string, unknown> {
  const scaled = structuredClone(document) as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: { schemas: Record<string, unknown> };
  };
  const paths = Object.entries(scaled.paths);
  const schemas = Object.entries(scaled.components.schemas);
  for (let copy = 2; copy <= copies; copy += 1) {
    const suffix = `_copy${copy}`;
    for (const [name, schema] of schemas) {
      scaled.components.schemas[`${name}${suffix}`] = withSuffixedRefs(schema, suffix);
    }
    for (const [path, item] of paths) {
      const copied = withSuffixedRefs(item, suffix) as Record<string, Record<string, unknown>>;
      for (const operation of Object.values(copied)) {
        if (typeof operation['operationId'] === 'string') {
          operation['operationId'] = `${operation['operationId']}Copy${copy}`;
        }
      }
      scaled.paths[`/copy${copy}${path}`] = copied;
    }
  }
  return scaled;
}
