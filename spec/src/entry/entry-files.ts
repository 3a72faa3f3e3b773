import { createHash } from 'node:crypto';

/**
 * The files of the package entry point, which exports the effective document: ESM and CommonJS
 * modules and their declarations, keyed by file name.
 *
 * @example
 * const files = entryFiles(effectiveJson);
 * await writeFile('dist/index.js', files['index.js']);
 */
export function entryFiles(effectiveJson: string): Record<string, string> {
  const document = JSON.parse(effectiveJson) as {
    info: { version: string };
    paths: Record<string, unknown>;
  };
  const declarations = declarationsOf(document.info.version, Object.keys(document.paths)[0] ?? '/');
  const sha256 = createHash('sha256').update(effectiveJson).digest('hex');
  const constants =
    `const document = ${JSON.stringify(document)};\n` +
    `const apiVersion = ${JSON.stringify(document.info.version)};\n` +
    `const documentSha256 = ${JSON.stringify(sha256)};\n`;
  return {
    'index.js': `${constants}export { document, apiVersion, documentSha256 };\nexport default document;\n`,
    'index.cjs':
      `'use strict';\nObject.defineProperty(exports, '__esModule', { value: true });\n${constants}` +
      `exports.document = document;\nexports.apiVersion = apiVersion;\n` +
      `exports.documentSha256 = documentSha256;\nexports.default = document;\n`,
    'index.d.ts': `${declarations}export default document;\n`,
    'index.d.cts': `${declarations}export default document;\n`,
  };
}

// The entry's declarations, their examples naming the version and path the document holds.
const declarationsOf = (version: string, path: string): string => `/**
 * An OpenAPI 3.0 document, typed at its top level.
 *
 * @example
 * import type { OpenApiDocument } from '@conversation-kit/spec';
 */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; [key: string]: unknown };
  servers: Array<{ url: string; description?: string; [key: string]: unknown }>;
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}
/**
 * The effective ${version} "Manage a conversation" document: Intercom's fragment with our corrections.
 *
 * @example
 * import { document } from '@conversation-kit/spec';
 * document.paths['${path}'];
 */
export declare const document: OpenApiDocument;
/**
 * The Intercom API version the document describes.
 *
 * @example
 * import { apiVersion } from '@conversation-kit/spec'; // '${version}'
 */
export declare const apiVersion: string;
/**
 * SHA-256 of the effective document's JSON file, to tell which spec generated code came from.
 *
 * @example
 * import { documentSha256 } from '@conversation-kit/spec';
 */
export declare const documentSha256: string;
`;
