import { describe, expect, it } from 'vitest';
import type { FakeIntercom, FakeIntercomOptions } from './fake-intercom.js';
import { startFakeIntercom } from './start-fake-intercom.js';
import { RawConnection, rawManage } from './test-support/raw-http.js';

const ADMIN = '991267';
const KB = 1024;

function start(options: FakeIntercomOptions = {}): Promise<FakeIntercom> {
  return startFakeIntercom({ admins: [ADMIN], rateLimit: false, ...options });
}

/** Sends the bodies one after another on one keep-alive connection; returns the statuses. */
async function sendAll(fake: FakeIntercom, id: string, bodies: string[]): Promise<number[]> {
  const connection = await RawConnection.open(fake.url);
  const statuses: number[] = [];
  for (const body of bodies) {
    await connection.write(rawManage(fake, id, body));
    statuses.push((await connection.nextResponse()).status);
  }
  connection.destroy();
  return statuses;
}

const openBody = (note = ''): string =>
  JSON.stringify({ message_type: 'open', admin_id: ADMIN, note });
const closeBody = (text: string): string =>
  JSON.stringify({ message_type: 'close', type: 'admin', admin_id: ADMIN, body: text });

describe('a refused request keeps an excerpt of its body', () => {
  it('200 refused bodies of 900 KB each keep 4 KiB apiece, not 180 MB', async () => {
    await using fake = await start();
    const { id } = fake.conversations.add();
    // Valid JSON the schema refuses (an unknown field value), so every one is read in full.
    const body = JSON.stringify({ message_type: 'nonsense', padding: 'p'.repeat(900 * KB) });
    const statuses = await sendAll(
      fake,
      id,
      Array.from({ length: 200 }, () => body),
    );

    expect(statuses.every((status) => status === 400)).toBe(true);
    expect(fake.requests).toHaveLength(200);
    for (const record of fake.requests) {
      expect(record.bodyBytes).toBe(Buffer.byteLength(body));
      expect(record.bodyTruncated).toBe(true);
      expect(record.rawBody).toBe(body.slice(0, 4 * KB));
      expect(record.body).toBeUndefined();
    }
  });

  it('keeps a small refused body whole, parsed', async () => {
    await using fake = await start();
    const body = JSON.stringify({ message_type: 'open' });
    await sendAll(fake, '999', [body]);
    expect(fake.requests[0]).toMatchObject({
      status: 400,
      rawBody: body,
      body: { message_type: 'open' },
      bodyTruncated: false,
    });
  });

  it('cuts at excerptBytes without splitting a character', async () => {
    await using fake = await start({ recording: { excerptBytes: 101 } });
    // Two-byte characters: 101 bytes would end half-way through the 51st.
    const body = JSON.stringify({ message_type: 'é'.repeat(500) });
    await sendAll(fake, '999', [body]);
    const [record] = fake.requests;
    expect(Buffer.byteLength(record!.rawBody)).toBeLessThanOrEqual(101);
    expect(record!.rawBody).not.toContain('\uFFFD');
    expect(body.startsWith(record!.rawBody)).toBe(true);
  });

  it('keeps no body at all with excerptBytes 0', async () => {
    await using fake = await start({ recording: { excerptBytes: 0 } });
    await sendAll(fake, '999', [openBody()]);
    expect(fake.requests[0]).toMatchObject({ status: 404, rawBody: '', bodyTruncated: true });
  });
});

describe('an applied request keeps its body whole', () => {
  it('text and parsed, within the bounds', async () => {
    await using fake = await start();
    const { id } = fake.conversations.add();
    const body = closeBody('x'.repeat(100 * KB));
    await sendAll(fake, id, [body]);
    expect(fake.requests[0]).toMatchObject({
      status: 200,
      applied: true,
      rawBody: body,
      body: JSON.parse(body),
      bodyBytes: body.length,
      bodyTruncated: false,
    });
  });

  it('as an excerpt when it alone is over maxBytes, still the newest kept', async () => {
    await using fake = await start({ recording: { maxBytes: 50 * KB } });
    const { id } = fake.conversations.add();
    await sendAll(fake, id, [closeBody('x'.repeat(100 * KB))]);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ status: 200, applied: true, bodyTruncated: true });
    expect(fake.requests[0]!.rawBody).toHaveLength(4 * KB);
  });
});

describe('the bounds', () => {
  it('maxRequests keeps the newest, in order, and counts those dropped', async () => {
    await using fake = await start({ recording: { maxRequests: 10 } });
    const { id } = fake.conversations.add();
    await sendAll(
      fake,
      id,
      Array.from({ length: 30 }, (_, index) => openBody(String(index))),
    );
    expect(fake.requests.map((record) => (record.body as { note: string }).note)).toEqual(
      Array.from({ length: 10 }, (_, index) => String(20 + index)),
    );
    expect(fake.droppedRequests).toBe(20);
  });

  it('maxBytes drops the oldest until what is kept fits', async () => {
    await using fake = await start({ recording: { maxBytes: 500 * KB } });
    const { id } = fake.conversations.add();
    const bodies = Array.from({ length: 20 }, (_, index) =>
      closeBody(`${index}:${'x'.repeat(100 * KB)}`),
    );
    await sendAll(fake, id, bodies);
    // Each body is kept as text and parsed: about 200 KB apiece, so two fit in 500 KB.
    expect(fake.requests.length).toBeGreaterThanOrEqual(1);
    expect(fake.requests.length).toBeLessThanOrEqual(3);
    expect(fake.requests.length + fake.droppedRequests).toBe(20);
    expect(fake.requests.at(-1)!.rawBody).toBe(bodies.at(-1));
    const kept = fake.requests.reduce((sum, record) => sum + record.rawBody.length * 2, 0);
    expect(kept).toBeLessThanOrEqual(500 * KB);
  });

  it('maxRequests 0 keeps nothing, and counts everything as dropped', async () => {
    await using fake = await start({ recording: { maxRequests: 0 } });
    const { id } = fake.conversations.add();
    expect(await sendAll(fake, id, [openBody(), openBody()])).toEqual([200, 200]);
    expect(fake.requests).toEqual([]);
    expect(fake.droppedRequests).toBe(2);
  });

  it('defaults to 1,000 requests', async () => {
    await using fake = await start();
    // Quick to answer: a conversation that does not exist.
    await sendAll(
      fake,
      '999',
      Array.from({ length: 1010 }, () => openBody()),
    );
    expect(fake.requests).toHaveLength(1000);
    expect(fake.droppedRequests).toBe(10);
  });

  it.each([
    [{ maxRequests: -1 }, /recording\.maxRequests must be a whole number of 0 or more, not -1/],
    [{ maxBytes: 1.5 }, /recording\.maxBytes must be a whole number of 0 or more, not 1\.5/],
    [{ excerptBytes: '4k' }, /recording\.excerptBytes must be a whole number of 0 or more/],
    [{ max: 1 }, /recording\.max is not an option; recording takes maxRequests, maxBytes/],
  ])('refuses %j, naming the option', async (recording, message) => {
    await expect(
      startFakeIntercom({ recording: recording as FakeIntercomOptions['recording'] & object }),
    ).rejects.toThrow(message);
  });
});
