import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readOpenApiSource } from './read-openapi-source.js';
import { temporaryWorkspace, upstreamFixture, type Workspace } from './test-support/workspace.js';
import { UpstreamRefusal } from './upstream-refusal.js';

let server: Server;
let base: string;
let workspace: Workspace;
const fixture = await readFile(upstreamFixture('several-operations.yaml'), 'utf8');

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/api.yaml') response.writeHead(200).end(fixture);
    else if (request.url === '/api.json')
      response.writeHead(200).end(JSON.stringify(parse(fixture)));
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  workspace = await temporaryWorkspace();
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await workspace.remove();
});

describe('readOpenApiSource', () => {
  it('reads YAML or JSON from a file or an http URL', async () => {
    const expected = parse(fixture) as unknown;
    expect(await readOpenApiSource(upstreamFixture('several-operations.yaml'))).toEqual(expected);
    expect(await readOpenApiSource(`${base}/api.yaml`)).toEqual(expected);
    expect(await readOpenApiSource(`${base}/api.json`)).toEqual(expected);
  });

  it('refuses what it cannot fetch, read or parse', async () => {
    const broken = `${workspace.root}/broken.json`;
    await writeFile(broken, '{ "openapi": ');
    for (const [location, message] of [
      [`${base}/missing.yaml`, `could not fetch ${base}/missing.yaml: HTTP 404`],
      [`${workspace.root}/none.yaml`, `could not read ${workspace.root}/none.yaml: ENOENT`],
      [broken, `${broken} is neither YAML nor JSON`],
    ] as const) {
      const error = await readOpenApiSource(location).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(UpstreamRefusal);
      expect((error as Error).message).toContain(message);
    }
  });
});
