// (a) A browser app closing a conversation with fetch alone: the floor every client adds to.
const response = await fetch('https://api.intercom.io/conversations/123/parts', {
  method: 'POST',
  headers: {
    Authorization: 'Bearer token',
    'Intercom-Version': '2.12',
    Accept: 'application/json',
    'Content-Type': 'application/json',
  },
  body: JSON.stringify({ message_type: 'close', type: 'admin', admin_id: '991267' }),
});
if (!response.ok) throw new Error(`HTTP ${response.status}`);
console.log(((await response.json()) as { state: string }).state);
