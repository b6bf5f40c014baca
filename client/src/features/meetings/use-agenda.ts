import { type AgendaItemData, readAgenda } from '@affluents/editor/template';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { AGENDA_ITEMS } from './agenda-model';

/** The agenda's items, re-read whenever anyone changes the shared document. */
export function useAgendaItems(doc: Y.Doc | null): AgendaItemData[] {
  const [items, setItems] = useState<AgendaItemData[]>([]);
  useEffect(() => {
    if (!doc) return setItems([]);
    const array = doc.getArray(AGENDA_ITEMS);
    const refresh = () => setItems(readAgenda(doc));
    refresh();
    array.observeDeep(refresh);
    return () => array.unobserveDeep(refresh);
  }, [doc]);
  return items;
}
