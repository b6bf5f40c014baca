import * as Y from 'yjs';

/**
 * The agenda of a meeting is a shared Yjs document (`meeting-agenda:<id>`) holding one Y.Array of
 * items, each a Y.Map: id (stable, for the live mode), title, durationMinutes, ownerName. The client
 * edits it live; the server reads it to show the agenda and to run the live mode.
 */
export const AGENDA_ITEMS = 'items';

export interface AgendaItemData {
  id: string;
  title: string;
  durationMinutes: number;
  ownerName: string | null;
}

/** The agenda's items, in order; malformed entries (e.g. from an old client) are skipped. */
export function readAgenda(doc: Y.Doc): AgendaItemData[] {
  const items: AgendaItemData[] = [];
  for (const entry of doc.getArray<Y.Map<unknown>>(AGENDA_ITEMS).toArray()) {
    if (!(entry instanceof Y.Map)) continue;
    const id = entry.get('id');
    const title = entry.get('title');
    const duration = entry.get('durationMinutes');
    const owner = entry.get('ownerName');
    if (typeof id !== 'string' || typeof title !== 'string') continue;
    items.push({
      id,
      title,
      durationMinutes:
        typeof duration === 'number' && Number.isFinite(duration) ? Math.max(0, Math.round(duration)) : 0,
      ownerName: typeof owner === 'string' && owner.trim() ? owner : null,
    });
  }
  return items;
}

/** Inserts an item at `index` (at the end when the agenda is shorter). */
export function insertAgendaItem(doc: Y.Doc, item: AgendaItemData, index: number): void {
  const map = new Y.Map<unknown>();
  map.set('id', item.id);
  map.set('title', item.title);
  map.set('durationMinutes', item.durationMinutes);
  map.set('ownerName', item.ownerName);
  const items = doc.getArray<Y.Map<unknown>>(AGENDA_ITEMS);
  items.insert(Math.min(Math.max(0, index), items.length), [map]);
}

/** Appends an item (used by the client editor and by tests). */
export function addAgendaItem(doc: Y.Doc, item: AgendaItemData): void {
  insertAgendaItem(doc, item, Number.POSITIVE_INFINITY);
}
