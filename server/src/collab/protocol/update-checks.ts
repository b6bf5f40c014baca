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

/** A Yjs update as `Y.decodeUpdate` returns it. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * What `update` needs that neither `doc` nor the update itself holds, or null when it would integrate
 * completely: structs that start past what the document has of their client, or an origin, parent or
 * deleted range beyond it. Yjs would keep such an update pending, out of every limit, until the missing
 * part arrives. An honest client never sends one once its sync step 2 is in: that step carries
 * everything the server lacks, so a refused update reaches the server again there.
 */
export function missingDependency(doc: Y.Doc, { structs, ds }: DecodedUpdate): string | null {
  const reach = new Map<number, number>();
  const known = (client: number) => reach.get(client) ?? Y.getState(doc.store, client);
  // Structs come grouped by client, clocks increasing: each must start where the known part ends.
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    const end = known(client);
    if (clock > end) return `client ${client} resumes at clock ${clock}, the document has ${end}`;
    reach.set(client, Math.max(end, clock + struct.length));
  }
  const missing = (id: Y.ID | null, what: string) =>
    id !== null && id.clock >= known(id.client) ? `${what} ${id.client}:${id.clock} is unknown` : null;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const reason =
      missing(struct.origin, 'origin') ??
      missing(struct.rightOrigin, 'right origin') ??
      (struct.parent instanceof Y.ID ? missing(struct.parent, 'parent') : null);
    if (reason) return reason;
  }
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      if (range.clock + range.len > known(client))
        return `deletion of ${client}:${range.clock}+${range.len} beyond the document`;
    }
  }
  return null;
}

/** The struct of `id` in one client's structs of an update (sorted by clock), or null. */
function structAt(structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip> | undefined, clock: number) {
  if (!structs) return null;
  let low = 0;
  let high = structs.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const struct = structs[mid];
    if (clock < struct.id.clock) high = mid - 1;
    else if (clock >= struct.id.clock + struct.length) low = mid + 1;
    else return struct;
  }
  return null;
}

/**
 * The deepest nesting of shared types `update` would create in `doc` (a child of a root type is at
 * depth 1), computed without applying it, or stopping as soon as it passes `max`. Each new type's
 * depth comes from its parent: a type of the document (its chain of parents, bounded because the
 * document is), or an item of the same update, resolved with an explicit stack since an update may
 * carry thousands of levels. An item without parent info takes its parent from its left or right
 * neighbour, as Yjs does. Call it after `missingDependency` found nothing: every reference resolves.
 */
export function updateDepth(doc: Y.Doc, { structs }: DecodedUpdate, max: number): number {
  const byClient = new Map<number, Array<Y.Item | Y.GC | Y.Skip>>();
  for (const struct of structs) {
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  const typeDepths = new Map<Y.AbstractType<unknown>, number>();
  const typeDepth = (type: Y.AbstractType<unknown>): number => {
    const chain: Y.AbstractType<unknown>[] = [];
    let depth = 0;
    for (let at: Y.AbstractType<unknown> | null = type; at !== null; ) {
      const cached = typeDepths.get(at);
      if (cached !== undefined) {
        depth = cached;
        break;
      }
      chain.push(at);
      const item: Y.Item | null = at._item;
      at = item && item.parent instanceof Y.AbstractType ? (item.parent as Y.AbstractType<unknown>) : null;
    }
    // The root is at depth 0; each type below it one more.
    for (let i = chain.length - 1; i >= 0; i--) {
      depth = chain[i]._item === null ? 0 : depth + 1;
      typeDepths.set(chain[i], depth);
    }
    return typeDepths.get(type) as number;
  };
  /** Depth of the parent of each item of the update, once known. */
  const parentDepths = new Map<Y.Item, number>();
  const parentDepth = (start: Y.Item): number => {
    // Follow parents and neighbours until a known depth; then every item on the way gets its own.
    const chain: Array<{ item: Y.Item; step: number }> = [];
    const seen = new Set<Y.Item>();
    let base = 0;
    let item: Y.Item | null = start;
    while (item !== null) {
      const cached = parentDepths.get(item);
      if (cached !== undefined) {
        base = cached;
        break;
      }
      if (seen.has(item)) throw new Error('update items refer to each other in a cycle');
      seen.add(item);
      // Decoded, `parent` is the parent type's item id, a root type's name, or null (take the neighbour's).
      const parent = item.parent as unknown;
      const ref =
        parent instanceof Y.ID ? parent : parent === null ? (item.origin ?? item.rightOrigin) : null;
      // A parent item is one level up; a neighbour shares the parent.
      const step = parent instanceof Y.ID ? 1 : 0;
      chain.push({ item, step });
      if (ref === null) break;
      const inUpdate = structAt(byClient.get(ref.client), ref.clock);
      if (inUpdate instanceof Y.Item) {
        item = inUpdate;
        continue;
      }
      item = null;
      if (inUpdate === null) {
        const existing = Y.getItem(doc.store, ref) as Y.Item | Y.GC;
        if (existing instanceof Y.Item) {
          const parentType =
            step === 1
              ? existing.content instanceof Y.ContentType
                ? existing.content.type
                : null
              : existing.parent instanceof Y.AbstractType
                ? existing.parent
                : null;
          base = parentType ? typeDepth(parentType as Y.AbstractType<unknown>) : 0;
        }
        chain[chain.length - 1].step = 0;
      }
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      base += chain[i].step;
      parentDepths.set(chain[i].item, base);
    }
    return parentDepths.get(start) as number;
  };
  let deepest = 0;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) continue;
    deepest = Math.max(deepest, parentDepth(struct) + 1);
    if (deepest > max) return deepest;
  }
  return deepest;
}
