import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyOverlay, type OverlayDocument } from '../overlay/apply-overlay.js';
import { specFiles } from '../spec-files.js';
import { examplesReport } from './examples-report.js';
import { extractOperation } from './extract-operation.js';
import { readOpenApiSource } from './read-openapi-source.js';
import { upstreamFixture } from './test-support/workspace.js';

const overlay = parse(await readFile(specFiles.overlay, 'utf8')) as OverlayDocument;
const REQUEST_EXAMPLE =
  '/paths/~1conversations~1{id}~1parts/post/requestBody/content/application~1json/examples/close_a_conversation/value';
const RESPONSE_EXAMPLE =
  '/paths/~1conversations~1{id}~1parts/post/responses/200/content/application~1json/examples/conversation_closed/value';

describe('examplesReport', () => {
  it("names upstream's defects, and those the overlay leaves as missing corrections", async () => {
    const upstream = await readOpenApiSource(upstreamFixture('example-defects.yaml'));
    const { fragment } = extractOperation(upstream, 'manageConversation');
    const { document: effective } = await applyOverlay(fragment, overlay);
    const report = examplesReport(fragment, effective);

    expect(report.upstreamDefects.map((example) => example.pointer)).toEqual([
      REQUEST_EXAMPLE,
      RESPONSE_EXAMPLE,
    ]);
    expect(report.upstreamDefects[0]!.problems).toContain('/admin_id must be string');
    expect(report.upstreamDefects[1]!.problems).toEqual(
      expect.arrayContaining(['/read must be boolean', '/ai_agent must be object']),
    );

    // The overlay makes ai_agent and assigned_to nullable, but corrects neither admin_id nor read.
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
