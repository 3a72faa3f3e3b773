import { parseArgs } from 'node:util';
import type { FakeIntercomOptions } from './fake-intercom.js';
import { startFakeIntercom } from './start-fake-intercom.js';

const USAGE = `Usage: conversation-kit-fake [--port N] [--token T] [--admin ID]... [--team ID]...
                             [--conversation ID]... [--rate-limit N] [--max-body-bytes N]
                             [--max-connections N] [--headers-timeout-ms N]
                             [--request-timeout-ms N] [--assign-keeps-closed]
                             [--assign-keeps-snoozed]

Runs a fake of Intercom's POST /conversations/{id}/parts (API 2.12) on 127.0.0.1 until stopped,
and prints its URL and token as JSON on the first line of output.

  --port                  the port to listen on (default: any free port)
  --token                 the bearer token to accept (default: a random one)
  --admin                 an admin id that exists (repeatable)
  --team                  a team id that exists (repeatable)
  --conversation          an open conversation to seed, by id (repeatable)
  --rate-limit            requests allowed per 10-second window (default 1666)
  --max-body-bytes        the largest request body; larger ones get 413 (default 2 MiB)
  --max-connections       connections held at once; more are closed (default 256)
  --headers-timeout-ms    time a client has to send its headers (default 5000)
  --request-timeout-ms    time a client has to send a whole request (default 15000)
  --assign-keeps-closed   assigning a closed conversation leaves it closed
  --assign-keeps-snoozed  assigning a snoozed conversation leaves it snoozed`;

/** A flag's digits as a number; anything else is refused, naming the flag. */
function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new TypeError(`--${flag} must be a whole number, not "${value}"`);
  return Number(value);
}

function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

try {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      token: { type: 'string' },
      admin: { type: 'string', multiple: true, default: [] },
      team: { type: 'string', multiple: true, default: [] },
      conversation: { type: 'string', multiple: true, default: [] },
      'rate-limit': { type: 'string' },
      'max-body-bytes': { type: 'string' },
      'max-connections': { type: 'string' },
      'headers-timeout-ms': { type: 'string' },
      'request-timeout-ms': { type: 'string' },
      'assign-keeps-closed': { type: 'boolean', default: false },
      'assign-keeps-snoozed': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const options: FakeIntercomOptions = {
    port: Number(values.port),
    // As seeds, so a bad id is refused before the port is opened.
    admins: values.admin,
    teams: values.team,
    conversations: values.conversation.map((id) => ({ id })),
    ...(values.token === undefined ? {} : { token: values.token }),
    ...(values['rate-limit'] === undefined
      ? {}
      : { rateLimit: { limit: Number(values['rate-limit']) } }),
    assignment: {
      reopensClosed: !values['assign-keeps-closed'],
      wakesSnoozed: !values['assign-keeps-snoozed'],
    },
    limits: defined({
      maxBodyBytes: wholeNumber('max-body-bytes', values['max-body-bytes']),
      maxConnections: wholeNumber('max-connections', values['max-connections']),
    }),
    timeouts: defined({
      headersMs: wholeNumber('headers-timeout-ms', values['headers-timeout-ms']),
      requestMs: wholeNumber('request-timeout-ms', values['request-timeout-ms']),
    }),
  };
  const fake = await startFakeIntercom(options);
  console.log(JSON.stringify({ url: fake.url, token: fake.token }));

  const stop = (): void => {
    void fake.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(USAGE);
  process.exit(2);
}
