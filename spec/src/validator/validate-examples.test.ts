import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildEffectiveDocument } from '../effective-document.js';
import { specFiles } from '../spec-files.js';
import { validateExamples } from './validate-examples.js';

type Json = Record<string, any>;
const { document } = await buildEffectiveDocument();
const OK_200 =
  '/paths/~1conversations~1{id}~1parts/post/responses/200/content/application~1json/examples/conversation_closed/value';

describe('example validation', () => {
  it('finds every example of the effective document valid', () => {
    const report = validateExamples(document);
    expect(report.invalid).toEqual([]);
    expect(report.checked).toBeGreaterThan(100);
  });

  it("finds Intercom's fragment wrong exactly where the overlay corrects it", async () => {
    const fragment = parse(await readFile(specFiles.fragment, 'utf8')) as Json;
    const report = validateExamples(fragment);
    expect(report.invalid.map((example) => example.pointer)).toEqual([OK_200]);
    expect(report.invalid[0]!.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/ai_agent must be object/),
        expect.stringMatching(
          /^\/conversation_parts\/conversation_parts\/0\/assigned_to must be object/,
        ),
      ]),
    );
  });

  it('names the example and the place inside it that breaks its schema', () => {
    const broken = structuredClone(document) as Json;
    const examples =
      broken['paths']['/conversations/{id}/parts']['post']['requestBody']['content'][
        'application/json'
      ]['examples'];
    examples.close_a_conversation.value.admin_id = 12345;
    const report = validateExamples(broken);
    expect(report.invalid).toHaveLength(1);
    expect(report.invalid[0]!.pointer).toMatch(/\/examples\/close_a_conversation\/value$/);
    expect(report.invalid[0]!.problems.join('\n')).toContain('/admin_id must be string');
  });

  it('reads nullable the OpenAPI 3.0 way: an enum must list null for null to pass', () => {
    const broken = structuredClone(document) as Json;
    const sourceType = broken['components']['schemas'].ai_agent.properties.source_type;
    sourceType.enum = sourceType.enum.filter((value: unknown) => value !== null);
    sourceType.example = null;
    const report = validateExamples(broken);
    expect(report.invalid.map((example) => example.pointer)).toEqual([
      '/components/schemas/ai_agent/properties/source_type/example',
    ]);
  });

  it('checks formats such as uuid', () => {
    const broken = structuredClone(document) as Json;
    broken['components']['schemas'].error.properties.request_id.example = 'not-a-uuid';
    const report = validateExamples(broken);
    expect(report.invalid[0]?.problems.join('\n')).toContain('must match format "uuid"');
  });
});
