// The same five actions as conversations.ts, with raw openapi-fetch calls typed by our `paths`.
import type { paths } from '@conversation-kit/types';
import createClient from 'openapi-fetch';

const client = createClient<paths>({
  baseUrl: 'https://eu.intercom.io',
  headers: { Authorization: 'Bearer token', 'Intercom-Version': '2.12' },
});

// The operation's one path template and its parameter's name, as the types of the API version
// name them; declared, not imported, so that nothing but the types is checked (the file never runs).
type ManagePath = keyof paths;
declare const path: ManagePath;
declare const parameter: keyof paths[ManagePath]['post']['parameters']['path'];

export async function manageAll(id: string, adminId: string) {
  const params = { path: { [parameter]: id } };
  const closed = await client.POST(path, {
    params,
    body: { message_type: 'close', type: 'admin', admin_id: adminId, body: 'Solved!' },
  });
  const snoozed = await client.POST(path, {
    params,
    body: { message_type: 'snoozed', admin_id: adminId, snoozed_until: 1893456000 },
  });
  const opened = await client.POST(path, {
    params,
    body: { message_type: 'open', admin_id: adminId },
  });
  const assigned = await client.POST(path, {
    params,
    body: { message_type: 'assignment', type: 'team', admin_id: adminId, assignee_id: '5017691' },
  });
  const unassigned = await client.POST(path, {
    params,
    body: { message_type: 'assignment', type: 'admin', admin_id: adminId, assignee_id: '0' },
  });
  return [
    closed.data?.state,
    snoozed.data?.snoozed_until,
    opened.data?.open,
    assigned.data?.team_assignee_id,
    unassigned.data?.admin_assignee_id,
  ];
}
