import type { RecordedRequest } from './fake-intercom.js';
import type { FakeSettings } from './fake-settings.js';

// What a record costs beyond its headers and body: its fields and their names.
const RECORD_OVERHEAD_BYTES = 256;

/**
 * The requests the fake keeps for `fake.requests`, within bounds: at most `maxRequests` of them
 * and `maxBytes` of headers and bodies, dropping the oldest first. A request that changed nothing
 * keeps an excerpt of its body, so that refused uploads cannot fill the memory.
 *
 * @example
 * const log = new RequestLog({ maxRequests: 100, maxBytes: 1_000_000, excerptBytes: 1024 });
 * log.add(record);
 * log.settle(record); // once answered
 */
export class RequestLog {
  readonly entries: RecordedRequest[] = [];
  #dropped = 0;
  #bytes = 0;
  readonly #sizes = new Map<RecordedRequest, number>();

  constructor(private readonly limits: FakeSettings['recording']) {}

  /** How many requests were dropped to stay within the bounds. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Keeps a request the fake has taken in. */
  add(record: RecordedRequest): void {
    if (this.#sizes.has(record)) return;
    this.entries.push(record);
    this.#sizes.set(record, 0);
    this.#measure(record);
  }

  /** Gives a kept request its body, as read. */
  attachBody(record: RecordedRequest, text: string, bytes: number): void {
    record.rawBody = text;
    record.bodyBytes = bytes;
    try {
      record.body = text === '' ? undefined : JSON.parse(text);
    } catch {
      record.body = undefined;
    }
    this.#measure(record);
  }

  /** Once a request is answered: one that changed nothing keeps only an excerpt of its body. */
  settle(record: RecordedRequest): void {
    if (!record.applied) this.#cut(record);
    this.#measure(record);
  }

  /** Cuts the body to an excerpt; whether there was anything to cut. */
  #cut(record: RecordedRequest): boolean {
    const raw = Buffer.from(record.rawBody);
    if (raw.length <= this.limits.excerptBytes) return false;
    // A streaming decode holds back a character cut in half, rather than mangling it.
    record.rawBody = new TextDecoder().decode(raw.subarray(0, this.limits.excerptBytes), {
      stream: true,
    });
    record.body = undefined;
    record.bodyTruncated = true;
    return true;
  }

  #measure(record: RecordedRequest): void {
    const before = this.#sizes.get(record);
    if (before === undefined) return; // dropped already
    const size = sizeOf(record);
    this.#sizes.set(record, size);
    this.#bytes += size - before;
    this.#trim();
  }

  #trim(): void {
    const { maxRequests, maxBytes } = this.limits;
    while (
      this.entries.length > maxRequests ||
      (this.#bytes > maxBytes && this.entries.length > 1)
    ) {
      const oldest = this.entries.shift()!;
      this.#bytes -= this.#sizes.get(oldest)!;
      this.#sizes.delete(oldest);
      this.#dropped += 1;
    }
    const [only] = this.entries;
    // One request too big to keep whole keeps an excerpt instead.
    if (only && this.#bytes > maxBytes && this.#cut(only)) this.#measure(only);
  }
}

function sizeOf(record: RecordedRequest): number {
  let headerBytes = 0;
  for (const [name, value] of Object.entries(record.headers)) {
    headerBytes += name.length + Buffer.byteLength(value);
  }
  // A parsed body costs about as much again as its text.
  const bodyBytes = Buffer.byteLength(record.rawBody) * (record.body === undefined ? 1 : 2);
  return RECORD_OVERHEAD_BYTES + headerBytes + bodyBytes;
}
