import { describe, expect, it } from 'vitest';
import { lineDiff } from './line-diff.js';

describe('lineDiff', () => {
  it('names the removed and added lines with their line numbers', () => {
    expect(lineDiff('a\nb\nc\nd\n', 'a\nc\nx\nd\ny\n')).toEqual({
      removed: [{ line: 2, text: 'b' }],
      added: [
        { line: 3, text: 'x' },
        { line: 5, text: 'y' },
      ],
    });
    expect(lineDiff('same\n', 'same\n')).toEqual({ removed: [], added: [] });
  });

  it('gives up on a middle too large to compare', () => {
    const many = (prefix: string) =>
      Array.from({ length: 100 }, (_, i) => `${prefix}${i}`).join('\n');
    expect(lineDiff(many('a'), many('b'), 1000)).toBeUndefined();
  });
});
