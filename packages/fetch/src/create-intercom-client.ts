import openapiFetch, { type Client } from 'openapi-fetch';
import type { IntercomVersion, paths } from '@conversation-kit/types';
import { defaultIntercomVersion, servers, type Region } from './generated/operations.js';

// openapi-fetch's default export is `createClient`. Its CommonJS build exports it as
// `exports.default` beside `__esModule`, and this package's CommonJS build, bundled from ES
// module source, takes a default import the way Node does: the whole `module.exports`. There the
// function is one level down.
// Resolved when a client is made, not at load: a bundle that uses only this package's data (the
// operation table, the servers) then leaves openapi-fetch out.
function createClientFunction(): typeof openapiFetch {
  return typeof openapiFetch === 'function'
    ? openapiFetch
    : (openapiFetch as unknown as { default: typeof openapiFetch }).default;
}

/**
 * How to reach Intercom: the access token, and either a region or a base URL.
 *
 * @example
 * const options: IntercomClientOptions = { token: process.env.INTERCOM_TOKEN!, region: 'eu' };
 */
export interface IntercomClientOptions {
  /** The access token, sent as `Authorization: Bearer …`. It never appears in errors. */
  token: string;
  /** The region whose server to call (default `us`). Give this or `baseUrl`, not both. */
  region?: Region;
  /** Another server to call instead of a region's, such as a proxy or a test server. */
  baseUrl?: string;
  /** The `fetch` to send requests with (default: the global one). */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * Headers to send with every request. `Authorization` and `Intercom-Version` come from `token`
   * and `intercomVersion` only.
   */
  headers?: Record<string, string>;
  /** The `Intercom-Version` header (default: the version these types describe). */
  intercomVersion?: IntercomVersion;
}

/**
 * Creates an openapi-fetch client typed with the Intercom 2.12 `paths`, sending the bearer
 * token, `Intercom-Version` and `Accept: application/json` with every request.
 *
 * @example
 * const client = createIntercomClient({ token, region: 'eu' });
 * const { data, error } = await client.POST('/conversations/{id}/parts', {
 *   params: { path: { id: '123' } },
 *   body: { message_type: 'close', type: 'admin', admin_id: '991267' },
 * });
 */
export function createIntercomClient(options: IntercomClientOptions): Client<paths> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createIntercomClient needs an options object, like { token }');
  }
  const token = checkedToken(options.token);
  const headers = checkedHeaders(options.headers);
  const clientOptions: Parameters<typeof openapiFetch>[0] = {
    baseUrl: baseUrlOf(options),
    headers: {
      Accept: 'application/json',
      'Intercom-Version': options.intercomVersion ?? defaultIntercomVersion,
      ...headers,
      Authorization: `Bearer ${token}`,
    },
  };
  if (options.fetch !== undefined) {
    if (typeof options.fetch !== 'function') {
      throw new TypeError('options.fetch must be a function like the global fetch');
    }
    clientOptions.fetch = options.fetch;
  }
  return createClientFunction()<paths>(clientOptions);
}

// The token goes into a header, where only visible ASCII is safe: anything else would fail every
// request later, so it is refused now, with a message that never quotes it.
function checkedToken(token: unknown): string {
  if (typeof token !== 'string' || token.length === 0) {
    throw new TypeError('options.token must be a non-empty string: your Intercom access token');
  }
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new TypeError(
      'options.token must be the bare access token, visible ASCII characters only: no spaces, line breaks or "Bearer "',
    );
  }
  return token;
}

const OPTION_FOR_HEADER: Record<string, string> = {
  authorization: 'options.token',
  'intercom-version': 'options.intercomVersion',
};

function checkedHeaders(headers: unknown): Record<string, string> {
  if (headers === undefined) return {};
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    throw new TypeError('options.headers must be an object of header names to string values');
  }
  for (const [name, value] of Object.entries(headers)) {
    // These have options of their own, which a header would silently contradict.
    const owner = OPTION_FOR_HEADER[name.toLowerCase()];
    if (owner) {
      throw new TypeError(`options.headers must not set ${name}: use ${owner}`);
    }
    if (typeof value !== 'string') {
      throw new TypeError(`options.headers["${name}"] must be a string`);
    }
  }
  return headers as Record<string, string>;
}

function baseUrlOf(options: IntercomClientOptions): string {
  if (options.baseUrl !== undefined) {
    if (options.region !== undefined) {
      throw new TypeError('Give options.region or options.baseUrl, not both');
    }
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new TypeError(
        `options.baseUrl must be an absolute http(s) URL, like "https://api.intercom.io"`,
      );
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new TypeError(`options.baseUrl must use http or https, not ${url.protocol}`);
    }
    return url.href.replace(/\/+$/, '');
  }
  const region = options.region ?? 'us';
  if (!Object.hasOwn(servers, region)) {
    const known = Object.keys(servers)
      .map((name) => `"${name}"`)
      .join(', ');
    throw new TypeError(`options.region must be one of ${known}; got ${JSON.stringify(region)}`);
  }
  return servers[region];
}
