import { peers, peerLabel } from '../peers.js';
import { printTable } from '../report/table.js';
import { bundleEntry, type Bundle } from './bundle-entry.js';

/** The entry of each peer, in src/bundle/entries. */
export const bundleEntries: Record<string, string> = {
  a: 'src/bundle/entries/raw-fetch.ts',
  b: 'src/bundle/entries/openapi-fetch.ts',
  c: 'src/bundle/entries/conversation-kit-fetch.ts',
  d: 'src/bundle/entries/conversation-kit-conversations.ts',
  e: 'src/bundle/entries/intercom-client.ts',
  f: 'src/bundle/entries/ky.ts',
};

export interface BundleResult extends Bundle {
  peer: string;
}

/** Bundles every peer's close() app. */
export async function measureBundles(): Promise<BundleResult[]> {
  const results: BundleResult[] = [];
  for (const peer of peers) {
    results.push({ peer: peerLabel(peer), ...(await bundleEntry(bundleEntries[peer.key]!)) });
  }
  return results;
}

export function printBundles(results: readonly BundleResult[]): void {
  const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
  printTable(
    '3. Bundle size: an app that creates a client and calls close() (esbuild, browser, esm, minified; gzip -9)',
    ['client', 'minified B', 'gzip B', 'largest parts (minified)'],
    results.map((result) => [
      result.peer,
      result.minifiedBytes,
      result.gzipBytes,
      result.byPackage
        .slice(0, 3)
        .map(({ name, bytes }) => `${name} ${kib(bytes)}`)
        .join(', '),
    ]),
  );
}
