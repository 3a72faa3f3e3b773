import { describe, expect, it } from 'vitest';
import type { ActionLine } from '../input/input-line.js';
import { rounds } from './rounds.js';

const line = (number: number, id: string | number): ActionLine => ({
  line: number,
  id,
  action: { action: 'open', adminId: '1' },
});

describe('rounds', () => {
  it('puts each conversation once per round, keeping the file order within each', () => {
    const lines = [
      line(1, 'a'),
      line(2, 'b'),
      line(3, 'a'),
      line(4, 'c'),
      line(5, 'a'),
      line(6, 'b'),
    ];
    expect(rounds(lines).map((round) => round.map((l) => l.line))).toEqual([
      [1, 2, 4],
      [3, 6],
      [5],
    ]);
  });

  it('treats an id given as a number and as digits as one conversation', () => {
    expect(rounds([line(1, 7), line(2, '7')])).toHaveLength(2);
  });
});
