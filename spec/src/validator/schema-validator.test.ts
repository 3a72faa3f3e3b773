import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildEffectiveDocument } from '../effective-document.js';
import { createSchemaValidator } from './schema-validator.js';

const { document } = await buildEffectiveDocument();
const validator = createSchemaValidator(document);

describe('createSchemaValidator', () => {
  it('accepts each request variant and names what a broken one lacks', () => {
    expect(
      validator.validateRequestBody('manageConversation', { message_type: 'open', admin_id: '1' }),
    ).toEqual([]);
    const problems = validator.validateRequestBody('manageConversation', {
      message_type: 'snoozed',
      admin_id: '1',
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ keyword: 'required', missingProperty: 'snoozed_until', path: '' }),
    );
  });

  it('checks responses by status, with nullable references admitted', () => {
    const conversation = { type: 'conversation', id: '1' };
    expect(validator.validateResponseBody('manageConversation', 200, conversation)).toContainEqual(
      expect.objectContaining({ missingProperty: 'state' }),
    );
    expect(
      validator.validateResponseBody('manageConversation', 429, {
        type: 'error.list',
        errors: [{ code: 'rate_limit_exceeded' }],
      }),
    ).toEqual([]);
    expect(
      validator.validateComponent('conversation_part', { assigned_to: null }),
    ).not.toContainEqual(expect.objectContaining({ path: '/assigned_to' }));
  });

  it('refuses to validate against what the document does not declare', () => {
    expect(() => validator.validateResponseBody('manageConversation', 418, {})).toThrow(
      'manageConversation declares no JSON response for status 418',
    );
    expect(() => validator.validateRequestBody('deleteEverything', {})).toThrow(
      'The document has no operation "deleteEverything"',
    );
    expect(() => validator.validateComponent('nope', {})).toThrow(
      'The document has no schema "nope"',
    );
  });

  it('is published for ESM and CommonJS callers', async () => {
    const esm = await import('@conversation-kit/spec/validator');
    const cjs = createRequire(import.meta.url)('@conversation-kit/spec/validator') as typeof esm;
    for (const entry of [esm, cjs]) {
      const body = { message_type: 'close', type: 'admin', admin_id: 7 };
      expect(
        entry.createSchemaValidator(document).validateRequestBody('manageConversation', body),
      ).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: '/admin_id', message: 'must be string' }),
        ]),
      );
    }
  });
});
