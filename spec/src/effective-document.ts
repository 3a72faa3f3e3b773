import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { applyOverlay, type OverlayAction, type OverlayDocument } from '@conversation-kit/overlay';
import { specFiles } from './spec-files.js';

/** The effective document and the overlay actions that no longer match the fragment. */
export interface EffectiveDocumentBuild {
  document: Record<string, unknown>;
  unmatchedActions: OverlayAction[];
}

/**
 * Builds the effective document: Intercom's fragment with our overlay of corrections applied.
 *
 * @example
 * const { document } = await buildEffectiveDocument();
 * document.info; // { title: 'Intercom API', version: '2.12', … }
 */
export async function buildEffectiveDocument(
  files: { fragment: string; overlay: string } = specFiles,
): Promise<EffectiveDocumentBuild> {
  const fragment = parse(await readFile(files.fragment, 'utf8')) as Record<string, unknown>;
  const overlay = parse(await readFile(files.overlay, 'utf8')) as OverlayDocument;
  const { document, unmatchedActions } = await applyOverlay(fragment, overlay);
  return { document, unmatchedActions };
}
