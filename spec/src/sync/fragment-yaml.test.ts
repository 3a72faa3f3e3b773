import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { specFiles } from '../spec-files.js';
import { fragmentYaml } from './fragment-yaml.js';
import { lineDiff } from './line-diff.js';

type Json = Record<string, any>;
const currentText = await readFile(specFiles.fragment, 'utf8');

describe('fragmentYaml', () => {
  it('writes an unchanged fragment exactly as its file has it', async () => {
    const fragment = parse(currentText) as Json;
    expect(await fragmentYaml(fragment, specFiles.fragment, currentText)).toBe(currentText);
  });

  it('changes only the lines of what changed, keeping folded descriptions and quotes', async () => {
    const fragment = parse(currentText) as Json;
    fragment['info'].version = '2.13';
    fragment['components'].schemas.conversation.properties.state.enum.splice(1, 0, 'pending');
    delete fragment['components'].schemas.conversation.properties.read;
    const text = await fragmentYaml(fragment, specFiles.fragment, currentText);
    const diff = lineDiff(currentText, text)!;
    expect(diff.added.map(({ text: line }) => line.trim())).toEqual([
      "version: '2.13'",
      '- pending',
    ]);
    expect(diff.removed.map(({ text: line }) => line.trim())).toEqual([
      "version: '2.12'",
      'read:',
      'type: boolean',
      'description: Indicates whether a conversation has been read.',
      'example: true',
    ]);
    expect(parse(text)).toEqual(fragment);
  });

  it('without an earlier file, writes stable YAML that parses back to the fragment in order', async () => {
    const fragment = parse(currentText) as Json;
    const text = await fragmentYaml(fragment, specFiles.fragment);
    expect(JSON.stringify(parse(text))).toBe(JSON.stringify(fragment));
    expect(await fragmentYaml(fragment, specFiles.fragment, text)).toBe(text);
    expect(await fragmentYaml(fragment, specFiles.fragment)).toBe(text);
  });

  it('falls back to plain YAML when the earlier file is not YAML', async () => {
    const fragment = { openapi: '3.0.3', info: { title: 'x', version: '1' }, paths: {} };
    const text = await fragmentYaml(fragment, specFiles.fragment, ': not: [yaml');
    expect(text).toBe("openapi: 3.0.3\ninfo:\n  title: x\n  version: '1'\npaths: {}\n");
  });
});
