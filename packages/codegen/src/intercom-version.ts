import { listOperations, resolved, isJsonObject } from '@conversation-kit/spec/document';

/**
 * The `Intercom-Version` header value clients send by default: the `default` of the header
 * parameter's schema, which is the version the document describes.
 *
 * @example
 * defaultIntercomVersion(document); // '2.12'
 */
export function defaultIntercomVersion(document: Record<string, unknown>): string {
  for (const { pathItem, operation } of listOperations(document)) {
    for (const list of [pathItem['parameters'], operation['parameters']]) {
      for (const node of Array.isArray(list) ? list : []) {
        const parameter = resolved(document, node);
        if (!isJsonObject(parameter) || parameter['in'] !== 'header') continue;
        if (parameter['name'] !== 'Intercom-Version') continue;
        const schema = resolved(document, parameter['schema']);
        if (isJsonObject(schema) && typeof schema['default'] === 'string') return schema['default'];
      }
    }
  }
  throw new Error('No Intercom-Version header parameter with a string default in the document');
}
