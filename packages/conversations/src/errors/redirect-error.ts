import { ConversationsError } from './conversations-error.js';

/**
 * The server answered with a redirect (3xx), which is never followed: following it would turn
 * the POST into a GET, or send the body, message included, to another origin. Nothing more was
 * sent. `mayHaveBeenApplied` is true: whatever answered received the request, and a proxy may
 * have passed it on. `targetOrigin` is the redirect's origin only, never its path or query.
 *
 * @example
 * catch (error) {
 *   if (error instanceof RedirectError) console.error(`check baseUrl: ${error.status} to ${error.targetOrigin}`);
 * }
 */
export class RedirectError extends ConversationsError {
  override name = 'RedirectError';
  /** The redirect's status, or 0 where the runtime hides it (an opaque redirect in a browser). */
  readonly status: number;
  /** The origin the redirect pointed to, if the runtime shows it and it is a valid URL. */
  readonly targetOrigin: string | undefined;

  constructor(status: number, targetOrigin: string | undefined) {
    super(
      `The server answered ${status === 0 ? 'with a redirect' : status}${targetOrigin ? ` to ${targetOrigin}` : ''}, which is never followed; nothing more was sent. Check baseUrl. The action may have been applied.`,
      { mayHaveBeenApplied: true },
    );
    this.status = status;
    this.targetOrigin = targetOrigin;
  }
}
