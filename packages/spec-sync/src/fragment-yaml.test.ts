import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fragmentDiff } from './fragment-diff.js';
import { fragmentYaml } from './fragment-yaml.js';
import { pinnedApiVersion, specLayout } from './spec-layout.js';
import { realSpecDirectory } from './test-support/workspace.js';

type Json = Record<string, any>;
const pinned = await pinnedApiVersion(realSpecDirectory);
const path = specLayout(realSpecDirectory, pinned).fragment;
const currentText = await readFile(path, 'utf8');

describe('fragmentYaml', () => {
  it('writes an unchanged fragment exactly as its file has it', async () => {
    const fragment = parse(currentText) as Json;
    expect(await fragmentYaml(fragment, path, currentText)).toBe(currentText);
  });

  it('changes only the lines of what changed, keeping folded descriptions and quotes', async () => {
    const fragment = parse(currentText) as Json;
    fragment['info'].version = '9.99';
    fragment['components'].schemas.conversation.properties.state.enum.splice(1, 0, 'pending');
    delete fragment['components'].schemas.conversation.properties.read;
    const text = await fragmentYaml(fragment, path, currentText);
    const diff = fragmentDiff(currentText, text)!;
    expect(diff.added.map(({ text: line }) => line.trim())).toEqual([
      "version: '9.99'",
      '- pending',
    ]);
    expect(diff.removed.map(({ text: line }) => line.trim())).toEqual([
      `version: '${pinned}'`,
      'read:',
      'type: boolean',
      'description: Indicates whether a conversation has been read.',
      'example: true',
    ]);
    expect(parse(text)).toEqual(fragment);
  });

  it('without an earlier file, writes stable YAML that parses back to the fragment in order', async () => {
    const fragment = parse(currentText) as Json;
    const text = await fragmentYaml(fragment, path);
    expect(JSON.stringify(parse(text))).toBe(JSON.stringify(fragment));
    expect(await fragmentYaml(fragment, path, text)).toBe(text);
    expect(await fragmentYaml(fragment, path)).toBe(text);
  });

  it('falls back to plain YAML when the earlier file is not YAML', async () => {
    const fragment = { openapi: '3.0.3', info: { title: 'x', version: '1' }, paths: {} };
    const text = await fragmentYaml(fragment, path, ': not: [yaml');
    expect(text).toBe("openapi: 3.0.3\ninfo:\n  title: x\n  version: '1'\npaths: {}\n");
  });
});
