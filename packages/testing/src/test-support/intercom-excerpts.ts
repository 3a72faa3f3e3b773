/*
 * Excerpts of Intercom's published OpenAPI descriptions (intercom/Intercom-OpenAPI, commit
 * 8889625a7b931d8649e18726e7f872ff073520fc, descriptions/2.12 and descriptions/2.14
 * /api.intercom.io.yaml), copied under Intercom's license:
 *
 * MIT License
 *
 * Copyright (c) 2022 Intercom, Inc.
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy
 * of this software and associated documentation files (the "Software"), to deal
 * in the Software without restriction, including without limitation the rights
 * to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 * copies of the Software, and to permit persons to whom the Software is
 * furnished to do so, subject to the following conditions:
 *
 * The above copyright notice and this permission notice shall be included in all
 * copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 * IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
 * FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
 * AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
 * LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 * OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
 * SOFTWARE.
 */

/**
 * 2.12, `paths./conversations/{id}/parts.post`: the request of the example "Assign a conversation"
 * and, from its 200 example of the same name, the fields an assignment decides.
 */
export const assignExample = {
  request: {
    message_type: 'assignment',
    type: 'admin',
    admin_id: 991266468,
    assignee_id: 991266468,
  },
  response: {
    snoozed_until: null,
    admin_assignee_id: 991266468,
    open: true,
    state: 'open',
    conversation_parts: {
      type: 'conversation_part.list',
      conversation_parts: [
        {
          type: 'conversation_part',
          part_type: 'assign_and_reopen',
          body: null,
          assigned_to: { type: 'admin', id: '991266468' },
          author: { id: '991266468', type: 'admin' },
        },
      ],
      total_count: 1,
    },
  },
} as const;

/** 2.14: the path item of `manageConversation`, down to its path parameter. */
export const manageConversationPath214 = {
  '/conversations/{conversation_id}/parts': {
    post: {
      summary: 'Manage a conversation',
      parameters: [
        {
          name: 'Intercom-Version',
          in: 'header',
          schema: { $ref: '#/components/schemas/intercom_version' },
        },
        {
          name: 'conversation_id',
          in: 'path',
          required: true,
          description: 'The identifier for the conversation as given by Intercom.',
          example: '123',
          schema: { type: 'string' },
        },
      ],
      tags: ['Conversations'],
      operationId: 'manageConversation',
    },
  },
} as const;
