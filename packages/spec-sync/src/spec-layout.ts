import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where the spec package keeps the documents of an API version: Intercom's fragment, and our
 * overlay of corrections.
 *
 * @example
 * specLayout('/repo/spec', '2.12').fragment; // '/repo/spec/openapi/2.12/manage-conversation.yaml'
 */
export function specLayout(
  specDirectory: string,
  apiVersion: string,
): { fragment: string; overlay: string } {
  return {
    fragment: join(specDirectory, 'openapi', apiVersion, 'manage-conversation.yaml'),
    overlay: join(specDirectory, 'overlays', apiVersion, 'corrections.overlay.yaml'),
  };
}

/**
 * The API version the spec package is pinned to: `conversationKit.apiVersion` of its package.json.
 *
 * @example
 * await pinnedApiVersion('/repo/spec'); // '2.12'
 */
export async function pinnedApiVersion(specDirectory: string): Promise<string> {
  const file = join(specDirectory, 'package.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as {
    conversationKit?: { apiVersion?: unknown };
  };
  const version = manifest.conversationKit?.apiVersion;
  if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version)) {
    throw new Error(
      `${file} needs "conversationKit": { "apiVersion": "<major>.<minor>" }, like "2.12"`,
    );
  }
  return version;
}
