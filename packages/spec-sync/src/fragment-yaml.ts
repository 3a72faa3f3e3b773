import { format, resolveConfig } from 'prettier';
import { parse, stringify } from 'yaml';
import type { JsonObject } from '@conversation-kit/spec/document';
import { restyleYaml } from './restyle-yaml.js';

/**
 * The fragment as the YAML text of its file: serialized with the `yaml` package (one line per
 * value) and formatted with the repository's prettier settings for that path, so the output is
 * stable. Given the file's current text, whatever did not change keeps its form there, so the diff
 * shows only upstream's changes. The text always parses back to the fragment, keys in order.
 *
 * @example
 * const text = await fragmentYaml(fragment, specFiles.fragment, await readFile(specFiles.fragment, 'utf8'));
 * await writeFile(specFiles.fragment, text);
 */
export async function fragmentYaml(
  fragment: JsonObject,
  filePath: string,
  currentText?: string,
): Promise<string> {
  const options = { ...(await resolveConfig(filePath)), filepath: filePath };
  const expected = JSON.stringify(fragment);
  const candidates = [
    currentText === undefined ? undefined : restyleYaml(currentText, fragment, { lineWidth: 0 }),
    stringify(fragment, { lineWidth: 0, aliasDuplicateObjects: false }),
  ];
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    const text = await format(candidate, options);
    if (JSON.stringify(parse(text)) === expected) return text;
  }
  throw new Error(`the fragment for ${filePath} does not survive a YAML round trip`);
}
