import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JournalError } from '../errors/journal-error.js';
import { readJournal } from './journal-contents.js';
import { JournalWriter } from './journal-writer.js';
import { readFileSync } from 'node:fs';

const binding = { file: 'a.csv', sha256: 'abc', target: 'intercom:us' };
const header = JSON.stringify({
  journal: 'conversation-kit',
  version: 1,
  input: { file: 'a.csv', sha256: 'abc' },
  target: 'intercom:us',
  created: 'x',
});
let dir: string;
const journalWith = (text: string): string => {
  dir = mkdtempSync(join(tmpdir(), 'journal-'));
  writeFileSync(join(dir, 'j'), text);
  return join(dir, 'j');
};
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readJournal', () => {
  it("keeps each line's last record, and counts a torn last line as never written", () => {
    const path = journalWith(
      `${header}\n{"line":2,"state":"sending","at":"x"}\n{"line":2,"state":"done","at":"x","result":{"state":"closed"}}\n{"line":3,"state":"sending","at":"x"}\n{"line":4,"sta`,
    );
    const contents = readJournal(path, binding);
    expect([...contents.lines].map(([line, record]) => [line, record.state])).toEqual([
      [2, 'done'],
      [3, 'sending'],
    ]);
    expect(contents.fileBytes - contents.wholeBytes).toBe('{"line":4,"sta'.length);
  });

  it('treats an empty file, or one with only a torn header, as a new journal', () => {
    for (const text of ['', header.slice(0, 20)]) {
      const contents = readJournal(journalWith(text), binding);
      expect(contents.header).toBeUndefined();
      expect(contents.wholeBytes).toBe(0);
    }
  });

  it('when opened to append, cuts the torn line off and appends whole records after it', () => {
    const path = journalWith(`${header}\n{"line":2,"state":"sending","at":"x"}\n{"line":3,"st`);
    const writer = JournalWriter.open(path, readJournal(path, binding), binding, (text) => text);
    writer.append({ line: 3, state: 'sending', at: 'y' });
    writer.close();
    expect(readFileSync(path, 'utf8')).toBe(
      `${header}\n{"line":2,"state":"sending","at":"x"}\n{"line":3,"state":"sending","at":"y"}\n`,
    );
  });

  it('refuses a journal of another input or target', () => {
    const path = journalWith(`${header}\n`);
    expect(() => readJournal(path, { ...binding, sha256: 'def' })).toThrow(JournalError);
    expect(() => readJournal(path, { ...binding, target: 'intercom:eu' })).toThrow(
      /records a run against intercom:us, not intercom:eu/,
    );
  });
});
