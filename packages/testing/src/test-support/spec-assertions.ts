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

/**
 * Asserts a JSON `error.list` sent over a raw socket, for any status (including those the spec
 * does not declare for the operation, such as 413 or 431), and returns it.
 *
 * @example
 * expectRawError(await connection.nextResponse(), 413, 'content_too_large');
 */
export function expectRawError(
  response: { status: number; headers: Record<string, string>; body: string; json: unknown },
  status: number,
  code: string,
  field?: string,
): IntercomError {
  expect(response.status, response.body).toBe(status);
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  expectComponentValid('error', response.json);
  const body = response.json as IntercomError;
  expect(body.type).toBe('error.list');
  expect(body.request_id).toMatch(/^[0-9a-f-]{36}$/);
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0]?.code).toBe(code);
  expect(body.errors[0]?.field).toBe(field);
  return body;
}
