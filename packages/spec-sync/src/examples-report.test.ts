import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyOverlay, type OverlayDocument } from '@conversation-kit/overlay';
import { examplesReport } from './examples-report.js';
import { extractOperation } from './extract-operation.js';
import { readOpenApiSource } from './read-openapi-source.js';
import { specLayout } from './spec-layout.js';
import { realSpecDirectory, upstreamFixture } from './test-support/workspace.js';

// The fixture is cut from Intercom's 2.12 text, which the 2.12 corrections are for.
const { overlay: overlayPath } = specLayout(realSpecDirectory, '2.12');
const overlay = parse(await readFile(overlayPath, 'utf8')) as OverlayDocument;
const OPERATION = '/paths/~1conversations~1{id}~1parts/post';
const REQUEST_EXAMPLE = `${OPERATION}/requestBody/content/application~1json/examples/snooze_a_conversation/value`;
const RESPONSE_EXAMPLE = `${OPERATION}/responses/200/content/application~1json/examples/Close a conversation/value`;

describe('examplesReport', () => {
  it("names upstream's defects, and those the overlay leaves as missing corrections", async () => {
    const upstream = await readOpenApiSource(upstreamFixture('example-defects.yaml'));
    const { fragment } = await extractOperation(upstream, 'manageConversation');
    const { document: effective } = await applyOverlay(fragment, overlay);
    const report = examplesReport(fragment, effective);

    // Intercom's own defects: every request example's integer admin_id, every response example's
    // null ai_agent, and the two the fixture adds.
    const defects = new Map(
      report.upstreamDefects.map(({ pointer, problems }) => [pointer, problems]),
    );
    expect(defects.get(REQUEST_EXAMPLE)).toEqual(
      expect.arrayContaining(['/admin_id must be string', '/snoozed_until must be integer']),
    );
    expect(defects.get(RESPONSE_EXAMPLE)).toEqual(
      expect.arrayContaining(['/read must be boolean', '/ai_agent must be object']),
    );
    expect(defects.size).toBe(9);

    // The overlay corrects admin_id, ai_agent and assigned_to, but neither snoozed_until nor read.
    expect(report.missingCorrections.map((example) => example.pointer)).toEqual([
      REQUEST_EXAMPLE,
      RESPONSE_EXAMPLE,
    ]);
    expect(report.missingCorrections[1]!.problems).toEqual(['/read must be boolean']);
  });

  it('reports a document whose schemas cannot be compiled instead of failing', () => {
    const broken = {
      openapi: '3.0.3',
      components: { schemas: { a: { type: 'object', properties: { b: { $ref: '#/nowhere' } } } } },
    };
    const report = examplesReport(broken, broken);
    expect(report.upstreamDefects).toEqual([
      { pointer: '', problems: [expect.stringMatching(/^the examples could not be checked: /)] },
    ]);
  });
});
