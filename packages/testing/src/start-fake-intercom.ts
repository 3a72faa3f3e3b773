import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { document as effectiveDocument } from '@conversation-kit/spec';
import { createSchemaValidator } from '@conversation-kit/spec/validator';
import { answerClientError, answerConnect } from './answer-client-error.js';
import { ConversationStore } from './conversation-store.js';
import { Directory } from './directory.js';
import type { FakeIntercom, FakeIntercomOptions } from './fake-intercom.js';
import { fakeSettings } from './fake-settings.js';
import { FaultSchedule } from './faults.js';
import type { HandlerState } from './manage-conversation-handler.js';
import { OpenExchanges } from './open-exchanges.js';
import { operationRoute } from './operation-route.js';
import type { Expectation } from './refusal-before-body.js';
import { RateLimiter } from './rate-limiter.js';
import { RequestLog } from './request-log.js';
import { requestVariants } from './request-variants.js';
import { serveRequest, type ServeContext } from './serve-request.js';

/**
 * Starts a stateful fake of Intercom's "Manage a conversation" (API 2.12) on 127.0.0.1: it keeps
 * conversations, applies actions, validates requests against the effective spec, enforces a rate
 * limit, injects faults on demand, and holds up against hostile clients.
 *
 * @example
 * const fake = await startFakeIntercom({ now: () => clock });
 * fake.admins.add('991267');
 * const { id } = fake.conversations.add();
 * // … call fake.url with `Authorization: Bearer ${fake.token}` …
 * await fake.close();
 */
export function startFakeIntercom(options: FakeIntercomOptions = {}): Promise<FakeIntercom> {
  return startFakeIntercomFor(effectiveDocument, options);
}

/**
 * The same, serving the operation `manageConversation` where the given document puts it, so the
 * fake follows a spec that moves it (2.14 renames the path's parameter).
 *
 * @example
 * const fake = await startFakeIntercomFor(document, { admins: ['991267'] });
 */
export async function startFakeIntercomFor(
  document: Record<string, any>,
  options: FakeIntercomOptions = {},
): Promise<FakeIntercom> {
  const settings = fakeSettings(options);
  const nowSeconds = (): number => Math.floor(settings.now() / 1000);
  const store = new ConversationStore(nowSeconds);
  const admins = new Directory('admin');
  const teams = new Directory('team');
  // Seeds are checked before the server starts, so a bad one leaves no port open.
  for (const seed of options.admins ?? []) admins.seed(seed);
  for (const seed of options.teams ?? []) teams.seed(seed);
  for (const seed of options.conversations ?? []) store.add(seed);
  const route = operationRoute(document, 'manageConversation');
  let partId = 2_000_000_001;
  const { rateLimit } = settings;
  const state: HandlerState = {
    store,
    admins,
    teams,
    limiter: rateLimit && new RateLimiter(rateLimit.limit, rateLimit.windowSeconds, settings.now),
    validator: createSchemaValidator(document),
    route,
    variants: requestVariants(document, route.operation),
    versions: new Set(
      (document['components']['schemas']['intercom_version'] as { enum: string[] }).enum,
    ),
    assignment: settings.assignment,
    nowSeconds,
    nextPartId: () => String(partId++),
  };
  const closing = new AbortController();
  const log = new RequestLog(settings.recording);
  const context: ServeContext = {
    settings,
    state,
    log,
    faults: new FaultSchedule(),
    exchanges: new OpenExchanges(),
    closing: closing.signal,
  };

  const { timeouts, limits } = settings;
  const server = createServer({
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // Node checks its timeouts on this beat (30 s by default, which let a slow client linger).
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(timeouts.headersMs / 4))),
    maxHeaderSize: limits.maxHeaderBytes,
    // A request without Host is answered by the fake, as JSON, rather than by Node with no body.
    requireHostHeader: false,
  });
  server.maxConnections = limits.maxConnections;
  const serve =
    (expectation: Expectation) => (request: IncomingMessage, response: ServerResponse) => {
      serveRequest(request, response, context, expectation).catch(() => {
        // The client went away, a timeout ended the request, or close() cut a delay short.
        response.destroy();
      });
    };
  server.on('request', serve('none'));
  // Answered before the client sends its body, so a refused upload is never sent at all.
  server.on('checkContinue', serve('100-continue'));
  server.on('checkExpectation', serve('unknown'));
  server.on('clientError', (error, socket) => answerClientError(error, socket as Socket, context));
  server.on('connect', (_request, socket) => answerConnect(socket as Socket));
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, '127.0.0.1', () => {
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
    token: settings.token,
    conversations: store,
    admins,
    teams,
    requests: log.entries,
    get droppedRequests() {
      return log.dropped;
    },
    fault: (when, fault) => context.faults.add(when, fault),
    close,
    [Symbol.asyncDispose]: close,
  };
}
