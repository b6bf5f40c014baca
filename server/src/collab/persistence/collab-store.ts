import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import * as Y from 'yjs';

/** The stored state of one document: its snapshot and the updates written after it, in order. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Id of the last update read, to read only later ones afterwards. */
  lastUpdateId: string | null;
  /** When the snapshot was last written (null: never compacted). */
  compactedAt: string | null;
}

/**
 * SQL of the collab tables (migration 1764000000000): loads and stores, nothing else. Side effects of a
 * store (search indexing) listen to CollabEvents.
 */
@Injectable()
export class CollabStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Reads a document in one statement, so a concurrent compaction cannot be seen half-done. */
  async load(name: string): Promise<StoredDocument> {
    const rows: Array<{ kind: number; id: string | null; data: Buffer | null; compacted_at: string | null }> =
      await this.dataSource.query(
        `SELECT 0 AS kind, NULL::bigint AS id, snapshot AS data, compacted_at::text AS compacted_at
           FROM collab_documents WHERE name = $1
         UNION ALL
         SELECT 1, id, update, NULL FROM collab_updates WHERE doc_name = $1
         ORDER BY kind, id`,
        [name],
      );
    const head = rows.find((r) => r.kind === 0);
    const updates = rows.filter((r) => r.kind === 1);
    return {
      snapshot: head?.data ?? null,
      updates: updates.map((r) => r.data as Buffer),
      lastUpdateId: updates.at(-1)?.id ?? null,
      compactedAt: head?.compacted_at ?? null,
    };
  }

  /** Updates stored after `afterId` (all when null), in order. */
  async updatesAfter(
    name: string,
    afterId: string | null,
  ): Promise<{ updates: Uint8Array[]; lastUpdateId: string | null }> {
    const rows: Array<{ id: string; update: Buffer }> = await this.dataSource.query(
      `SELECT id, update FROM collab_updates WHERE doc_name = $1 AND id > $2 ORDER BY id`,
      [name, afterId ?? '0'],
    );
    return { updates: rows.map((r) => r.update), lastUpdateId: rows.at(-1)?.id ?? afterId };
  }

  /**
   * Appends updates as rows, creating the document row if needed, in one statement. Returns how many
   * updates the document now has since its snapshot.
   */
  async append(name: string, updates: Uint8Array[]): Promise<number> {
    const counts = await this.appendMany([{ name, updates }]);
    return counts.get(name) ?? 0;
  }

  /**
   * Appends the updates of several documents in one statement (the write-behind of every document of
   * the node in one round trip), creating document rows if needed. Document rows are upserted in name
   * order, so two nodes writing overlapping sets lock them in the same order. Returns, per document,
   * how many updates it now has since its snapshot.
   */
  async appendMany(
    batches: ReadonlyArray<{ name: string; updates: Uint8Array[] }>,
  ): Promise<Map<string, number>> {
    const names: string[] = [];
    const updates: Buffer[] = [];
    for (const batch of batches) {
      for (const u of batch.updates) {
        names.push(batch.name);
        updates.push(Buffer.from(u.buffer, u.byteOffset, u.byteLength));
      }
    }
    if (updates.length === 0) return new Map();
    const rows: Array<{ name: string; updates_since_snapshot: number }> = await this.dataSource.query(
      `WITH input AS (
         SELECT doc_name, u, n FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t(doc_name, u, n)
       ), totals AS (
         SELECT doc_name, count(*)::int AS c, sum(octet_length(u))::int AS b FROM input GROUP BY doc_name
       ), doc AS (
         INSERT INTO collab_documents AS d (name, updates_since_snapshot, byte_size)
         SELECT doc_name, c, b FROM totals ORDER BY doc_name
         ON CONFLICT (name) DO UPDATE SET
           updates_since_snapshot = d.updates_since_snapshot + EXCLUDED.updates_since_snapshot,
           byte_size = d.byte_size + EXCLUDED.byte_size,
           updated_at = now()
         RETURNING name, updates_since_snapshot
       ), inserted AS (
         INSERT INTO collab_updates (doc_name, update) SELECT doc_name, u FROM input ORDER BY n
       )
       SELECT name, updates_since_snapshot FROM doc`,
      [names, updates],
    );
    return new Map(rows.map((r) => [r.name, r.updates_since_snapshot]));
  }

  /**
   * Replaces the snapshot by the state of `doc` and deletes the updates it covers, in one transaction
   * holding the document row, so no other node can append in between. Whatever was stored and is not
   * in `doc` yet (written by another node) is first applied to it through `catchUp`, so the new
   * snapshot never drops an edit. Returns the new snapshot's size (null: nothing to compact), or null if the document has no row.
   */
  async compact(
    name: string,
    doc: Y.Doc,
    knownCompactedAt: string | null,
    catchUp: (update: Uint8Array) => void,
  ): Promise<{ bytes: number | null; compactedAt: string | null } | null> {
    return this.dataSource.transaction(async (m) => {
      const head: Array<{ compacted_at: string | null }> = await m.query(
        `SELECT compacted_at::text AS compacted_at FROM collab_documents WHERE name = $1 FOR UPDATE`,
        [name],
      );
      if (head.length === 0) return null;
      if (head[0].compacted_at !== knownCompactedAt) {
        const [row]: Array<{ snapshot: Buffer | null }> = await m.query(
          `SELECT snapshot FROM collab_documents WHERE name = $1`,
          [name],
        );
        if (row.snapshot) catchUp(row.snapshot);
      }
      const updates: Array<{ id: string; update: Buffer }> = await m.query(
        `SELECT id, update FROM collab_updates WHERE doc_name = $1 ORDER BY id`,
        [name],
      );
      for (const u of updates) catchUp(u.update);
      if (updates.length === 0 && head[0].compacted_at === knownCompactedAt) {
        return { bytes: null, compactedAt: knownCompactedAt };
      }
      const snapshot = Y.encodeStateAsUpdate(doc);
      const [saved]: Array<{ compacted_at: string }> = await m.query(
        `UPDATE collab_documents SET snapshot = $2, updates_since_snapshot = 0, byte_size = $3,
           compacted_at = clock_timestamp(), updated_at = now()
         WHERE name = $1 RETURNING compacted_at::text AS compacted_at`,
        [name, Buffer.from(snapshot), snapshot.byteLength],
      );
      if (updates.length > 0) {
        await m.query(`DELETE FROM collab_updates WHERE doc_name = $1 AND id <= $2`, [
          name,
          updates.at(-1)?.id,
        ]);
      }
      return { bytes: snapshot.byteLength, compactedAt: saved.compacted_at };
    });
  }

  /** Inserts a new document with its initial state, inside the caller's transaction. */
  async create(manager: EntityManager, name: string, initialUpdate: Uint8Array): Promise<void> {
    Y.decodeUpdate(initialUpdate);
    await manager.query(
      `INSERT INTO collab_documents (name, snapshot, byte_size, compacted_at) VALUES ($1, $2, $3, clock_timestamp())`,
      [name, Buffer.from(initialUpdate), initialUpdate.byteLength],
    );
  }
}
