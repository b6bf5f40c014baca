import { readAgenda } from '@affluents/editor/template';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  agendaBalance,
  appendAgendaItem,
  clampDuration,
  moveAgendaItem,
  removeAgendaItem,
  restoreAgendaItem,
  totalDuration,
  updateAgendaItem,
} from './agenda-model';

function agendaWith(...titles: string[]) {
  const doc = new Y.Doc();
  const ids = titles.map((title, i) =>
    appendAgendaItem(doc, { title, durationMinutes: 30, ownerName: null }, `item-${i}`),
  );
  return { doc, ids };
}

describe('agenda duration', () => {
  it('adds the planned minutes and compares them with the meeting length', () => {
    const items = [{ durationMinutes: 30 }, { durationMinutes: 45 }, { durationMinutes: 0 }];
    expect(totalDuration(items)).toBe(75);
    expect(agendaBalance(items, 180)).toEqual({ planned: 75, remaining: 105, over: false });
    expect(agendaBalance(items, 60)).toEqual({ planned: 75, remaining: -15, over: true });
    expect(agendaBalance(items, 0)).toBeNull();
  });

  it('keeps typed durations within the accepted range', () => {
    expect(clampDuration(-5)).toBe(0);
    expect(clampDuration(12.6)).toBe(13);
    expect(clampDuration(9000)).toBe(600);
    expect(clampDuration(Number.NaN)).toBe(0);
  });
});

describe('agenda editing in the shared document', () => {
  it('moves an item up and down, keeping its id and fields', () => {
    const { doc } = agendaWith('Accueil', 'Tour de table', 'Divers');
    updateAgendaItem(doc, 'item-2', { ownerName: 'Sophie', durationMinutes: 15 });
    moveAgendaItem(doc, 'item-2', -1);
    expect(readAgenda(doc).map((i) => i.id)).toEqual(['item-0', 'item-2', 'item-1']);
    expect(readAgenda(doc)[1]).toEqual({
      id: 'item-2',
      title: 'Divers',
      durationMinutes: 15,
      ownerName: 'Sophie',
    });
    moveAgendaItem(doc, 'item-0', -1); // already first: nothing changes
    moveAgendaItem(doc, 'item-1', 1); // already last
    expect(readAgenda(doc).map((i) => i.id)).toEqual(['item-0', 'item-2', 'item-1']);
  });

  it('removes an item and ignores an unknown id', () => {
    const { doc } = agendaWith('Accueil', 'Tour de table');
    removeAgendaItem(doc, 'item-0');
    removeAgendaItem(doc, 'nope');
    expect(readAgenda(doc).map((i) => i.title)).toEqual(['Tour de table']);
  });

  it('merges two people editing different fields of one item', () => {
    const a = agendaWith('Accueil').doc;
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateAgendaItem(a, 'item-0', { title: 'Accueil et café' });
    updateAgendaItem(b, 'item-0', { durationMinutes: 20 });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readAgenda(a)).toEqual(readAgenda(b));
    expect(readAgenda(a)[0]).toMatchObject({ title: 'Accueil et café', durationMinutes: 20 });
  });
});

describe('undoing a removal', () => {
  it('puts the item back where it was, with its id, owner and minutes', () => {
    const { doc } = agendaWith('Accueil', 'Tour de table', 'Divers');
    updateAgendaItem(doc, 'item-1', { ownerName: 'Inès', durationMinutes: 20 });
    const removed = removeAgendaItem(doc, 'item-1');
    expect(removed).toEqual({
      index: 1,
      item: { id: 'item-1', title: 'Tour de table', durationMinutes: 20, ownerName: 'Inès' },
    });
    expect(readAgenda(doc).map((i) => i.title)).toEqual(['Accueil', 'Divers']);
    restoreAgendaItem(doc, removed as NonNullable<typeof removed>);
    expect(readAgenda(doc)).toEqual([
      { id: 'item-0', title: 'Accueil', durationMinutes: 30, ownerName: null },
      { id: 'item-1', title: 'Tour de table', durationMinutes: 20, ownerName: 'Inès' },
      { id: 'item-2', title: 'Divers', durationMinutes: 30, ownerName: null },
    ]);
  });

  it('puts it last when co-writers shortened the agenda, and never twice', () => {
    const { doc } = agendaWith('Accueil', 'Tour de table', 'Divers');
    const removed = removeAgendaItem(doc, 'item-2') as NonNullable<ReturnType<typeof removeAgendaItem>>;
    removeAgendaItem(doc, 'item-1');
    restoreAgendaItem(doc, removed);
    restoreAgendaItem(doc, removed);
    expect(readAgenda(doc).map((i) => i.id)).toEqual(['item-0', 'item-2']);
    expect(removeAgendaItem(doc, 'nope')).toBeNull();
  });
});
