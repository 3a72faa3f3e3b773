import { parseArgs } from 'node:util';
import { startFakeIntercom } from '@conversation-kit/testing';
import {
  createConversations,
  type Conversation,
  type Conversations,
} from '@conversation-kit/conversations';

// Walks one conversation through close → open → snooze → assign to a team → unassign, printing
// the state after each step. Against the fake by default; against Intercom only when asked to,
// with a token, ids and an explicit confirmation.

const USAGE = `Usage: pnpm demo [--real --conversation ID --admin ID --team ID [--region us|eu|au] --yes-modify-real-conversation]

Without flags, runs against a local fake of Intercom. With --real, INTERCOM_TOKEN set, the ids of a
conversation, an admin and a team, and --yes-modify-real-conversation, runs against the real API:
the conversation is closed, reopened, snoozed for an hour, assigned to the team and unassigned.`;

// pnpm passes a `--` separator through to the script; it is not an argument.
const args = process.argv.slice(2).filter((arg, index) => !(index === 0 && arg === '--'));
const options = {
  real: { type: 'boolean', default: false },
  conversation: { type: 'string' },
  admin: { type: 'string' },
  team: { type: 'string' },
  region: { type: 'string', default: 'us' },
  'yes-modify-real-conversation': { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;
let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof options }>>['values'];
try {
  ({ values } = parseArgs({ args, options }));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

interface Target {
  conversations: Conversations;
  conversationId: string;
  adminId: string;
  teamId: string;
  where: string;
  stop: () => Promise<void>;
}

async function realTarget(): Promise<Target> {
  const token = process.env['INTERCOM_TOKEN'];
  const { conversation, admin, team, region } = values;
  if (!token || !conversation || !admin || !team || !values['yes-modify-real-conversation']) {
    console.error(
      '--real needs INTERCOM_TOKEN, --conversation, --admin, --team and --yes-modify-real-conversation\n',
    );
    console.error(USAGE);
    process.exit(2);
  }
  if (region !== 'us' && region !== 'eu' && region !== 'au') {
    console.error(`--region must be us, eu or au, not ${region}`);
    process.exit(2);
  }
  return {
    conversations: createConversations({ token, region }),
    conversationId: conversation,
    adminId: admin,
    teamId: team,
    where: `Intercom (${region})`,
    stop: async () => {},
  };
}

async function fakeTarget(): Promise<Target> {
  const fake = await startFakeIntercom();
  fake.admins.add('991267', { name: 'Ciaran Lee', email: 'ciaran@example.com' });
  fake.teams.add('5017691', { name: 'Support' });
  const { id } = fake.conversations.add({ state: 'open', title: 'Where is my order?' });
  return {
    conversations: createConversations({ token: fake.token, baseUrl: fake.url }),
    conversationId: id,
    adminId: '991267',
    teamId: '5017691',
    where: `the local fake at ${fake.url}`,
    stop: () => fake.close(),
  };
}

function row(step: string, conversation: Conversation): Record<string, string | number> {
  return {
    step,
    state: conversation.state,
    open: String(conversation.open),
    snoozed_until:
      conversation.snoozed_until === null
        ? '-'
        : new Date(conversation.snoozed_until * 1000).toISOString(),
    admin_assignee_id: conversation.admin_assignee_id ?? '-',
    team_assignee_id: conversation.team_assignee_id ?? '-',
    parts: conversation.conversation_parts?.total_count ?? 0,
  };
}

const target = values.real ? await realTarget() : await fakeTarget();
const { conversations, conversationId: id, adminId, teamId } = target;
console.log(`Conversation ${id} on ${target.where}\n`);
try {
  const steps: Array<[string, () => Promise<Conversation>]> = [
    [
      'close',
      () => conversations.close(id, { adminId, message: 'Closed by the conversation-kit demo.' }),
    ],
    ['open', () => conversations.open(id, { adminId })],
    [
      'snooze 1 h',
      () => conversations.snooze(id, { adminId, until: new Date(Date.now() + 3_600_000) }),
    ],
    [
      'assign team',
      () => conversations.assign(id, { adminId, assignee: { type: 'team', id: teamId } }),
    ],
    ['unassign team', () => conversations.unassign(id, { adminId, from: 'team' })],
  ];
  const rows = [];
  for (const [step, perform] of steps) {
    const conversation = await perform();
    console.log(`✓ ${step}: ${conversation.state}`);
    rows.push(row(step, conversation));
  }
  console.log();
  console.table(rows);
  const { rateLimit } = conversations;
  if (rateLimit)
    console.log(
      `Rate limit: ${rateLimit.remaining} of ${rateLimit.limit} left until ${rateLimit.resetAt.toISOString()}`,
    );
} catch (error) {
  console.error(`The demo stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await target.stop();
}
