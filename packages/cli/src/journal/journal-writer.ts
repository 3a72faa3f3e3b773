import { closeSync, fsyncSync, openSync, truncateSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { JournalError } from '../errors/journal-error.js';
import type { Redact } from '../output/redactor.js';
import type { JournalBinding, JournalContents } from './journal-contents.js';
import type { JournalHeader, LineRecord, RunRecord } from './journal-record.js';

/**
 * Appends records to a journal, each one written and flushed to disk (`fsync`) before `append`
 * returns, so a record that says `sending` is on disk before the request leaves.
 *
 * @example
 * const writer = JournalWriter.open(path, contents, binding, redact);
 * writer.append({ line: 7, state: 'sending', at: new Date().toISOString() });
 * writer.close();
 */
export class JournalWriter {
  #fd: number | undefined;

  private constructor(
    readonly path: string,
    fd: number,
    private readonly redact: Redact,
  ) {
    this.#fd = fd;
  }

  /**
   * Opens a journal for appending: cuts off a torn last line, and starts a new journal with its
   * header. Throws `JournalError` when the journal cannot be written.
   */
  static open(
    path: string,
    contents: JournalContents,
    binding: JournalBinding,
    redact: Redact,
  ): JournalWriter {
    let writer: JournalWriter;
    try {
      if (contents.fileBytes > contents.wholeBytes) truncateSync(path, contents.wholeBytes);
      writer = new JournalWriter(path, openSync(path, 'a'), redact);
    } catch (error) {
      throw new JournalError(`cannot write the journal ${path}: ${(error as Error).message}`);
    }
    if (contents.header === undefined) {
      const header: JournalHeader = {
        journal: 'conversation-kit',
        version: 1,
        input: { file: binding.file, sha256: binding.sha256 },
        target: binding.target,
        created: new Date().toISOString(),
      };
      writer.append(header);
      syncFolder(path);
    }
    return writer;
  }

  /** Writes one record and flushes it to disk. Throws `JournalError` when it cannot. */
  append(record: LineRecord | RunRecord | JournalHeader): void {
    if (this.#fd === undefined) throw new JournalError(`the journal ${this.path} is closed`);
    const bytes = Buffer.from(`${this.redact(JSON.stringify(record))}\n`);
    try {
      let written = 0;
      while (written < bytes.length) {
        written += writeSync(this.#fd, bytes, written, bytes.length - written);
      }
      fsyncSync(this.#fd);
    } catch (error) {
      throw new JournalError(`cannot write the journal ${this.path}: ${(error as Error).message}`);
    }
  }

  close(): void {
    if (this.#fd === undefined) return;
    closeSync(this.#fd);
    this.#fd = undefined;
  }
}

// A new file's name is only durable once its folder is flushed too.
function syncFolder(path: string): void {
  try {
    const fd = openSync(dirname(path), 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse to flush a folder; the records themselves are flushed all the same.
  }
}
