import { openapiOverlay, type OpenAPIOverlayOptions } from 'openapi-format';

/**
 * One action of an OpenAPI Overlay 1.0 document.
 *
 * @example
 * const action: OverlayAction = { target: '$.components.schemas.tag', description: 'Why.', update: { required: ['id'] } };
 */
export interface OverlayAction {
  target: string;
  description?: string;
  update?: unknown;
  remove?: boolean;
}

/**
 * An OpenAPI Overlay 1.0 document.
 *
 * @example
 * const overlay: OverlayDocument = { overlay: '1.0.0', info: { title: 'Corrections', version: '1.0.0' }, actions: [] };
 */
export interface OverlayDocument {
  overlay: string;
  info: { title: string; version: string };
  actions: OverlayAction[];
}

/**
 * What applying an overlay produced.
 *
 * @example
 * const { document, unmatchedActions }: OverlayResult = await applyOverlay(fragment, overlay);
 */
export interface OverlayResult {
  document: Record<string, unknown>;
  /** Actions whose target matched nothing: a correction the upstream document has outgrown. */
  unmatchedActions: OverlayAction[];
}

/**
 * Applies an OpenAPI Overlay to a document without changing the input.
 *
 * @example
 * const { document, unmatchedActions } = await applyOverlay(fragment, overlay);
 * if (unmatchedActions.length > 0) throw new Error('stale overlay');
 */
export async function applyOverlay(
  source: Record<string, unknown>,
  overlay: OverlayDocument,
): Promise<OverlayResult> {
  const result = await openapiOverlay(structuredClone(source), {
    // Our action type is a subset of the library's, which has no `x-` index signature.
    overlaySet: overlay as unknown as OpenAPIOverlayOptions['overlaySet'],
  });
  return {
    document: result.data as Record<string, unknown>,
    unmatchedActions: result.resultData.unusedActions as OverlayAction[],
  };
}
