import { pointerOf } from '../document/json-pointer.js';
import { isJsonObject, type JsonObject } from '../document/json-value.js';
import { walkOpenApi } from '../document/openapi-walk.js';

/** An example found in an OpenAPI document, with the schema it claims to satisfy. */
export interface DocumentExample {
  /** JSON Pointer of the example value in the document. */
  pointer: string;
  value: unknown;
  /** The OpenAPI Schema Object the example belongs to. */
  schema: unknown;
}

const CARRIERS = new Set(['parameter', 'header', 'mediaType']);

/**
 * Finds every example in an OpenAPI 3.0 document: `example` on schemas (at any depth),
 * parameters, headers and media types, and each entry of their `examples` maps. An example beside
 * a `$ref` is not one: OpenAPI 3.0 ignores the siblings of a `$ref`.
 *
 * @example
 * for (const { pointer, value, schema } of collectExamples(document)) console.log(pointer);
 */
export function collectExamples(document: JsonObject): DocumentExample[] {
  const found: DocumentExample[] = [];
  walkOpenApi(document, {
    enter(node, kind, at) {
      if (kind === 'schema') {
        if ('example' in node) add(found, [...at, 'example'], node['example'], node);
        return;
      }
      // Parameters, headers and media types carry a `schema` with `example` or `examples` beside it.
      if (!CARRIERS.has(kind) || !('schema' in node)) return;
      const schema = node['schema'];
      if ('example' in node) add(found, [...at, 'example'], node['example'], schema);
      const examples = node['examples'];
      if (!isJsonObject(examples)) return;
      for (const [name, example] of Object.entries(examples)) {
        if (isJsonObject(example) && 'value' in example) {
          add(found, [...at, 'examples', name, 'value'], example['value'], schema);
        }
      }
    },
  });
  return found;
}

function add(found: DocumentExample[], at: string[], value: unknown, schema: unknown): void {
  found.push({ pointer: pointerOf(at), value, schema });
}
