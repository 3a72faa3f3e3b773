import { describe, expect, it } from 'vitest';
import { cutShort, plainTextExcerpt } from './bounded-text.js';

describe('plainTextExcerpt', () => {
  it('leaves out markup and collapses whitespace', () => {
    expect(plainTextExcerpt('<h1>502 Bad\r\n Gateway</h1>\n<hr>nginx', 120, 8192)).toBe(
      '502 Bad Gateway nginx',
    );
  });

  it.each([
    ['<', '<'.repeat(2_000_000)],
    ['<<<>', '<<<>'.repeat(500_000)],
    ['<a', '<a'.repeat(1_000_000)],
    ['[', '['.repeat(2_000_000)],
    ['whitespace', ' \r\n\t'.repeat(500_000)],
  ])('reads only the scan bound of 2 MB of %s: text placed after it never shows', (_, junk) => {
    const excerpt = plainTextExcerpt(`${junk}>FAR AWAY`, 120, 8192);
    expect(excerpt).not.toContain('FAR AWAY');
    expect(excerpt.length).toBeLessThanOrEqual(120);
    expect(excerpt).not.toMatch(/[<>]/);
  });

  it('shows text that is within the scan bound', () => {
    expect(plainTextExcerpt(`${'<'.repeat(8000)}>NEAR`, 120, 8192)).toBe('NEAR');
  });

  it('says when the text was cut, by length or by the scan bound', () => {
    expect(plainTextExcerpt('Upstream down. '.repeat(20), 40, 8192)).toBe(
      'Upstream down. Upstream down. Upstrea...',
    );
    expect(plainTextExcerpt(`${'<b>x</b>'.repeat(2000)}`, 120, 100)).toMatch(/^x( x)*\.\.\.$/);
  });
});

describe('cutShort', () => {
  it('keeps a short text and cuts a long one to the bound, marked', () => {
    expect(cutShort('short', 10)).toBe('short');
    expect(cutShort('a'.repeat(11), 10)).toBe('aaaaaaa...');
  });
});
