import { isJsonObject, type JsonObject } from '@conversation-kit/spec/document';
import { UpstreamRefusal } from './upstream-refusal.js';

/**
 * The document, once it is known to be OpenAPI 3.0.x or 3.1.x: the only documents the sync reads.
 * Throws an `UpstreamRefusal` naming what it is instead (Swagger 2.0, another OpenAPI version, not
 * an object at all).
 *
 * @example
 * openApiDocument({ swagger: '2.0' }); // throws: the document is Swagger 2.0; only OpenAPI 3.0.x and 3.1.x are synced
 */
export function openApiDocument(document: unknown): JsonObject {
  if (!isJsonObject(document)) {
    throw new UpstreamRefusal('the document is not an OpenAPI document: it is not an object');
  }
  if ('swagger' in document) {
    throw new UpstreamRefusal(
      `the document is Swagger ${String(document['swagger'])}; only OpenAPI 3.0.x and 3.1.x are synced`,
    );
  }
  const version = document['openapi'];
  if (typeof version !== 'string' || !/^3\.[01]\.\d+$/.test(version)) {
    throw new UpstreamRefusal(
      `the document declares openapi ${JSON.stringify(version) ?? 'nothing'}; only OpenAPI 3.0.x and 3.1.x are synced`,
    );
  }
  return document;
}
