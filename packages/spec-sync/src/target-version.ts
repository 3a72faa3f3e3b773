import { isJsonObject } from '@conversation-kit/spec/document';
import { UpstreamRefusal } from './upstream-refusal.js';

/**
 * The API version a sync writes: the pinned one, or with `--api-version` the one moved to.
 * Refuses, naming both versions and how to move, an upstream document of another version than
 * the pinned one unless `--api-version` asks for exactly that version.
 *
 * @example
 * targetVersion(upstream, { pinned: '2.12', source: 'api.intercom.io.yaml' }); // '2.12'
 * targetVersion(upstream214, { pinned: '2.12', requested: '2.14', source }); // '2.14'
 */
export function targetVersion(
  upstream: unknown,
  options: { pinned: string; requested?: string | undefined; source: string },
): string {
  const { pinned, requested, source } = options;
  const info = isJsonObject(upstream) ? upstream['info'] : undefined;
  const described = isJsonObject(info) ? info['version'] : undefined;
  if (typeof described !== 'string') {
    throw new UpstreamRefusal(
      'the document has no info.version to tell which API version it describes',
    );
  }
  if (requested !== undefined && requested !== described) {
    throw new UpstreamRefusal(
      `--api-version ${requested} was given, but the document describes Intercom API ${described}`,
    );
  }
  if (described !== pinned && requested === undefined) {
    throw new UpstreamRefusal(
      `the document describes Intercom API ${described}, but the packages are pinned to ${pinned}`,
      `To move every package from ${pinned} to ${described}, run: pnpm spec:sync ${source} --api-version ${described}`,
    );
  }
  return described;
}
