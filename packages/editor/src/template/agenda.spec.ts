import * as Y from 'yjs';
import { AGENDA_ITEMS, addAgendaItem, readAgenda } from './agenda';

describe('meeting agenda document', () => {
  it('reads back the items in order, with their duration and owner', () => {
    const doc = new Y.Doc();
    addAgendaItem(doc, { id: 'a', title: 'Tour de table', durationMinutes: 20, ownerName: 'Sophie' });
    addAgendaItem(doc, { id: 'b', title: 'Focus mobilité', durationMinutes: 45, ownerName: null });
    expect(readAgenda(doc)).toEqual([
      { id: 'a', title: 'Tour de table', durationMinutes: 20, ownerName: 'Sophie' },
      { id: 'b', title: 'Focus mobilité', durationMinutes: 45, ownerName: null },
    ]);
  });

  it('skips malformed entries and clamps odd durations', () => {
    const doc = new Y.Doc();
    const bad = new Y.Map<unknown>();
    bad.set('title', 42);
    const odd = new Y.Map<unknown>();
    odd.set('id', 'c');
    odd.set('title', 'Divers');
    odd.set('durationMinutes', -5);
    odd.set('ownerName', '  ');
    doc.getArray(AGENDA_ITEMS).push([bad, odd]);
    expect(readAgenda(doc)).toEqual([{ id: 'c', title: 'Divers', durationMinutes: 0, ownerName: null }]);
  });
});
