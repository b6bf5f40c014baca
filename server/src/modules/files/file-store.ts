import type { Readable } from 'node:stream';

/** What a store kept: its key (to read or delete the bytes), their size and SHA-256 (hex). */
export interface StoredContent {
  key: string;
  byteSize: number;
  sha256: string;
}

/**
 * Where the bytes of files live, every server node reading the same store (docs/FILES.md). One
 * implementation per kind of store (PostgreSQL now; a disk or S3 store later), chosen by FILE_STORE.
 * Bytes stream both ways: no implementation may hold a whole file in memory.
 */
export abstract class FileStore {
  /**
   * Stores the bytes of `source` as they come, reading it with back-pressure. Nothing is written before
   * its first bytes arrive; if `source` throws (a limit, a refused type, a client that went away) or the
   * store fails, whatever was written is removed and the error passes on: nothing is left half-stored.
   */
  abstract write(source: AsyncIterable<Uint8Array>): Promise<StoredContent>;

  /** The bytes under `key`, streamed piece by piece; the stream errors if they are missing or incomplete. */
  abstract read(key: string): Readable;

  /** Removes the bytes under `key` (nothing when there are none). */
  abstract delete(key: string): Promise<void>;

  /** Marks contents as claimed by a file: the orphan sweep leaves them alone. */
  abstract keep(keys: string[]): Promise<void>;

  /**
   * Undoes `keep` before the file that claims the contents is deleted: should the deletion stop half-way,
   * the orphan sweep removes them (or claims them again, if the file is still there).
   */
  abstract release(keys: string[]): Promise<void>;

  /**
   * Keys of contents started before `before` and never claimed, oldest first, at most `limit`: what a
   * failed clean-up or a node that stopped in the middle of an upload left behind.
   */
  abstract unkeptBefore(before: Date, limit: number): Promise<string[]>;
}
