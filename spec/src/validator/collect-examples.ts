import { pointerOf } from '../document/json-pointer.js';
import { isJsonObject, type JsonObject } from '../document/json-value.js';

/** An example found in an OpenAPI document, with the schema it claims to satisfy. */
export interface DocumentExample {
  /** JSON Pointer of the example value in the document. */
  pointer: string;
  value: unknown;
  /** The OpenAPI Schema Object the example belongs to. */
  schema: unknown;
}

/**
 * Finds every example in an OpenAPI 3.0 document: `example` on schemas (at any depth),
 * parameters, headers and media types, and each entry of `examples` maps.
 *
 * @example
 * for (const { pointer, value, schema } of collectExamples(document)) console.log(pointer);
 */
export function collectExamples(document: JsonObject): DocumentExample[] {
  const found: DocumentExample[] = [];
  const components = (document['components'] ?? {}) as JsonObject;

  forEachEntry(components['schemas'], '/components/schemas', (schema, pointer) =>
    collectFromSchema(schema, pointer, found),
  );
  forEachEntry(components['parameters'], '/components/parameters', (parameter, pointer) =>
    collectFromCarrier(parameter, pointer, found),
  );
  forEachEntry(components['headers'], '/components/headers', (header, pointer) =>
    collectFromCarrier(header, pointer, found),
  );
  forEachEntry(components['responses'], '/components/responses', (response, pointer) =>
    collectFromResponse(response, pointer, found),
  );

  forEachEntry(document['paths'], '/paths', (pathItem, pathPointer) => {
    forEachEntry(pathItem, pathPointer, (operation, operationPointer) => {
      if (!isJsonObject(operation)) return;
      forEachItem(operation['parameters'], `${operationPointer}/parameters`, (parameter, pointer) =>
        collectFromCarrier(parameter, pointer, found),
      );
      const body = operation['requestBody'];
      if (isJsonObject(body))
        collectFromContent(body['content'], `${operationPointer}/requestBody`, found);
      forEachEntry(operation['responses'], `${operationPointer}/responses`, (response, pointer) =>
        collectFromResponse(response, pointer, found),
      );
    });
  });
  return found;
}

function collectFromResponse(response: unknown, pointer: string, found: DocumentExample[]): void {
  if (!isJsonObject(response)) return;
  forEachEntry(response['headers'], `${pointer}/headers`, (header, headerPointer) =>
    collectFromCarrier(header, headerPointer, found),
  );
  collectFromContent(response['content'], pointer, found);
}

function collectFromContent(content: unknown, pointer: string, found: DocumentExample[]): void {
  forEachEntry(content, `${pointer}/content`, (mediaType, mediaPointer) =>
    collectFromCarrier(mediaType, mediaPointer, found),
  );
}

// Parameters, headers and media types all carry a `schema` with `example` or `examples` beside it.
function collectFromCarrier(carrier: unknown, pointer: string, found: DocumentExample[]): void {
  if (!isJsonObject(carrier) || !('schema' in carrier)) return;
  const schema = carrier['schema'];
  if ('example' in carrier)
    found.push({ pointer: `${pointer}/example`, value: carrier['example'], schema });
  forEachEntry(carrier['examples'], `${pointer}/examples`, (example, examplePointer) => {
    if (isJsonObject(example) && 'value' in example) {
      found.push({ pointer: `${examplePointer}/value`, value: example['value'], schema });
    }
  });
  collectFromSchema(schema, `${pointer}/schema`, found);
}

function collectFromSchema(schema: unknown, pointer: string, found: DocumentExample[]): void {
  if (!isJsonObject(schema) || typeof schema['$ref'] === 'string') return;
  if ('example' in schema)
    found.push({ pointer: `${pointer}/example`, value: schema['example'], schema });
  forEachEntry(schema['properties'], `${pointer}/properties`, (property, propertyPointer) =>
    collectFromSchema(property, propertyPointer, found),
  );
  for (const keyword of ['items', 'not', 'additionalProperties']) {
    collectFromSchema(schema[keyword], `${pointer}/${keyword}`, found);
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    forEachItem(schema[keyword], `${pointer}/${keyword}`, (member, memberPointer) =>
      collectFromSchema(member, memberPointer, found),
    );
  }
}

function forEachEntry(
  record: unknown,
  pointer: string,
  visit: (value: unknown, pointer: string) => void,
): void {
  if (!isJsonObject(record)) return;
  for (const [key, value] of Object.entries(record)) visit(value, `${pointer}${pointerOf([key])}`);
}

function forEachItem(
  list: unknown,
  pointer: string,
  visit: (value: unknown, pointer: string) => void,
): void {
  if (!Array.isArray(list)) return;
  list.forEach((value, index) => visit(value, `${pointer}/${index}`));
}
