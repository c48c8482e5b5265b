import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rename, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Existing } from './actions.js';
import { errorCode } from './errno.js';

export function randomSuffix(): string {
  return randomBytes(6).toString('hex');
}

/** A fresh name beside `file`, so renaming it over `file` never crosses filesystems. */
export function tempBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.tmp-${randomSuffix()}`);
}

/**
 * Filesystem operations that remember how to undo themselves. Only paths this run created are
 * ever removed, so a folder that existed before (even an empty one) survives a rollback.
 */
export class Journal {
  readonly #undo: (() => Promise<unknown>)[] = [];

  #created(target: string): void {
    this.#undo.push(() => rm(target, { recursive: true, force: true }));
  }

  /** Like `mkdir -p`, recording each folder it creates (not just the first, as mkdir returns). */
  async mkdirp(dir: string): Promise<void> {
    try {
      await mkdir(dir);
    } catch (error) {
      if (errorCode(error) === 'EEXIST') return;
      if (errorCode(error) !== 'ENOENT' || path.dirname(dir) === dir) throw error;
      await this.mkdirp(path.dirname(dir));
      await mkdir(dir);
    }
    this.#created(dir);
  }

  /** Creates a new file; fails rather than follow or clobber anything already at `file`. */
  async writeNew(file: string, bytes: Uint8Array, mode: number): Promise<void> {
    // Recorded first: a write that fails half-way (disk full) still leaves a file to remove.
    this.#created(file);
    await writeFile(file, bytes, { flag: 'wx', mode });
  }

  /** Renames onto a path that does not exist yet. */
  async moveNew(from: string, to: string): Promise<void> {
    await rename(from, to);
    this.#created(to);
  }

  /** Renames over an existing file, keeping its bytes, mode and mtime to put back on rollback. */
  async replace(from: string, to: string, original: Existing): Promise<void> {
    await rename(from, to);
    this.#undo.push(async () => {
      const temp = tempBeside(to);
      try {
        await writeFile(temp, original.bytes, { flag: 'wx' });
        await chmod(temp, original.mode);
        await utimes(temp, new Date(), original.mtimeMs / 1000);
        await rename(temp, to);
      } finally {
        await rm(temp, { force: true });
      }
    });
  }

  /** Undoes everything, newest first, carrying on past errors; returns the errors. */
  async rollback(): Promise<unknown[]> {
    const errors: unknown[] = [];
    for (const undo of this.#undo.splice(0).reverse()) {
      try {
        await undo();
      } catch (error) {
        errors.push(error);
      }
    }
    return errors;
  }
}

/** Runs `work`; if it throws, rolls back what it did and rethrows. */
export async function transact(work: (journal: Journal) => Promise<void>): Promise<void> {
  const journal = new Journal();
  try {
    await work(journal);
  } catch (error) {
    const leftovers = await journal.rollback();
    if (leftovers.length === 0) throw error;
    throw new AggregateError(
      [error, ...leftovers],
      'Writing failed and some files it created could not be removed',
    );
  }
}
