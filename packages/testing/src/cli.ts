import { parseArgs } from 'node:util';
import { startFakeIntercom } from './start-fake-intercom.js';

const USAGE = `Usage: conversation-kit-fake [--port N] [--token T] [--admin ID]... [--team ID]...
                             [--conversation ID]... [--rate-limit N]

Runs a fake of Intercom's POST /conversations/{id}/parts (API 2.12) on 127.0.0.1 until stopped,
and prints its URL and token as JSON on the first line of output.

  --port           the port to listen on (default: any free port)
  --token          the bearer token to accept (default: a random one)
  --admin          an admin id that exists (repeatable)
  --team           a team id that exists (repeatable)
  --conversation   an open conversation to seed, by id (repeatable)
  --rate-limit     requests allowed per 10-second window (default 1666)`;

try {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      token: { type: 'string' },
      admin: { type: 'string', multiple: true, default: [] },
      team: { type: 'string', multiple: true, default: [] },
      conversation: { type: 'string', multiple: true, default: [] },
      'rate-limit': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const fake = await startFakeIntercom({
    port: Number(values.port),
    ...(values.token === undefined ? {} : { token: values.token }),
    ...(values['rate-limit'] === undefined
      ? {}
      : { rateLimit: { limit: Number(values['rate-limit']) } }),
  });
  for (const id of values.admin) fake.admins.add(id);
  for (const id of values.team) fake.teams.add(id);
  for (const id of values.conversation) fake.conversations.add({ id });
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
