import * as Y from 'yjs';
import { UpdateWriter } from '../src/collab/persistence/update-writer';
import {
  type CollabNode,
  type CollabStorage,
  createCollabStorage,
  startCollabNode,
  storedText,
  waitFor,
} from './support/collab-client';
import { factories, nodeHost } from './support/factories';

/** The update of typing `text` into a new document's body. */
function typed(text: string): Uint8Array {
  const doc = new Y.Doc();
  let update: Uint8Array = new Uint8Array();
  doc.on('update', (u: Uint8Array) => {
    update = u;
  });
  doc.getText('body').insert(0, text);
  doc.destroy();
  return update;
}

describe('write-behind of document updates in rounds', () => {
  let storage: CollabStorage;
  let node: CollabNode;
  let writer: UpdateWriter;
  let group: string;

  beforeAll(async () => {
    storage = await createCollabStorage();
    node = await startCollabNode(storage, { seed: false, env: { COLLAB_FLUSH_DELAY_MS: '200' } });
    writer = node.app.get(UpdateWriter);
    group = (await factories(nodeHost(node.app)).group('social_workers')).id;
  });
  afterAll(async () => {
    await node?.close();
    await storage?.dispose();
  });

  it('writes the updates of every document edited together in one statement', async () => {
    const names = [1, 2, 3].map((i) => `test:${group}:round-${i}`);
    for (const [i, name] of names.entries()) writer.enqueue(name, typed(`texte ${i}`));
    for (const [i, name] of names.entries()) {
      await waitFor(async () => (await storedText(node.dataSource, name)) === `texte ${i}`, `${name} stored`);
    }
    // now() is the start of the inserting transaction: one statement, one timestamp for the three.
    const rows: Array<{ at: string }> = await node.dataSource.query(
      'SELECT DISTINCT created_at::text AS at FROM collab_updates WHERE doc_name = ANY($1)',
      [names],
    );
    expect(rows).toHaveLength(1);
  });

  it('keeps a document the database refuses in memory without holding the others back', async () => {
    const good = `test:${group}:round-good`;
    // collab_documents.name is at most 200 characters: the database refuses this document's rows.
    const refused = `test:${group}:${'x'.repeat(200)}`;
    writer.enqueue(refused, typed('refusé'));
    writer.enqueue(good, typed('accepté'));
    await waitFor(
      async () => (await storedText(node.dataSource, good)) === 'accepté',
      'good document stored',
    );
    expect(writer.health()).toMatchObject({ state: 'retrying', failingDocuments: 1, pendingUpdates: 1 });
    const [{ n }]: Array<{ n: number }> = await node.dataSource.query(
      'SELECT count(*)::int AS n FROM collab_updates WHERE doc_name = $1',
      [refused],
    );
    expect(n).toBe(0);
    // The document the database refuses stays pending; later documents are still written.
    const later = `test:${group}:round-later`;
    writer.enqueue(later, typed('plus tard'));
    await waitFor(
      async () => (await storedText(node.dataSource, later)) === 'plus tard',
      'later document stored',
    );
    expect(writer.health().failingDocuments).toBe(1);
    await expect(writer.flush(refused)).rejects.toThrow(/could not be written/);
  });
});
