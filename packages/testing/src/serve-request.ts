import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiFailure } from './api-failure.js';
import { readBodyWithin } from './body-reader.js';
import type { RecordedRequest } from './fake-intercom.js';
import type { FakeSettings } from './fake-settings.js';
import type { Fault, FaultSchedule } from './faults.js';
import {
  answerManageConversation,
  failure,
  type Answer,
  type HandlerState,
} from './manage-conversation-handler.js';
import type { OpenExchanges } from './open-exchanges.js';
import { bodyTooLarge, refusalBeforeBody, type Expectation } from './refusal-before-body.js';
import { hasBody, recordOf } from './request-record.js';
import type { RequestLog } from './request-log.js';
import { send } from './send-answer.js';

/** Everything one request may touch. */
export interface ServeContext {
  settings: FakeSettings;
  state: HandlerState;
  log: RequestLog;
  faults: FaultSchedule;
  exchanges: OpenExchanges;
  closing: AbortSignal;
}

/**
 * Serves one request: refuses it from its headers when it can (Host, token, declared size), reads
 * the body within the limit, lets an injected fault strike, then answers as Intercom would.
 *
 * @example
 * server.on('request', (request, response) => void serveRequest(request, response, context, 'none'));
 */
export async function serveRequest(
  request: IncomingMessage,
  response: ServerResponse,
  context: ServeContext,
  expectation: Expectation,
): Promise<void> {
  const { settings, log } = context;
  const record = recordOf(request, settings.token);
  context.exchanges.begin(request, response, record);
  try {
    const refusal = refusalBeforeBody(request, record, settings, expectation);
    if (refusal) return refuseUnread(request, response, record, context, refusal, expectation);
    if (expectation === '100-continue') response.writeContinue();
    const body = await readBodyWithin(request, settings.limits.maxBodyBytes);
    if (!body.complete) {
      record.bodyBytes = body.bytes;
      record.bodyTruncated = true;
      log.add(record);
      return respond(response, record, failure(bodyTooLarge(settings), {}), true);
    }
    log.add(record);
    log.attachBody(record, body.text, body.bytes);
    // The text read, not the record's, which the log may cut to an excerpt to stay in bounds.
    await answerRead(request, response, record, body.text, context);
  } finally {
    log.settle(record);
  }
}

// Answers before the body is read. A body known to be within the limit is left for Node to
// discard, keeping the connection; any other (chunked, oversized, or held back for a 100 Continue
// that will not come) ends the connection, so it is never read.
function refuseUnread(
  request: IncomingMessage,
  response: ServerResponse,
  record: RecordedRequest,
  context: ServeContext,
  refusal: ApiFailure,
  expectation: Expectation,
): void {
  record.bodyTruncated = hasBody(request.headers);
  context.log.add(record);
  const close =
    expectation !== 'none' ||
    request.headers['transfer-encoding'] !== undefined ||
    Number(request.headers['content-length'] ?? 0) > context.settings.limits.maxBodyBytes;
  respond(response, record, failure(refusal, {}), close);
}

async function answerRead(
  request: IncomingMessage,
  response: ServerResponse,
  record: RecordedRequest,
  rawBody: string,
  context: ServeContext,
): Promise<void> {
  const { method, path } = record;
  let fault: Fault | undefined;
  try {
    fault = context.faults.take({ method, path });
  } catch (error) {
    // A throwing predicate is a mistake in the test: say so in the answer, not in silence.
    record.status = 500;
    const reason = error instanceof Error ? error.message : String(error);
    return send(response, 500, `A fault predicate threw: ${reason}`);
  }
  if (fault) record.fault = fault.type;
  if (fault?.type === 'status') {
    record.status = fault.status;
    return send(response, fault.status, fault.body ?? '', fault.headers);
  }
  if (fault?.type === 'destroy' && fault.when === 'before-apply') return void response.destroy();
  if (fault?.type === 'delay') await sleep(fault.ms, undefined, { signal: context.closing });

  const answer = answerManageConversation(
    { method, path, headers: request.headers, rawBody },
    context.state,
  );
  record.applied = answer.applied;
  sabotage(fault, response, answer, record);
}

function respond(
  response: ServerResponse,
  record: RecordedRequest,
  answer: Answer,
  close: boolean,
): void {
  record.status = answer.status;
  send(response, answer.status, answer.body, answer.headers, close);
}

// Sends the answer, or breaks it as an after-apply fault asks.
function sabotage(
  fault: Fault | undefined,
  response: ServerResponse,
  answer: Answer,
  record: RecordedRequest,
): void {
  if (fault?.type === 'destroy') return void response.destroy();
  const json = JSON.stringify(answer.body);
  const headers = { ...answer.headers, 'Content-Type': 'application/json; charset=utf-8' };
  record.status = answer.status;
  if (fault?.type === 'malformed-json') {
    return send(response, answer.status, `<html>${json}`, headers);
  }
  if (fault?.type === 'truncated-json') {
    return send(response, answer.status, json.slice(0, Math.floor(json.length / 2)), headers);
  }
  send(response, answer.status, answer.body, answer.headers);
}
