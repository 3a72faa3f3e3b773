/**
 * Turns a text into one without the secrets.
 *
 * @example
 * const redact: Redact = (text) => text.replaceAll(token, '[redacted]');
 */
export type Redact = (text: string) => string;

/**
 * Replaces every occurrence of the secrets in a text. The library never puts the access token in
 * an error, and this command never prints it; this is the last line of defence for text the
 * command does not write itself, such as a value a user pasted into the wrong argument.
 *
 * @example
 * const redact = redactor(() => [process.env.INTERCOM_TOKEN]);
 * redact(`unexpected argument ${value}`); // the token, if there, becomes [redacted]
 */
export function redactor(secrets: () => readonly (string | undefined)[]): Redact {
  return (text) => {
    let redacted = text;
    for (const secret of secrets()) {
      if (secret) redacted = redacted.split(secret).join('[redacted]');
    }
    return redacted;
  };
}
