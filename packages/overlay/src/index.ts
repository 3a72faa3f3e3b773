export {
  applyOverlay,
  type OverlayAction,
  type OverlayDocument,
  type OverlayResult,
} from './apply-overlay.js';
