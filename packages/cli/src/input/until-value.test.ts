import { describe, expect, it } from 'vitest';
import { untilFromText } from './until-value.js';

describe('untilFromText', () => {
  it.each([
    ['1767225600', 1767225600],
    [' 1767225600 ', 1767225600],
    ['2027-01-02T09:00:00Z', new Date('2027-01-02T09:00:00Z')],
    ['2027-01-02T09:00Z', new Date('2027-01-02T09:00:00Z')],
    ['2027-01-02T09:00:00.250+01:00', new Date('2027-01-02T08:00:00.250Z')],
    ['2028-02-29T00:00:00Z', new Date('2028-02-29T00:00:00Z')],
  ])('reads %j', (text, expected) => {
    expect(untilFromText(text)).toEqual(expected);
  });

  it.each([
    'tomorrow',
    '2027-01-02',
    '2027-01-02T09:00',
    '2027-02-29T00:00:00Z',
    '2027-04-31T00:00:00Z',
    '2027-13-01T00:00:00Z',
    '2027-01-01T25:00:00Z',
    '-1',
    '1.5',
  ])('refuses %j', (text) => {
    expect(untilFromText(text)).toBeUndefined();
  });
});
