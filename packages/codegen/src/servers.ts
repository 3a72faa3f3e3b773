/** A server of the document, keyed by the region its `x-region` extension names. */
export interface RegionServer {
  region: string;
  url: string;
  description: string | undefined;
}

/**
 * Reads the document's servers with their region keys (the overlay adds `x-region` to each,
 * since Intercom names regions only in prose).
 *
 * @example
 * listServers(document); // [{ region: 'us', url: 'https://api.intercom.io', … }, …]
 */
export function listServers(document: Record<string, unknown>): RegionServer[] {
  const servers = (document['servers'] ?? []) as Array<Record<string, unknown>>;
  if (servers.length === 0) throw new Error('The document lists no servers to call');
  return servers.map((server) => {
    const { url, description } = server;
    const region = server['x-region'];
    if (typeof url !== 'string') throw new Error('A server has no url');
    if (typeof region !== 'string' || !/^[a-z][a-z0-9]*$/.test(region)) {
      throw new Error(`Server ${url} needs an "x-region" key of lowercase letters, like "us"`);
    }
    return { region, url, description: typeof description === 'string' ? description : undefined };
  });
}
