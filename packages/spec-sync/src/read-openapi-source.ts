import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { UpstreamRefusal } from './upstream-refusal.js';

/**
 * Reads an upstream OpenAPI document from a file path or an http(s) URL and parses it, as YAML or
 * as JSON. Throws an `UpstreamRefusal` when it cannot be read or parsed.
 *
 * @example
 * const upstream = await readOpenApiSource('https://example.com/api.intercom.io.yaml');
 * const local = await readOpenApiSource('test-fixtures/upstream/several-operations.yaml');
 */
export async function readOpenApiSource(location: string): Promise<unknown> {
  const text = await readText(location);
  try {
    // JSON is parsed as JSON (faster, and exact); anything else as YAML 1.2.
    return /^\s*[{[]/.test(text)
      ? (JSON.parse(text) as unknown)
      : parse(text, { maxAliasCount: -1 });
  } catch (error) {
    throw new UpstreamRefusal(`${location} is neither YAML nor JSON: ${messageOf(error)}`);
  }
}

async function readText(location: string): Promise<string> {
  if (/^https?:\/\//i.test(location)) {
    let response: Response;
    try {
      response = await fetch(location, {
        headers: { accept: 'application/yaml, application/json' },
      });
    } catch (error) {
      throw new UpstreamRefusal(`could not fetch ${location}: ${messageOf(error)}`);
    }
    if (!response.ok) {
      throw new UpstreamRefusal(`could not fetch ${location}: HTTP ${response.status}`);
    }
    return response.text();
  }
  try {
    return await readFile(location, 'utf8');
  } catch (error) {
    throw new UpstreamRefusal(`could not read ${location}: ${messageOf(error)}`);
  }
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
