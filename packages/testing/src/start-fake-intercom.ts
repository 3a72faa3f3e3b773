import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { document } from '@conversation-kit/spec';
import { createSchemaValidator } from '@conversation-kit/spec/validator';
import { ConversationStore } from './conversation-store.js';
import { Directory } from './directory.js';
import type { FakeIntercom, FakeIntercomOptions, RecordedRequest } from './fake-intercom.js';
import { FaultSchedule, type Fault } from './faults.js';
import { readBody, send } from './http-exchange.js';
import { answerManageConversation, type HandlerState } from './manage-conversation-handler.js';
import { RateLimiter } from './rate-limiter.js';
import { requestVariants } from './request-variants.js';

/**
 * Starts a stateful fake of Intercom's `POST /conversations/{id}/parts` (API 2.12) on
 * 127.0.0.1: it keeps conversations, applies actions, validates requests against the effective
 * spec, enforces a rate limit, and injects faults on demand.
 *
 * @example
 * const fake = await startFakeIntercom({ now: () => clock });
 * fake.admins.add('991267');
 * const { id } = fake.conversations.add();
 * // … call fake.url with `Authorization: Bearer ${fake.token}` …
 * await fake.close();
 */
export async function startFakeIntercom(options: FakeIntercomOptions = {}): Promise<FakeIntercom> {
  const token = options.token ?? `fake_${randomBytes(16).toString('hex')}`;
  if (typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token)) {
    throw new TypeError('token must be a non-empty string of visible ASCII characters');
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`port must be a whole number from 0 to 65535, not ${port}`);
  }
  const now = options.now ?? Date.now;
  const nowSeconds = (): number => Math.floor(now() / 1000);
  const rateLimit = options.rateLimit === false ? undefined : (options.rateLimit ?? {});

  const store = new ConversationStore(nowSeconds);
  const admins = new Directory('admin');
  const teams = new Directory('team');
  // Seeds are checked before the server starts, so a bad one leaves no port open.
  for (const seed of options.admins ?? []) admins.seed(seed);
  for (const seed of options.teams ?? []) teams.seed(seed);
  for (const seed of options.conversations ?? []) store.add(seed);
  const faults = new FaultSchedule();
  const requests: RecordedRequest[] = [];
  let partId = 2_000_000_001;
  const state: HandlerState = {
    token,
    store,
    admins,
    teams,
    limiter:
      rateLimit && new RateLimiter(rateLimit.limit ?? 1666, rateLimit.windowSeconds ?? 10, now),
    validator: createSchemaValidator(document),
    variants: requestVariants(document),
    versions: new Set(
      (document.components['schemas']?.['intercom_version'] as { enum: string[] }).enum,
    ),
    nowSeconds,
    nextPartId: () => String(partId++),
  };

  const closing = new AbortController();
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (closing.signal.aborted) return;
      response.destroy(error instanceof Error ? error : undefined);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const rawBody = await readBody(request);
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    const record = recordOf(request, method, path, rawBody, token);
    requests.push(record);

    let fault: Fault | undefined;
    try {
      fault = faults.take({ method, path });
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
    if (fault?.type === 'delay') await sleep(fault.ms, undefined, { signal: closing.signal });

    const answer = answerManageConversation(
      { method, path, headers: request.headers, rawBody },
      state,
    );
    record.applied = answer.applied;
    sabotage(fault, response, answer, record);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;

  const close = (): Promise<void> =>
    new Promise<void>((resolve) => {
      closing.abort();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return {
    url: `http://127.0.0.1:${address.port}`,
    token,
    conversations: store,
    admins,
    teams,
    requests,
    fault: (when, fault) => faults.add(when, fault),
    close,
    [Symbol.asyncDispose]: close,
  };
}

// Sends the answer, or breaks it as an after-apply fault asks.
function sabotage(
  fault: Fault | undefined,
  response: ServerResponse,
  answer: { status: number; body: unknown; headers: Record<string, string> },
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

function recordOf(
  request: IncomingMessage,
  method: string,
  path: string,
  rawBody: string,
  token: string,
): RecordedRequest {
  const authorized = request.headers['authorization'] === `Bearer ${token}`;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  // Recorded requests end up in test output; the token stays out of them.
  if ('authorization' in headers) headers['authorization'] = authorized ? 'ok' : 'wrong';
  let body: unknown;
  try {
    body = rawBody === '' ? undefined : JSON.parse(rawBody);
  } catch {
    body = undefined;
  }
  return { method, path, headers, authorized, rawBody, body, status: 0, applied: false };
}
