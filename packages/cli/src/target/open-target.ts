import {
  createConversations,
  ValidationError,
  type Conversations,
} from '@conversation-kit/conversations';
import { UsageError } from '../errors/usage-error.js';
import type { ActionLine } from '../input/input-line.js';
import { fakeSeeds } from './fake-seeds.js';
import { describeTarget, type TargetChoice } from './target-choice.js';

/**
 * A client ready to send, and what to say about where it sends.
 *
 * @example
 * const target = await openTarget(choice, lines, process.env, recorder.fetch);
 * await target.conversations.manageMany(items);
 * await target.close();
 */
export interface Target {
  conversations: Conversations;
  /** Where it sends, for people: "https://api.eu.intercom.io", "a local fake of Intercom at …". */
  description: string;
  close(): Promise<void>;
}

/**
 * The access token from the environment variable the choice names. Throws `UsageError` naming
 * the variable (never its value) when it is unset or empty.
 *
 * @example
 * const token = tokenFrom(process.env, 'INTERCOM_TOKEN');
 */
export function tokenFrom(env: NodeJS.ProcessEnv, variable: string): string {
  const token = env[variable];
  if (token === undefined || token === '') {
    throw new UsageError(
      `${variable} is not set: export your Intercom access token as ${variable}${variable === 'INTERCOM_TOKEN' ? ', or name the variable that holds it with --token-env' : ''}. The token is read from the environment only, never from a flag, so that it stays out of shell history`,
    );
  }
  return token;
}

/**
 * Creates the client for the target: Intercom with the token from the environment, or a fake
 * started here and seeded with the lines' conversations, admins and teams. Throws `UsageError`
 * for a token, region or base URL the client refuses.
 *
 * @example
 * const target = await openTarget({ kind: 'fake' }, lines, process.env, fetch);
 */
export async function openTarget(
  choice: TargetChoice,
  lines: readonly ActionLine[],
  env: NodeJS.ProcessEnv,
  fetch: (request: Request) => Promise<Response>,
): Promise<Target> {
  if (choice.kind === 'fake') {
    // Loaded only for a rehearsal: the fake and its spec validator cost a real run's start time.
    const { startFakeIntercom } = await import('@conversation-kit/testing');
    const fake = await startFakeIntercom(fakeSeeds(lines));
    return {
      conversations: createConversations({ token: fake.token, baseUrl: fake.url, fetch }),
      description: `a local fake of Intercom at ${fake.url}`,
      close: () => fake.close(),
    };
  }
  const token = tokenFrom(env, choice.tokenEnv);
  let conversations: Conversations;
  try {
    conversations = createConversations({
      token,
      fetch,
      ...(choice.baseUrl === undefined
        ? { region: choice.region ?? 'us' }
        : { baseUrl: choice.baseUrl }),
    });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw new UsageError((error as Error).message);
    // The client names its options; the user gave them as these.
    const given: Record<string, string> = {
      token: choice.tokenEnv,
      baseUrl: '--base-url',
      region: '--region',
    };
    throw new UsageError(
      `${given[error.field] ?? error.field} ${error.problem}; expected ${error.expected}`,
    );
  }
  return {
    conversations,
    description: describeTarget(choice),
    close: async () => {},
  };
}
