import { isDeepStrictEqual } from 'node:util';
import { applyOverlay, type OverlayAction, type OverlayDocument } from '@conversation-kit/overlay';
import type { JsonObject } from '@conversation-kit/spec/document';

/**
 * What re-applying our overlay of corrections to a new upstream fragment showed.
 *
 * @example
 * const { stale, unnecessary }: OverlayReport = await overlayReport(fragment, overlay);
 */
export interface OverlayReport {
  /** The new effective document: the fragment with the whole overlay applied. */
  effective: JsonObject;
  /** How many actions the overlay has. */
  actionCount: number;
  /** Actions whose target matches nothing in the fragment: the correction has nothing to correct. */
  stale: OverlayAction[];
  /** Actions that match but change nothing: upstream already says what the correction says. */
  unnecessary: OverlayAction[];
}

/**
 * Applies the overlay to a fragment and tells which actions no longer apply (their target matches
 * nothing) and which have become unnecessary (applied alone, to the document as the actions before
 * it left it, the action changes nothing; the first action is thus applied to the fragment itself).
 *
 * @example
 * const { effective, stale, unnecessary } = await overlayReport(fragment, overlay);
 * for (const action of stale) console.warn(`stale: ${action.target}`);
 */
export async function overlayReport(
  fragment: JsonObject,
  overlay: OverlayDocument,
): Promise<OverlayReport> {
  const { document: effective, unmatchedActions } = await applyOverlay(fragment, overlay);
  const stale = overlay.actions.filter((action) => unmatchedActions.includes(action));
  const unnecessary: OverlayAction[] = [];
  let current = fragment;
  for (const action of overlay.actions) {
    const step = await applyOverlay(current, { ...overlay, actions: [action] });
    if (step.unmatchedActions.length > 0) continue;
    if (isDeepStrictEqual(step.document, current)) unnecessary.push(action);
    current = step.document;
  }
  return { effective, actionCount: overlay.actions.length, stale, unnecessary };
}
