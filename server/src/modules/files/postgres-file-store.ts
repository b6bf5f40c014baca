import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { FileStore, type StoredContent } from './file-store';

/** Size of one stored row of bytes: large enough for few round trips, small enough to stream. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * The default file store: the bytes in PostgreSQL, which every node already shares (`file_contents`
 * and its `file_chunks` rows of CHUNK_BYTES). Every statement stands alone: no transaction is held while
 * a client uploads (the embedded database has a single connection).
 */
export class PostgresFileStore extends FileStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async write(source: AsyncIterable<Uint8Array>): Promise<StoredContent> {
    const key = randomUUID();
    const hash = createHash('sha256');
    let started: Promise<unknown> | null = null;
    let byteSize = 0;
    let seq = 0;
    let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let filled = 0;
    // One chunk is written while the next arrives; never more (back-pressure on the source).
    let writing: Promise<unknown> = Promise.resolve();
    const start = () => {
      started ??= this.dataSource.query('INSERT INTO file_contents (id) VALUES ($1)', [key]);
      return started;
    };
    const flush = async () => {
      await writing;
      const data = filled === CHUNK_BYTES ? chunk : chunk.subarray(0, filled);
      const at = seq;
      writing = start().then(() =>
        this.dataSource.query('INSERT INTO file_chunks (content_id, seq, data) VALUES ($1, $2, $3)', [
          key,
          at,
          data,
        ]),
      );
      seq += 1;
      // The driver holds the chunk until it is sent: the next bytes go to a fresh buffer.
      chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      filled = 0;
    };
    try {
      for await (const piece of source) {
        hash.update(piece);
        byteSize += piece.length;
        let offset = 0;
        while (offset < piece.length) {
          const copied = Math.min(CHUNK_BYTES - filled, piece.length - offset);
          chunk.set(piece.subarray(offset, offset + copied), filled);
          filled += copied;
          offset += copied;
          if (filled === CHUNK_BYTES) await flush();
        }
      }
      if (filled > 0) await flush();
      await writing;
      await start();
      await this.dataSource.query(
        'UPDATE file_contents SET byte_size = $2, chunk_count = $3, complete = true WHERE id = $1',
        [key, byteSize, seq],
      );
      return { key, byteSize, sha256: hash.digest('hex') };
    } catch (err) {
      await writing.catch(() => undefined);
      if (started) await this.delete(key).catch(() => undefined);
      throw err;
    }
  }

  read(key: string): Readable {
    const dataSource = this.dataSource;
    let chunks: number | undefined;
    let seq = 0;
    const fetch = async (at: number): Promise<Buffer> => {
      const [row]: Array<{ data: Buffer }> = await dataSource.query(
        'SELECT data FROM file_chunks WHERE content_id = $1 AND seq = $2',
        [key, at],
      );
      if (!row) throw new Error(`file content ${key} lacks chunk ${at}`);
      return row.data;
    };
    // The next chunk is fetched while the consumer takes this one: two in memory at most.
    let next: Promise<Buffer> | null = null;
    return new Readable({
      // One row at a time: the next is pushed only once the consumer has taken this one.
      highWaterMark: 1,
      async read() {
        try {
          if (chunks === undefined) {
            const [content]: Array<{ chunks: number }> = await dataSource.query(
              'SELECT chunk_count AS chunks FROM file_contents WHERE id = $1 AND complete',
              [key],
            );
            if (!content) throw new Error(`file content ${key} is missing or incomplete`);
            chunks = content.chunks;
          }
          if (seq >= chunks) {
            this.push(null);
            return;
          }
          const data = await (next ?? fetch(seq));
          seq += 1;
          next = seq < chunks ? fetch(seq) : null;
          // A prefetch nobody awaits (the stream destroyed meanwhile) must not reject unheard.
          next?.catch(() => undefined);
          this.push(data);
        } catch (err) {
          this.destroy(err as Error);
        }
      },
    });
  }

  async delete(key: string): Promise<void> {
    // The chunks go with their content (ON DELETE CASCADE).
    await this.dataSource.query('DELETE FROM file_contents WHERE id = $1', [key]);
  }

  async keep(keys: string[]): Promise<void> {
    await this.dataSource.query('UPDATE file_contents SET kept = true WHERE id = ANY($1::uuid[])', [keys]);
  }

  async release(keys: string[]): Promise<void> {
    await this.dataSource.query('UPDATE file_contents SET kept = false WHERE id = ANY($1::uuid[])', [keys]);
  }

  async unkeptBefore(before: Date, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      'SELECT id FROM file_contents WHERE NOT kept AND created_at < $1 ORDER BY created_at LIMIT $2',
      [before, limit],
    );
    return rows.map((r) => r.id);
  }
}
