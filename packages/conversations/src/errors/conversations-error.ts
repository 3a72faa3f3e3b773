/**
 * The base of every error this package throws, so one `instanceof` catches them all.
 *
 * @example
 * try {
 *   await conversations.close(id, { adminId });
 * } catch (error) {
 *   if (error instanceof ConversationsError) console.error(error.message);
 * }
 */
export class ConversationsError extends Error {
  // A literal in every class, never the constructor's name, which a minifier renames.
  override name: string = 'ConversationsError';
  /** Whether the action may have taken effect although this error was thrown. */
  readonly mayHaveBeenApplied: boolean;

  constructor(message: string, options: { mayHaveBeenApplied?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.mayHaveBeenApplied = options.mayHaveBeenApplied ?? false;
  }

  /** A plain object for logs: the name, the message and this error's own fields. */
  toJSON(): Record<string, unknown> {
    const fields: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key !== 'cause') fields[key] = value;
    }
    return fields;
  }
}
