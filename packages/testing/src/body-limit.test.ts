import { afterEach, describe, expect, it } from 'vitest';
import type { FakeIntercom } from './fake-intercom.js';
import { startFakeIntercom } from './start-fake-intercom.js';
import { killFakeCommands, startFakeCommand } from './test-support/fake-command.js';
import { waitUntil } from './test-support/http.js';
import { RawConnection, rawManage, rawRequest } from './test-support/raw-http.js';
import { expectRawError } from './test-support/spec-assertions.js';

const ADMIN = '991267';
const LIMIT = 64 * 1024;
const MB = 1024 * 1024;

afterEach(killFakeCommands);

function start(): Promise<FakeIntercom> {
  return startFakeIntercom({ admins: [ADMIN], limits: { maxBodyBytes: LIMIT } });
}

function head(path: string, headers: Record<string, string>): string {
  const lines = [`POST ${path} HTTP/1.1`, 'Host: 127.0.0.1'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

function authorized(fake: Pick<FakeIntercom, 'token'>, extra: Record<string, string> = {}) {
  return { Authorization: `Bearer ${fake.token}`, 'Content-Type': 'application/json', ...extra };
}

/** A JSON close body padded to exactly `bytes`. */
function closeBodyOf(bytes: number): string {
  const base = JSON.stringify({ message_type: 'close', type: 'admin', admin_id: ADMIN, body: '' });
  return base.replace('"body":""', `"body":"${'x'.repeat(bytes - base.length)}"`);
}

/** Writes `total` bytes of body in 256 KiB pieces, stopping once the server ends the connection. */
async function writeUntilClosed(connection: RawConnection, total: number): Promise<number> {
  const piece = Buffer.alloc(256 * 1024, 0x61);
  let written = 0;
  while (written < total && !connection.isClosed) {
    if (!(await connection.write(piece))) break;
    written += piece.length;
  }
  return written;
}

describe('a body over the limit', () => {
  it('gets 413 from its Content-Length alone, and the connection closes with the body unsent', async () => {
    await using fake = await start();
    const { id } = fake.conversations.add();
    const connection = await RawConnection.open(fake.url);
    await connection.write(
      head(`/conversations/${id}/parts`, authorized(fake, { 'Content-Length': `${100 * MB}` })),
    );
    // Not a byte of the 100 MB is sent: the answer cannot have waited for it.
    expectRawError(await connection.nextResponse(), 413, 'content_too_large');
    await connection.closed;
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      status: 413,
      applied: false,
      bodyBytes: 0,
      bodyTruncated: true,
      rawBody: '',
    });
    expect(fake.conversations.get(id)?.state).toBe('open');
  });

  it('is not read on: a client that keeps sending is cut off far short of 100 MB', async () => {
    await using fake = await start();
    const connection = await RawConnection.open(fake.url);
    await connection.write(
      head('/conversations/1/parts', authorized(fake, { 'Content-Length': `${100 * MB}` })),
    );
    const written = await writeUntilClosed(connection, 100 * MB);
    await connection.closed;
    // What the system buffers between the two ends, not what the fake reads: a few MB at most.
    expect(written).toBeLessThan(40 * MB);
    expectRawError(await connection.nextResponse(), 413, 'content_too_large');
  });

  it('gets 413 once a chunked body runs past the limit, which says no length up front', async () => {
    await using fake = await start();
    const connection = await RawConnection.open(fake.url);
    await connection.write(
      head('/conversations/1/parts', authorized(fake, { 'Transfer-Encoding': 'chunked' })),
    );
    const chunk = `${(16 * 1024).toString(16)}\r\n${'a'.repeat(16 * 1024)}\r\n`;
    let sent = 0;
    // Bounded: 64 chunks are 16 times the limit.
    for (let i = 0; i < 64 && !connection.isClosed && connection.pending === 0; i += 1) {
      if (!(await connection.write(chunk))) break;
      sent += 16 * 1024;
    }
    expectRawError(await connection.nextResponse(), 413, 'content_too_large');
    await connection.closed;
    const [record] = fake.requests;
    expect(record).toMatchObject({ status: 413, applied: false, bodyTruncated: true });
    expect(record!.bodyBytes).toBeGreaterThan(LIMIT);
    // The fake stops at the chunk that crossed the limit.
    expect(record!.bodyBytes).toBeLessThanOrEqual(LIMIT + 16 * 1024 + 8);
    expect(sent).toBeGreaterThan(LIMIT);
  });

  it('gets its 413 every time, though the client sends the whole body at once', async () => {
    // Closing with the rest of the body unread would make the system reset the connection,
    // which can destroy the answer before the client reads it. The fake runs in a process of
    // its own here, as the command, so that its closing races the clients' sending for real.
    const run = startFakeCommand([
      '--admin',
      ADMIN,
      '--conversation',
      '1',
      '--rate-limit',
      '1000000',
      '--max-body-bytes',
      String(MB),
    ]);
    const fake = JSON.parse(await run.firstLine) as { url: string; token: string };
    const chunk = `${(256 * 1024).toString(16)}\r\n${'a'.repeat(256 * 1024)}\r\n`;
    const request =
      head('/conversations/1/parts', authorized(fake, { 'Transfer-Encoding': 'chunked' })) +
      chunk.repeat(9);
    const statuses: Array<number | 'lost'> = [];
    // Sixteen clients at once, each sending 2.25 times the limit with no end chunk, reading the
    // answer while the rest is still on its way.
    const client = async (): Promise<void> => {
      for (let attempt = 0; attempt < 40; attempt += 1) {
        const connection = await RawConnection.open(fake.url);
        void connection.write(request);
        statuses.push(
          await connection.nextResponse().then(
            (response) => response.status,
            () => 'lost' as const,
          ),
        );
        connection.destroy();
      }
    };
    await Promise.all(Array.from({ length: 16 }, client));
    expect(statuses.filter((status) => status !== 413)).toEqual([]);
  });

  it('is refused before a 100 Continue, so a client that waits sends nothing', async () => {
    await using fake = await start();
    const connection = await RawConnection.open(fake.url);
    await connection.write(
      head(
        '/conversations/1/parts',
        authorized(fake, { 'Content-Length': `${LIMIT + 1}`, Expect: '100-continue' }),
      ),
    );
    expectRawError(await connection.nextResponse(), 413, 'content_too_large');
    await connection.closed;
    expect(connection.interim).toEqual([]);
  });

  it('counts bytes, not characters: a limit of UTF-8 bytes refuses multi-byte text at the limit', async () => {
    await using fake = await start();
    const { id } = fake.conversations.add();
    const text = 'é'.repeat(LIMIT / 2); // LIMIT bytes of body text, plus the JSON around it
    const body = JSON.stringify({
      message_type: 'close',
      type: 'admin',
      admin_id: ADMIN,
      body: text,
    });
    const connection = await RawConnection.open(fake.url);
    await connection.write(rawManage(fake, id, body));
    expectRawError(await connection.nextResponse(), 413, 'content_too_large');
    connection.destroy();
  });
});

describe('a body within the limit', () => {
  it('is asked for with a 100 Continue when the client waits for one, then applied', async () => {
    await using fake = await start();
    const { id } = fake.conversations.add();
    const body = JSON.stringify({ message_type: 'close', type: 'admin', admin_id: ADMIN });
    const connection = await RawConnection.open(fake.url);
    await connection.write(
      head(
        `/conversations/${id}/parts`,
        authorized(fake, { 'Content-Length': `${body.length}`, Expect: '100-continue' }),
      ),
    );
    // The fake sends the 100 before it reads anything.
    await waitUntil(() => connection.interim.length > 0);
    expect(connection.interim).toEqual([100]);
    await connection.write(body);
    expect((await connection.nextResponse()).status).toBe(200);
    expect(fake.conversations.get(id)?.state).toBe('closed');
    connection.destroy();
  });

  it('is applied at exactly the limit, and the connection stays open for the next request', async () => {
    await using fake = await start();
    const { id } = fake.conversations.add();
    const connection = await RawConnection.open(fake.url);
    const body = closeBodyOf(LIMIT);
    expect(Buffer.byteLength(body)).toBe(LIMIT);
    await connection.write(rawManage(fake, id, body));
    const response = await connection.nextResponse();
    expect(response.status, response.body).toBe(200);
    expect(fake.requests[0]).toMatchObject({ bodyBytes: LIMIT, bodyTruncated: false });
    expect(fake.requests[0]!.rawBody).toBe(body);

    const open = JSON.stringify({ message_type: 'open', admin_id: ADMIN });
    await connection.write(rawManage(fake, id, open));
    expect((await connection.nextResponse()).status).toBe(200);
    expect(connection.isClosed).toBe(false);
    connection.destroy();
  });
});

describe('authentication comes first', () => {
  it('answers 401 to a 100 MB upload without a token from its headers, and closes', async () => {
    await using fake = await start();
    const connection = await RawConnection.open(fake.url);
    await connection.write(
      head('/conversations/1/parts', {
        'Content-Type': 'application/json',
        'Content-Length': `${100 * MB}`,
      }),
    );
    expectRawError(await connection.nextResponse(), 401, 'unauthorized');
    const written = await writeUntilClosed(connection, 100 * MB);
    await connection.closed;
    expect(written).toBeLessThan(40 * MB);
    expect(fake.requests[0]).toMatchObject({ status: 401, authorized: false, bodyBytes: 0 });
  });

  it('answers 401 to a wrong token before a chunked body, and closes', async () => {
    await using fake = await start();
    const connection = await RawConnection.open(fake.url);
    await connection.write(
      head('/conversations/1/parts', {
        Authorization: 'Bearer not-the-token',
        'Transfer-Encoding': 'chunked',
      }),
    );
    expectRawError(await connection.nextResponse(), 401, 'unauthorized');
    await connection.closed;
  });

  it('keeps the connection after a 401 to a small body, which it discards unread', async () => {
    await using fake = await start();
    const { id } = fake.conversations.add();
    const connection = await RawConnection.open(fake.url);
    const open = JSON.stringify({ message_type: 'open', admin_id: ADMIN });
    await connection.write(rawRequest('POST', `/conversations/${id}/parts`, {}, open));
    expectRawError(await connection.nextResponse(), 401, 'unauthorized');
    expect(fake.requests[0]).toMatchObject({ bodyBytes: 0, bodyTruncated: true, rawBody: '' });

    await connection.write(rawManage(fake, id, open));
    expect((await connection.nextResponse()).status).toBe(200);
    connection.destroy();
  });
});

describe('the limit option', () => {
  it('defaults to 2 MiB', async () => {
    await using fake = await startFakeIntercom({ admins: [ADMIN] });
    const { id } = fake.conversations.add();
    const connection = await RawConnection.open(fake.url);
    const at = closeBodyOf(2 * MB);
    await connection.write(rawManage(fake, id, at));
    expect((await connection.nextResponse()).status).toBe(200);
    await connection.write(
      head(`/conversations/${id}/parts`, authorized(fake, { 'Content-Length': `${2 * MB + 1}` })),
    );
    expectRawError(await connection.nextResponse(), 413, 'content_too_large');
    connection.destroy();
  });

  it.each([0, -1, 1.5, Number.NaN, '1000'])('refuses maxBodyBytes %j, naming it', async (value) => {
    await expect(startFakeIntercom({ limits: { maxBodyBytes: value as number } })).rejects.toThrow(
      /limits\.maxBodyBytes must be a whole number of 1 or more/,
    );
  });
});
