import { describe, expect, it } from 'vitest';
import { cutShort, jsonExcerpt, plainTextExcerpt } from './bounded-text.js';

/** A string whose character reads are counted: the work a pass makes over it. */
function countedText(text: string): { text: string; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(new String(text), {
    get(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { text: proxy as unknown as string, reads: () => reads };
}

/** An array as deep and as long as one asks, built as it is read; its reads are counted. */
function endlessArray(): { value: unknown; reads: () => number } {
  let reads = 0;
  const make = (): unknown =>
    new Proxy([], {
      get(target, key) {
        if (key === 'length') return 1e9;
        if (typeof key === 'string' && /^\d+$/.test(key)) {
          reads += 1;
          return make();
        }
        return Reflect.get(target, key) as unknown;
      },
    });
  return { value: make(), reads: () => reads };
}

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
    ['text', 'word '.repeat(400_000)],
    ['[', '['.repeat(2_000_000)],
  ])('reads at most the scan bound of 2 MB of %s', (_, body) => {
    const { text, reads } = countedText(body);
    const excerpt = plainTextExcerpt(text, 120, 8192);
    expect(reads()).toBeLessThanOrEqual(8192);
    expect(excerpt.length).toBeLessThanOrEqual(120);
    expect(excerpt).not.toMatch(/[<>]/);
  });

  it('says when the text was cut', () => {
    expect(plainTextExcerpt(`${'<b>x</b>'.repeat(2000)}`, 120, 100)).toMatch(/^x( x)*\.\.\.$/);
    expect(plainTextExcerpt('Upstream down. '.repeat(20), 40, 8192)).toBe(
      'Upstream down. Upstream down. Upstrea...',
    );
  });
});

describe('jsonExcerpt', () => {
  it('writes small values as JSON.stringify does', () => {
    const value = { message: 'Unauthorized', list: [1, 'two', null, true], nested: { a: {} } };
    expect(jsonExcerpt(value, 1000)).toBe(JSON.stringify(value));
  });

  it('stops once the bound is written, however long and deep the value', () => {
    const { value, reads } = endlessArray();
    const excerpt = jsonExcerpt(value, 120);
    expect(excerpt).toMatch(/^\[\[\[\[.*\.\.\.$/);
    expect(excerpt.length).toBe(120);
    expect(reads()).toBeLessThanOrEqual(121);
  });

  it('does not recurse past the depth bound, where JSON.stringify would overflow the stack', () => {
    let deep: unknown = 'bottom';
    for (let depth = 0; depth < 200_000; depth += 1) deep = [deep];
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(jsonExcerpt(deep, 120, 32)).toBe(`${'['.repeat(32)}[...]${']'.repeat(32)}`);
  });

  it('cuts a long string inside the value', () => {
    const excerpt = jsonExcerpt({ message: 'x'.repeat(2_000_000) }, 120);
    expect(excerpt).toHaveLength(120);
    expect(excerpt.endsWith('...')).toBe(true);
  });
});

describe('cutShort', () => {
  it('keeps a short text and cuts a long one to the bound, marked', () => {
    expect(cutShort('short', 10)).toBe('short');
    expect(cutShort('a'.repeat(11), 10)).toBe('aaaaaaa...');
  });
});
