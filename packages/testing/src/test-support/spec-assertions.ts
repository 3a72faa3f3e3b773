import type { Conversation, IntercomError } from '@conversation-kit/types';
import { document } from '@conversation-kit/spec';
import { createSchemaValidator, describeProblems } from '@conversation-kit/spec/validator';
import { expect } from 'vitest';
import type { FakeResponse } from './http.js';

const validator = createSchemaValidator(document);

/**
 * Asserts that a response body validates against the effective spec's schema for its status.
 *
 * @example
 * expectSpecValid(await manage(fake, id, action));
 */
export function expectSpecValid(response: FakeResponse): void {
  const problems = validator.validateResponseBody(
    'manageConversation',
    response.status,
    response.body,
  );
  expect(describeProblems(problems), `a spec-valid ${response.status} body`).toEqual([]);
}

/**
 * Asserts a spec-valid 200 and returns the conversation it carries.
 *
 * @example
 * const conversation = expectConversation(await manage(fake, id, action));
 */
export function expectConversation(response: FakeResponse): Conversation {
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expectSpecValid(response);
  return response.body as Conversation;
}

/**
 * Asserts a spec-valid `error.list` with this status, code and field (`undefined`: no field), and
 * returns it.
 *
 * @example
 * expectError(response, 404, 'admin_not_found', 'admin_id');
 */
export function expectError(
  response: FakeResponse,
  status: number,
  code: string,
  field?: string,
): IntercomError {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expectSpecValid(response);
  const body = response.body as IntercomError;
  expect(body.type).toBe('error.list');
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0]?.code).toBe(code);
  expect(body.errors[0]?.field).toBe(field);
  return body;
}

/**
 * Asserts that a value validates against `components.schemas[name]` of the effective spec.
 *
 * @example
 * expectComponentValid('conversation', fake.conversations.add());
 */
export function expectComponentValid(name: string, value: unknown): void {
  expect(describeProblems(validator.validateComponent(name, value)), `a valid ${name}`).toEqual([]);
}
