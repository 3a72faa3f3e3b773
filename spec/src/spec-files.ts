import { fileURLToPath } from 'node:url';

const root = (relative: string): string =>
  fileURLToPath(new URL(`../${relative}`, import.meta.url));

/**
 * Where the spec package keeps its documents, as absolute paths.
 *
 * @example
 * await readFile(specFiles.effectiveJson, 'utf8');
 */
export const specFiles = {
  fragment: root('openapi/2.12/manage-conversation.yaml'),
  overlay: root('overlays/2.12/corrections.overlay.yaml'),
  effectiveYaml: root('effective/2.12/manage-conversation.yaml'),
  effectiveJson: root('effective/2.12/manage-conversation.json'),
  dist: root('dist'),
} as const;
