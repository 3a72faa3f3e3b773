// A consumer performing the five actions with @conversation-kit/conversations.
import { createConversations } from '@conversation-kit/conversations';

const conversations = createConversations({ token: 'token', region: 'eu' });

export async function manageAll(id: string, adminId: string) {
  const closed = await conversations.close(id, { adminId, message: 'Solved!' });
  const snoozed = await conversations.snooze(id, { adminId, until: new Date(2030, 0, 1) });
  const opened = await conversations.open(id, { adminId });
  const assigned = await conversations.assign(id, {
    adminId,
    assignee: { type: 'team', id: 5017691 },
  });
  const unassigned = await conversations.unassign(id, { adminId, from: 'admin' });
  return [
    closed.state,
    snoozed.snoozed_until,
    opened.open,
    assigned.team_assignee_id,
    unassigned.admin_assignee_id,
  ];
}
