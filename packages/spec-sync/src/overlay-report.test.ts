import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { OverlayDocument } from '@conversation-kit/overlay';
import { extractOperation } from './extract-operation.js';
import { overlayReport } from './overlay-report.js';
import { readOpenApiSource } from './read-openapi-source.js';
import { pinnedApiVersion, specLayout } from './spec-layout.js';
import { realSpecDirectory, upstreamFixture } from './test-support/workspace.js';

type Json = Record<string, any>;
const readOverlay = async (path: string) => parse(await readFile(path, 'utf8')) as OverlayDocument;
const committed = specLayout(realSpecDirectory, await pinnedApiVersion(realSpecDirectory));
// The fixtures are cut from Intercom's 2.12 text, which the 2.12 corrections are for.
const overlay = await readOverlay(specLayout(realSpecDirectory, '2.12').overlay);

describe('overlayReport', () => {
  it('finds every correction still needed by the committed fragment', async () => {
    const fragment = parse(await readFile(committed.fragment, 'utf8')) as Json;
    const corrections = await readOverlay(committed.overlay);
    const report = await overlayReport(fragment, corrections);
    expect(report.stale).toEqual([]);
    expect(report.unnecessary).toEqual([]);
    expect(report.actionCount).toBe(corrections.actions.length);
  });

  it('names stale actions (ai_agent renamed) and unnecessary ones (body already required)', async () => {
    const upstream = await readOpenApiSource(upstreamFixture('overlay-outgrown.yaml'));
    const { fragment } = await extractOperation(upstream, 'manageConversation');
    const report = await overlayReport(fragment, overlay);
    expect(report.stale.map((action) => action.target)).toEqual([
      "$.components.schemas.conversation.properties.ai_agent['$ref','nullable']",
      '$.components.schemas.conversation.properties.ai_agent',
    ]);
    expect(report.unnecessary.map((action) => action.target)).toEqual([
      "$.paths.*[?(@.operationId=='manageConversation')].requestBody",
    ]);
    // The other corrections still apply to the effective document.
    const effective = report.effective as Json;
    expect(effective['components'].schemas.tag.properties.applied_by.anyOf).toHaveLength(2);
  });

  it('judges each action after the ones before it, so a restatement after a removal counts', async () => {
    const fragment = { openapi: '3.0.3', info: { title: 't', version: '1' }, x: { a: 1 } };
    const actions = [
      { target: '$.x.a', remove: true },
      { target: '$.x', update: { a: 1 } },
      { target: '$.x', update: { a: 1 } },
    ];
    const report = await overlayReport(fragment, {
      overlay: '1.0.0',
      info: { title: 't', version: '1' },
      actions,
    });
    expect(report.stale).toEqual([]);
    expect(report.unnecessary).toHaveLength(1);
    expect(report.unnecessary[0]).toBe(actions[2]);
  });
});
