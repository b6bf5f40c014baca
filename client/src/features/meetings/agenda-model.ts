import {
  AGENDA_ITEMS,
  type AgendaItemData,
  addAgendaItem,
  insertAgendaItem,
  readAgenda,
} from '@affluents/editor/template';

export { AGENDA_ITEMS };

import * as Y from 'yjs';

export type { AgendaItemData };

/** Planned minutes of all the items. */
export function totalDuration(items: readonly Pick<AgendaItemData, 'durationMinutes'>[]): number {
  return items.reduce((sum, item) => sum + item.durationMinutes, 0);
}

/** How the agenda fits in the meeting: minutes left (positive) or over (negative); null without a length. */
export function agendaBalance(
  items: readonly Pick<AgendaItemData, 'durationMinutes'>[],
  meetingMinutes: number,
): { planned: number; remaining: number; over: boolean } | null {
  if (meetingMinutes <= 0) return null;
  const planned = totalDuration(items);
  return { planned, remaining: meetingMinutes - planned, over: planned > meetingMinutes };
}

/** A duration typed in a field, kept within what the contract accepts (0 to 600 minutes). */
export function clampDuration(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(600, Math.max(0, Math.round(value)));
}

const itemsOf = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>(AGENDA_ITEMS);

function indexOf(doc: Y.Doc, id: string): number {
  return itemsOf(doc)
    .toArray()
    .findIndex((entry) => entry instanceof Y.Map && entry.get('id') === id);
}

/** Appends a new item with a fresh stable id (the live mode follows items by id). */
export function appendAgendaItem(
  doc: Y.Doc,
  item: Omit<AgendaItemData, 'id'>,
  id: string = crypto.randomUUID(),
) {
  addAgendaItem(doc, { ...item, id, durationMinutes: clampDuration(item.durationMinutes) });
  return id;
}

/** Changes some fields of one item; concurrent edits of other fields by others are kept. */
export function updateAgendaItem(doc: Y.Doc, id: string, patch: Partial<Omit<AgendaItemData, 'id'>>): void {
  const entry = itemsOf(doc).get(indexOf(doc, id));
  if (!(entry instanceof Y.Map)) return;
  doc.transact(() => {
    if (patch.title !== undefined) entry.set('title', patch.title);
    if (patch.durationMinutes !== undefined)
      entry.set('durationMinutes', clampDuration(patch.durationMinutes));
    if (patch.ownerName !== undefined) entry.set('ownerName', patch.ownerName);
  });
}

/** Removes an item; returns what it was and where, for « Annuler » (null when it was gone already). */
export function removeAgendaItem(doc: Y.Doc, id: string): { item: AgendaItemData; index: number } | null {
  const index = indexOf(doc, id);
  const item = readAgenda(doc).find((entry) => entry.id === id);
  if (index < 0 || !item) return null;
  itemsOf(doc).delete(index, 1);
  return { item, index };
}

/**
 * Puts a removed item back, with its id, where it was (or last, if co-writers shortened the agenda since);
 * nothing when an item with that id is there again.
 */
export function restoreAgendaItem(doc: Y.Doc, removed: { item: AgendaItemData; index: number }): void {
  if (indexOf(doc, removed.item.id) >= 0) return;
  insertAgendaItem(doc, removed.item, removed.index);
}

/**
 * Moves an item one place up (-1) or down (+1). A Y.Array cannot move an element: the item is copied to its
 * new place and the old one deleted in one transaction, keeping its id so the live mode still knows it.
 */
export function moveAgendaItem(doc: Y.Doc, id: string, step: -1 | 1): void {
  const items = itemsOf(doc);
  const from = indexOf(doc, id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= items.length) return;
  const entry = items.get(from);
  doc.transact(() => {
    const copy = new Y.Map<unknown>();
    for (const [key, value] of entry.entries()) copy.set(key, value);
    items.delete(from, 1);
    items.insert(to, [copy]);
  });
}
