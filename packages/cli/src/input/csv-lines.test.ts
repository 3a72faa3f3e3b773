import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.js';
import { csvLines } from './csv-lines.js';

describe('csvLines', () => {
  it.each(['\n', '\r\n'])('numbers records by the line they start on, with %j line ends', (eol) => {
    const text = [
      'id,action,message',
      '1,close,"two',
      'lines"',
      '',
      '2,close,"three',
      'whole',
      'lines"',
      ',,',
      '3,open,',
    ].join(eol);
    expect(csvLines(text, 'a.csv').map((line) => line.line)).toEqual([2, 5, 9]);
  });

  it('keeps a message as written, quotes, line breaks and all', () => {
    const [line] = csvLines(
      'id,action,adminId,message\r\n1,close,2,"He said ""hi"",\r\nthen left. "\r\n',
      'a.csv',
    );
    expect(line).toEqual({
      line: 2,
      id: '1',
      fields: { action: 'close', adminId: '2', message: 'He said "hi",\r\nthen left. ' },
    });
  });

  it('turns empty cells into absent fields, and an assignee into one field', () => {
    const lines = csvLines(
      'id,action,adminId,assigneeType,assigneeId,until\n1,assign,2,team,3,\n2,snooze,2,,,1767225600\n',
      'a.csv',
    );
    expect(lines).toEqual([
      {
        line: 2,
        id: '1',
        fields: { action: 'assign', adminId: '2', assignee: { type: 'team', id: '3' } },
      },
      { line: 3, id: '2', fields: { action: 'snooze', adminId: '2', until: 1767225600 } },
    ]);
  });

  it('names the line of a syntax error, after a record spanning CRLF lines', () => {
    const text = 'id,action,message\r\n1,close,"a\r\nb"\r\n2,close,"x"y\r\n';
    expect(() => csvLines(text, 'a.csv')).toThrow(InputError);
    expect(() => csvLines(text, 'a.csv')).toThrow(/^a\.csv line 4: a quoted field goes on/);
  });

  it('reads tab-separated files', () => {
    expect(csvLines('id\taction\tadminId\n1\topen\t2\n', 'a.tsv')).toEqual([
      { line: 2, id: '1', fields: { action: 'open', adminId: '2' } },
    ]);
  });
});
