import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = (relative: string): string =>
  fileURLToPath(new URL(`../${relative}`, import.meta.url));

/**
 * The Intercom API version the package is pinned to: `conversationKit.apiVersion` of its
 * package.json, which names the folders its documents live in.
 *
 * @example
 * pinnedApiVersion; // '2.12'
 */
export const pinnedApiVersion: string = (
  createRequire(import.meta.url)('../package.json') as { conversationKit: { apiVersion: string } }
).conversationKit.apiVersion;

/**
 * Where the spec package keeps its documents, as absolute paths.
 *
 * @example
 * await readFile(specFiles.effectiveJson, 'utf8');
 */
export const specFiles = {
  fragment: root(`openapi/${pinnedApiVersion}/manage-conversation.yaml`),
  overlay: root(`overlays/${pinnedApiVersion}/corrections.overlay.yaml`),
  effectiveYaml: root(`effective/${pinnedApiVersion}/manage-conversation.yaml`),
  effectiveJson: root(`effective/${pinnedApiVersion}/manage-conversation.json`),
  dist: root('dist'),
} as const;
