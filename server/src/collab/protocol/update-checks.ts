import * as Y from 'yjs';

function covered(ranges: ReadonlyArray<{ clock: number; len: number }>, clock: number, end: number): boolean {
  let at = clock;
  for (const range of ranges) {
    if (range.clock > at) return false;
    if (range.clock + range.len >= end) return true;
    if (range.clock + range.len > at) at = range.clock + range.len;
  }
  return at >= end;
}

/**
 * True when applying `update` would change `doc`: it carries structs beyond the document's state
 * vector, or deletes something not deleted yet. A reader's sync step 2 normally changes nothing (it
 * repeats the delete set the reader received), and must not count as an attempted edit.
 */
export function updateChangesDoc(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  const stateVector = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > (stateVector.get(struct.id.client) ?? 0)) return true;
  }
  if (ds.clients.size === 0) return false;
  const deleted = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, items] of ds.clients) {
    const known = deleted.clients.get(client) ?? [];
    for (const item of items) {
      if (item.len > 0 && !covered(known, item.clock, item.clock + item.len)) return true;
    }
  }
  return false;
}
