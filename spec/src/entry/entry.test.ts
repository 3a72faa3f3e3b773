import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { findOperation } from '../document/find-operation.js';
import { pinnedApiVersion, specFiles } from '../spec-files.js';

// The built entry point, as a user of the package imports or requires it.
const esm = (await import(new URL('../../dist/index.js', import.meta.url).href)) as Record<
  string,
  any
>;
const cjs = createRequire(import.meta.url)('../../dist/index.cjs') as Record<string, any>;
const effectiveJson = await readFile(specFiles.effectiveJson, 'utf8');

describe('the package entry', () => {
  it('exports the effective document from ESM and CommonJS alike', () => {
    expect(esm['document']).toEqual(JSON.parse(effectiveJson));
    expect(esm['default']).toBe(esm['document']);
    expect(cjs['document']).toEqual(esm['document']);
    expect(findOperation(esm['document'], 'manageConversation').method).toBe('post');
  });

  it("names the API version and the document's hash", () => {
    expect(esm['apiVersion']).toBe(pinnedApiVersion);
    expect(esm['document'].info.version).toBe(pinnedApiVersion);
    expect(esm['documentSha256']).toBe(createHash('sha256').update(effectiveJson).digest('hex'));
    expect(cjs['documentSha256']).toBe(esm['documentSha256']);
  });
});
