import { describe, expect, it } from 'vitest';
import type { FakeIntercom, FakeIntercomOptions } from './fake-intercom.js';
import { startFakeIntercom } from './start-fake-intercom.js';
import { waitUntil } from './test-support/http.js';
import { RawConnection, rawManage, rawRequest } from './test-support/raw-http.js';
import { expectRawError } from './test-support/spec-assertions.js';

const ADMIN = '991267';
const open = JSON.stringify({ message_type: 'open', admin_id: ADMIN });
// Short, so that the timeouts strike within a test; nothing here measures them.
const timeouts = { headersMs: 200, requestMs: 400, keepAliveMs: 200 };

function start(options: FakeIntercomOptions = {}): Promise<FakeIntercom> {
  return startFakeIntercom({ admins: [ADMIN], timeouts, rateLimit: false, ...options });
}

function openRequest(fake: FakeIntercom, id: string): string {
  return rawManage(fake, id, open);
}

/** Writes one byte at a time, every `ms`, until the server ends the connection. */
async function drip(connection: RawConnection, text: string, ms: number): Promise<number> {
  let sent = 0;
  for (const character of text) {
    if (connection.isClosed || !(await connection.write(character))) break;
    sent += 1;
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
  return sent;
}

describe('slowloris', () => {
  it('a connection that sends nothing gets 408 and is closed', async () => {
    await using fake = await start();
    const connection = await RawConnection.open(fake.url);
    await connection.closed;
    expectRawError(await connection.nextResponse(), 408, 'request_timeout');
  });

  it('headers dripped a byte at a time, forever, get 408 and are cut off', async () => {
    await using fake = await start();
    const connection = await RawConnection.open(fake.url);
    // 20,000 bytes at 10 ms each would take minutes; the fake ends it long before.
    const endless = `POST /conversations/1/parts HTTP/1.1\r\nHost: x\r\n${'X-Slow: 1\r\n'.repeat(2000)}`;
    const sent = await drip(connection, endless, 10);
    await connection.closed;
    expect(sent).toBeLessThan(endless.length);
    const error = expectRawError(await connection.nextResponse(), 408, 'request_timeout');
    expect(error.errors[0]?.message).toContain('200 ms');
  });

  it('a body that stalls midway gets 408, recorded with its request, and nothing applied', async () => {
    await using fake = await start();
    const { id } = fake.conversations.add({ state: 'closed' });
    const connection = await RawConnection.open(fake.url);
    const request = openRequest(fake, id);
    await connection.write(request.slice(0, request.length - 5));
    await connection.closed;
    expectRawError(await connection.nextResponse(), 408, 'request_timeout');
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ status: 408, applied: false, bodyTruncated: true });
    expect(fake.conversations.get(id)?.state).toBe('closed');
  });

  it('a body dripped a byte at a time is cut off at the request timeout', async () => {
    await using fake = await start();
    const { id } = fake.conversations.add({ state: 'closed' });
    const connection = await RawConnection.open(fake.url);
    await connection.write(
      `POST /conversations/${id}/parts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${fake.token}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`,
    );
    const sent = await drip(connection, ' '.repeat(100_000), 10);
    await connection.closed;
    expect(sent).toBeLessThan(100_000);
    expectRawError(await connection.nextResponse(), 408, 'request_timeout');
    expect(fake.conversations.get(id)?.state).toBe('closed');
  });

  it('an idle keep-alive connection is closed quietly after an answer', async () => {
    await using fake = await start();
    const { id } = fake.conversations.add();
    const connection = await RawConnection.open(fake.url);
    await connection.write(openRequest(fake, id));
    expect((await connection.nextResponse()).status).toBe(200);
    await connection.closed;
    // No second answer to a request that never came.
    expect(connection.pending).toBe(0);
    expect(connection.unparsed()).toBe('');
  });

  it('a timeout in the rest of a body already refused is not answered twice', async () => {
    await using fake = await start();
    const connection = await RawConnection.open(fake.url);
    // No token: refused from the headers; the client then stalls in its (small) body.
    await connection.write(
      'POST /conversations/1/parts HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc',
    );
    expectRawError(await connection.nextResponse(), 401, 'unauthorized');
    await connection.closed;
    expect(connection.pending).toBe(0);
    expect(connection.unparsed()).toBe('');
  });
});

describe('pipelined requests', () => {
  it('200 requests in one write get 200 answers, in order', async () => {
    await using fake = await start({ timeouts: { headersMs: 5000, requestMs: 10_000 } });
    const ids = Array.from({ length: 200 }, () => fake.conversations.add({ state: 'closed' }).id);
    const connection = await RawConnection.open(fake.url);
    await connection.write(ids.map((id) => openRequest(fake, id)).join(''));
    const answered: string[] = [];
    for (let i = 0; i < ids.length; i += 1) {
      const response = await connection.nextResponse();
      expect(response.status).toBe(200);
      answered.push((response.json as { id: string }).id);
    }
    expect(answered).toEqual(ids);
    connection.destroy();
  });

  it('a client that pipelines without reading is held back, then answered in full', async () => {
    await using fake = await start({ timeouts: { headersMs: 5000, requestMs: 10_000 } });
    const { id } = fake.conversations.add();
    const flooder = await RawConnection.open(fake.url);
    flooder.pauseReading();
    // 5,000 requests whose 404s name their 4 KB path: some 20 MB of answers, more than the
    // system buffers between the two ends.
    const path = `/nowhere/${'x'.repeat(4000)}`;
    const request = rawRequest('POST', path, { Authorization: `Bearer ${fake.token}` }, '{}');
    const total = 5000;
    for (let i = 0; i < total / 500; i += 1) void flooder.write(request.repeat(500));
    const taken = (): number => fake.requests.length + fake.droppedRequests;
    await waitUntil(() => taken() > 0);
    // Wait until the fake stops taking requests in: Node pauses a socket whose answers back up.
    let last = -1;
    let steady = 0;
    while (steady < 25) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      steady = taken() === last ? steady + 1 : 0;
      last = taken();
    }
    expect(taken()).toBeLessThan(total);

    // Meanwhile it serves everyone else.
    const other = await RawConnection.open(fake.url);
    await other.write(openRequest(fake, id));
    expect((await other.nextResponse()).status).toBe(200);
    other.destroy();

    // Held back, not dropped: once read, every answer comes, in order.
    flooder.resumeReading();
    for (let i = 0; i < total; i += 1) {
      const response = await flooder.nextResponse();
      expect(response.status).toBe(404);
    }
    expect(taken()).toBe(total + 1);
    flooder.destroy();
  });
});

describe('connection floods', () => {
  it('past maxConnections, new connections are closed as they come; the held ones still work', async () => {
    await using fake = await start({
      limits: { maxConnections: 5 },
      timeouts: { headersMs: 5000, requestMs: 10_000, keepAliveMs: 5000 },
    });
    const { id } = fake.conversations.add();
    const held = await Promise.all(Array.from({ length: 5 }, () => RawConnection.open(fake.url)));
    // Each held connection has been taken in by the server before more arrive.
    for (const connection of held) {
      await connection.write(openRequest(fake, id));
      expect((await connection.nextResponse()).status).toBe(200);
    }
    const refused = await Promise.all(
      Array.from({ length: 20 }, () => RawConnection.open(fake.url)),
    );
    await Promise.all(refused.map((connection) => connection.closed));
    expect(refused.every((connection) => connection.pending === 0)).toBe(true);

    await held[0]!.write(openRequest(fake, id));
    expect((await held[0]!.nextResponse()).status).toBe(200);
    for (const connection of held) connection.destroy();
    await Promise.all(held.map((connection) => connection.closed));

    // With the held ones gone there is room again, once the fake has seen them close.
    let served = false;
    for (let attempt = 0; attempt < 100 && !served; attempt += 1) {
      const later = await RawConnection.open(fake.url);
      await later.write(openRequest(fake, id));
      served = await later.nextResponse().then(
        (response) => response.status === 200,
        () => false,
      );
      later.destroy();
    }
    expect(served).toBe(true);
  });

  it('close() resolves with hundreds of connections half-way through their requests', async () => {
    const fake = await start({ timeouts: { headersMs: 60_000, requestMs: 60_000 } });
    const { id } = fake.conversations.add();
    const connections = await Promise.all(
      Array.from({ length: 200 }, () => RawConnection.open(fake.url)),
    );
    const request = openRequest(fake, id);
    await Promise.all(
      connections.map((connection, index) =>
        connection.write(request.slice(0, (index * 7) % request.length)),
      ),
    );
    // A close() held up by any of them would fail this test on its timeout.
    await fake.close();
    await Promise.all(connections.map((connection) => connection.closed));
  });
});

describe('the timeouts option', () => {
  it.each([
    [{ headersMs: 0 }, /timeouts\.headersMs must be a whole number of 1 or more, not 0/],
    [{ requestMs: 100, headersMs: 200 }, /timeouts\.requestMs \(100\) must be at least/],
    [{ keepAliveMs: -5 }, /timeouts\.keepAliveMs must be a whole number/],
    [{ idleMs: 5 }, /timeouts\.idleMs is not an option; timeouts takes headersMs, requestMs/],
  ])('refuses %j, naming the option', async (value, message) => {
    await expect(
      startFakeIntercom({ timeouts: value as FakeIntercomOptions['timeouts'] & object }),
    ).rejects.toThrow(message);
  });
});
