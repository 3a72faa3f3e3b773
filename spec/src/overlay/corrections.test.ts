import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildEffectiveDocument } from '../effective-document.js';
import { findOperation } from '../document/find-operation.js';
import { pointerOf } from '../document/json-pointer.js';
import { walkOpenApi } from '../document/openapi-walk.js';
import { specFiles } from '../spec-files.js';
import type { OverlayDocument } from '@conversation-kit/overlay';

type Json = Record<string, any>;
const overlay = parse(await readFile(specFiles.overlay, 'utf8')) as OverlayDocument;
const { document, unmatchedActions } = await buildEffectiveDocument();
const operation = findOperation(document, 'manageConversation').operation as Json;
const schemas = (document as Json)['components']['schemas'];

describe('the overlay of corrections', () => {
  it('is an Overlay 1.0 document whose every action says why', () => {
    expect(overlay.overlay).toMatch(/^1\.0\.\d+$/);
    for (const action of overlay.actions) {
      expect(action.description?.trim().length, action.target).toBeGreaterThan(20);
    }
  });

  it('applies every action to the fragment: no correction is stale', () => {
    expect(unmatchedActions).toEqual([]);
  });

  it('makes the request body required', () => {
    expect(operation.requestBody.required).toBe(true);
  });

  it('makes ai_agent, assigned_to and applied_by nullable without $ref siblings', () => {
    const nullableReferences = [
      schemas.conversation.properties.ai_agent,
      schemas.conversation_part.properties.assigned_to,
      schemas.tag.properties.applied_by,
    ];
    for (const property of nullableReferences) {
      expect(property).not.toHaveProperty('$ref');
      expect(property).not.toHaveProperty('nullable');
      expect(property.anyOf).toContainEqual({ type: 'object', nullable: true, enum: [null] });
    }
  });

  it('adds the 400 and 429 error.list responses and the rate-limit headers', () => {
    for (const status of ['400', '429']) {
      expect(operation.responses[status].content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/error',
      });
    }
    for (const status of ['200', '400', '403', '404', '429']) {
      expect(Object.keys(operation.responses[status].headers)).toEqual([
        'X-RateLimit-Limit',
        'X-RateLimit-Remaining',
        'X-RateLimit-Reset',
      ]);
    }
    expect(operation.responses['401'].headers).toBeUndefined();
  });

  it('keys every server by region', () => {
    expect((document as Json)['servers'].map((server: Json) => server['x-region'])).toEqual([
      'us',
      'eu',
      'au',
    ]);
  });

  it('removes the formats no tool could apply: date-time on integers, and timestamp', () => {
    const misapplied: string[] = [];
    walkOpenApi(document, {
      enter(node, kind, at) {
        if (kind !== 'schema') return;
        if (
          node['format'] === 'timestamp' ||
          (node['type'] === 'integer' && node['format'] === 'date-time')
        ) {
          misapplied.push(pointerOf(at));
        }
      },
    });
    expect(misapplied).toEqual([]);
    expect(schemas.conversation.properties.created_at).toEqual(
      expect.objectContaining({ type: 'integer', example: expect.any(Number) }),
    );
    expect(schemas.conversation.properties.created_at).not.toHaveProperty('format');
  });

  it('gives every request example the string ids the request schemas ask for', () => {
    const examples = operation.requestBody.content['application/json'].examples as Json;
    for (const { value } of Object.values(examples) as Json[]) {
      expect(typeof value['admin_id']).toBe('string');
      if ('assignee_id' in value) expect(typeof value['assignee_id']).toBe('string');
    }
  });

  it('leaves the fragment as Intercom describes it', async () => {
    const fragment = parse(await readFile(specFiles.fragment, 'utf8')) as Json;
    const post = findOperation(fragment, 'manageConversation').operation as Json;
    expect(post.requestBody.required).toBeUndefined();
    expect(fragment['components']['schemas'].conversation.properties.ai_agent).toEqual({
      $ref: '#/components/schemas/ai_agent',
      nullable: true,
    });
    expect(
      post.requestBody.content['application/json'].examples.close_a_conversation.value.admin_id,
    ).toEqual(expect.any(Number));
    expect(fragment['components']['schemas'].conversation.properties.created_at.format).toBe(
      'date-time',
    );
  });
});
