import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findOperation } from '../document/find-operation.js';
import { pointerOf } from '../document/json-pointer.js';
import { buildEffectiveDocument } from '../effective-document.js';
import { specFiles } from '../spec-files.js';
import { validateExamples } from './validate-examples.js';

type Json = Record<string, any>;
const { document } = await buildEffectiveDocument();
const OPERATION = `/paths${pointerOf([Object.keys(document['paths'] as Json)[0]!])}/post`;
const REQUEST = `${OPERATION}/requestBody/content/application~1json/examples`;
const RESPONSE_200 = `${OPERATION}/responses/200/content/application~1json/examples`;

describe('example validation', () => {
  it('finds every example of the effective document valid', () => {
    const report = validateExamples(document);
    expect(report.invalid).toEqual([]);
    expect(report.checked).toBeGreaterThan(100);
  });

  it("finds Intercom's fragment wrong exactly where the overlay corrects it", async () => {
    const fragment = parse(await readFile(specFiles.fragment, 'utf8')) as Json;
    const report = validateExamples(fragment);
    const invalid = new Map(report.invalid.map(({ pointer, problems }) => [pointer, problems]));
    // Every request example gives admin_id as a number; the schemas take a string.
    for (const name of ['close_a_conversation', 'snooze_a_conversation', 'assign_a_conversation']) {
      expect(invalid.get(`${REQUEST}/${name}/value`)).toContain('/admin_id must be string');
    }
    // Every response example has `ai_agent: null`, which a `$ref` with a `nullable` sibling refuses.
    for (const name of ['Close a conversation', 'Snooze a conversation', 'Open a conversation']) {
      expect(invalid.get(`${RESPONSE_200}/${name}/value`)).toContain('/ai_agent must be object');
    }
    expect(invalid.get(`${RESPONSE_200}/Close a conversation/value`)).toContain(
      '/conversation_parts/conversation_parts/0/assigned_to must be object',
    );
  });

  it('names the example and the place inside it that breaks its schema', () => {
    const broken = structuredClone(document) as Json;
    const operation = findOperation(broken, 'manageConversation').operation as Json;
    const examples = operation['requestBody']['content']['application/json']['examples'];
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

  it('reads formats as annotations: an unknown or misapplied format never fails, a type does', () => {
    const changed = structuredClone(document) as Json;
    const schemas = changed['components']['schemas'];
    schemas.error.properties.request_id.example = 'not-a-uuid';
    schemas.snooze_conversation_request.properties.snoozed_until.format = 'timestamp';
    schemas.conversation.properties.created_at.format = 'date-time';
    expect(validateExamples(changed).invalid).toEqual([]);
    schemas.conversation.properties.created_at.example = '2026-11-21T10:00:00Z';
    expect(validateExamples(changed).invalid).toEqual([
      {
        pointer: '/components/schemas/conversation/properties/created_at/example',
        problems: ['(the value) must be integer'],
      },
    ]);
  });

  it('ignores nullable where OpenAPI 3.0.3 says it means nothing: without a type', () => {
    const changed = structuredClone(document) as Json;
    const list = changed['components']['schemas'].content_sources_list;
    delete list.type;
    list.nullable = true;
    list.example = { type: 'content_source.list', total_count: 'one' };
    expect(validateExamples(changed).invalid).toEqual([
      {
        pointer: '/components/schemas/content_sources_list/example',
        problems: ['/total_count must be integer'],
      },
    ]);
  });
});
