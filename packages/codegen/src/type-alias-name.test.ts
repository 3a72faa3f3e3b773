import { describe, expect, it } from 'vitest';
import { pascalCase, typeAliasName } from './type-alias-name.js';

describe('type alias names', () => {
  it('turns snake_case and camelCase schema names into PascalCase', () => {
    expect(typeAliasName('conversation_part')).toBe('ConversationPart');
    expect(typeAliasName('close_conversation_request')).toBe('CloseConversationRequest');
    expect(pascalCase('manageConversation')).toBe('ManageConversation');
    expect(pascalCase('linked-object.list')).toBe('LinkedObjectList');
  });

  it('prefixes names that would shadow a global type', () => {
    expect(typeAliasName('error')).toBe('IntercomError');
    expect(typeAliasName('response')).toBe('IntercomResponse');
    expect(typeAliasName('document')).toBe('IntercomDocument');
    expect(typeAliasName('conversation')).toBe('Conversation');
    expect(typeAliasName('tag')).toBe('Tag');
  });
});
