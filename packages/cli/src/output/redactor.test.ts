import { describe, expect, it } from 'vitest';
import { redactor } from './redactor.js';

describe('redactor', () => {
  it('replaces every occurrence of every secret, read when redacting', () => {
    const secrets: Array<string | undefined> = ['tok_abc'];
    const redact = redactor(() => secrets);
    expect(redact('a tok_abc b tok_abctok_abc')).toBe('a [redacted] b [redacted][redacted]');
    secrets.push('other', undefined, '');
    expect(redact('other tok_abc')).toBe('[redacted] [redacted]');
  });

  it('leaves text without secrets, or with no secret set, as it is', () => {
    expect(redactor(() => [undefined, ''])('plain text')).toBe('plain text');
    expect(redactor(() => ['$&'])('a $& b')).toBe('a [redacted] b');
  });
});
