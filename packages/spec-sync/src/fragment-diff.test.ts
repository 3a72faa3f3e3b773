import { describe, expect, it } from 'vitest';
import { fragmentDiff } from './fragment-diff.js';

describe('fragmentDiff', () => {
  it('names the removed and added lines with their line numbers', () => {
    expect(fragmentDiff('a\nb\nc\nd\n', 'a\nc\nx\nd\ny\n')).toEqual({
      removed: [{ line: 2, text: 'b' }],
      added: [
        { line: 3, text: 'x' },
        { line: 5, text: 'y' },
      ],
    });
    expect(fragmentDiff('same\n', 'same\n')).toEqual({ removed: [], added: [] });
  });

  it('gives up when more lines change than are worth reading', () => {
    const many = (prefix: string) =>
      Array.from({ length: 100 }, (_, i) => `${prefix}${i}`).join('\n');
    expect(fragmentDiff(many('a'), many('b'), 50)).toBeUndefined();
    expect(fragmentDiff(many('a'), many('b'))?.added).toHaveLength(100);
  });
});
