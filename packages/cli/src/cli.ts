import { readFileSync } from 'node:fs';
import { main } from './main.js';
import { processOutput } from './output/output.js';
import { redactor } from './output/redactor.js';

// The variable --token-env names holds a secret too, whatever it is called.
const tokenEnv = process.argv.reduce<string | undefined>(
  (found, arg, index, all) =>
    arg.startsWith('--token-env=')
      ? arg.slice('--token-env='.length)
      : all[index - 1] === '--token-env'
        ? arg
        : found,
  undefined,
);
const redact = redactor(() => [
  process.env['INTERCOM_TOKEN'],
  tokenEnv === undefined ? undefined : process.env[tokenEnv],
]);

// Read where it is installed (dist/cli.js beside package.json), rather than bundled whole.
const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };

const code = await main(process.argv.slice(2), {
  output: processOutput(redact),
  env: process.env,
  redact,
  version,
});
// Exit once stdout and stderr are flushed, without waiting for idle keep-alive sockets.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
await new Promise<void>((resolve) => process.stderr.write('', () => resolve()));
process.exit(code);
