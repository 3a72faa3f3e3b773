import { connect, type Socket } from 'node:net';

/** One HTTP/1.1 response as it came over the wire. */
export interface RawResponse {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  json: unknown;
}

/**
 * A client connection that writes bytes exactly as given, for what `fetch` will not send:
 * broken framing, oversized headers, bodies that stall, pipelined requests.
 *
 * @example
 * const connection = await RawConnection.open(fake.url);
 * connection.write('POST /conversations/1/parts HTTP/1.1\r\nHost: x\r\n\r\n');
 * const response = await connection.nextResponse();
 */
export class RawConnection {
  readonly #socket: Socket;
  #buffer = Buffer.alloc(0);
  readonly #responses: RawResponse[] = [];
  /** The statuses of interim (1xx) responses received, such as a 100 Continue. */
  readonly interim: number[] = [];
  #wake: (() => void) | undefined;
  #closed = false;
  /** Resolves once the server (or an error) has ended the connection. */
  readonly closed: Promise<void>;

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      this.#parse();
      this.#wake?.();
    });
    socket.on('error', () => {}); // A reset is an ending like any other; `closed` reports it.
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.#closed = true;
        this.#wake?.();
        resolve();
      }),
    );
  }

  /** Connects to the fake's `http://127.0.0.1:<port>`. */
  static open(url: string): Promise<RawConnection> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname);
      socket.once('connect', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  /** Sends one request on a fresh connection and returns its answer, closing the connection. */
  static async exchange(url: string, bytes: string): Promise<RawResponse> {
    const connection = await RawConnection.open(url);
    try {
      await connection.write(bytes);
      return await connection.nextResponse();
    } finally {
      connection.destroy();
    }
  }

  get isClosed(): boolean {
    return this.#closed;
  }

  /** Responses received in full and not yet taken. */
  get pending(): number {
    return this.#responses.length;
  }

  /** Writes bytes; resolves once they are handed to the system, `false` if the connection ended. */
  write(data: string | Buffer): Promise<boolean> {
    if (this.#closed || this.#socket.destroyed) return Promise.resolve(false);
    return new Promise((resolve) => {
      this.#socket.write(data, (error) => resolve(!error));
    });
  }

  /** The next complete response; rejects when the connection ends before one arrives. */
  async nextResponse(): Promise<RawResponse> {
    while (this.#responses.length === 0) {
      if (this.#closed) throw new Error(`The connection closed; unparsed: ${this.unparsed()}`);
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
    return this.#responses.shift()!;
  }

  /** Whatever arrived that is not a complete response, as text. */
  unparsed(): string {
    return this.#buffer.toString('latin1');
  }

  /** Stops reading, as a client that never reads its answers would. */
  pauseReading(): void {
    this.#socket.pause();
  }

  resumeReading(): void {
    this.#socket.resume();
  }

  destroy(): void {
    this.#socket.destroy();
  }

  #parse(): void {
    for (;;) {
      const end = this.#buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = this.#buffer.subarray(0, end).toString('latin1').split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head[0] ?? '')?.[1]);
      const headers: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0);
      if (this.#buffer.length < end + 4 + length) return;
      const body = this.#buffer.subarray(end + 4, end + 4 + length).toString('utf8');
      this.#buffer = this.#buffer.subarray(end + 4 + length);
      // An interim response is not the answer.
      if (status >= 100 && status < 200) {
        this.interim.push(status);
        continue;
      }
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      this.#responses.push({ status, headers, body, json });
    }
  }
}

/**
 * The bytes of a request to send raw: a request line, headers (Host added unless given) and an
 * optional body, with a `Content-Length` for it unless the headers give their own framing.
 *
 * @example
 * connection.write(rawRequest('POST', '/conversations/1/parts', { Authorization: 'Bearer t' }, '{}'));
 */
export function rawRequest(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): string {
  const lines = [`${method} ${path} HTTP/1.1`];
  const names = Object.keys(headers).map((name) => name.toLowerCase());
  if (!names.includes('host')) lines.push('Host: 127.0.0.1');
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  const framed = names.includes('content-length') || names.includes('transfer-encoding');
  if (body !== undefined && !framed) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body ?? ''}`;
}

/**
 * The bytes of an authorized `POST /conversations/{id}/parts` with a JSON body (an object is
 * serialized); `headers` add to or replace the defaults.
 *
 * @example
 * await connection.write(rawManage(fake, id, { message_type: 'open', admin_id: '1' }));
 */
export function rawManage(
  fake: { token: string },
  conversationId: string,
  body: string | object,
  headers: Record<string, string> = {},
): string {
  return rawRequest(
    'POST',
    `/conversations/${conversationId}/parts`,
    { Authorization: `Bearer ${fake.token}`, 'Content-Type': 'application/json', ...headers },
    typeof body === 'string' ? body : JSON.stringify(body),
  );
}
