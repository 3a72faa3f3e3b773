/**
 * The `fetch` the client sends with, which calls a line's hook (that writes and flushes its
 * `sending` record) just before each request of that line leaves, retries included.
 *
 * `manageMany` says when a line finishes but not when its request is sent, so the request itself
 * names the line: its path holds the conversation id, and within a round each conversation has
 * one line. A request for no line of the round is refused before anything is sent.
 *
 * @example
 * const recorder = new SendingRecorder();
 * const conversations = createConversations({ token, fetch: recorder.fetch });
 * recorder.route(new Map([['123', () => journal.append({ line: 7, state: 'sending', at })]]));
 */
export class SendingRecorder {
  #hooks: ReadonlyMap<string, () => void> = new Map();

  constructor(private readonly send: (request: Request) => Promise<Response> = fetch) {}

  /** The hooks of the round about to run, by conversation id. */
  route(hooks: ReadonlyMap<string, () => void>): void {
    this.#hooks = hooks;
  }

  readonly fetch = async (request: Request): Promise<Response> => {
    const match = /\/conversations\/([^/]+)\/parts$/.exec(new URL(request.url).pathname);
    const hook = match ? this.#hooks.get(decodeURIComponent(match[1]!)) : undefined;
    if (hook === undefined) {
      throw new Error(`No line of this run is about ${new URL(request.url).pathname}`);
    }
    hook();
    return this.send(request);
  };
}
