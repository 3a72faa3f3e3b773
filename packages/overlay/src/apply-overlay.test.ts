import { describe, expect, it } from 'vitest';
import { applyOverlay, type OverlayDocument } from './apply-overlay.js';

const fragment = {
  openapi: '3.0.3',
  info: { title: 'Intercom API', version: '2.12' },
  paths: {},
  components: { schemas: { tag: { type: 'object', properties: { id: { type: 'string' } } } } },
};
const overlay = (actions: OverlayDocument['actions']): OverlayDocument => ({
  overlay: '1.0.0',
  info: { title: 'Corrections', version: '1.0.0' },
  actions,
});

describe('applyOverlay', () => {
  it('applies updates and removals and leaves its input alone', async () => {
    const before = structuredClone(fragment);
    const { document, unmatchedActions } = await applyOverlay(
      fragment,
      overlay([
        { target: '$.components.schemas.tag', update: { required: ['id'] } },
        { target: '$.components.schemas.tag.properties.id.type', remove: true },
      ]),
    );
    expect(document['components']).toEqual({
      schemas: { tag: { type: 'object', properties: { id: {} }, required: ['id'] } },
    });
    expect(unmatchedActions).toEqual([]);
    expect(fragment).toEqual(before);
  });

  it('names the actions whose target matches nothing', async () => {
    const stale = { target: '$.components.schemas.admin', update: { required: ['id'] } };
    const { unmatchedActions } = await applyOverlay(fragment, overlay([stale]));
    expect(unmatchedActions).toEqual([stale]);
  });
});
