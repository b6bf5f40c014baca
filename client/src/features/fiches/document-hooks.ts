import { emptySectionKeys, ficheSections } from '@affluents/editor/template';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { ficheKeys } from './hooks';

// Hooks of the fiche page that read the shared document; kept apart from ./hooks so that the group home,
// which lists fiches, does not load Yjs.

const allSectionKeys = ficheSections.map((s) => s.key);

/**
 * The template sections that have no text yet, computed from the shared document and refreshed shortly after
 * each change (typing a sentence recomputes once, not once per key).
 */
export function useEmptySections(doc: Y.Doc | null, delay = 250): string[] {
  const [empty, setEmpty] = useState<string[]>(() => (doc ? emptySectionKeys(doc) : [...allSectionKeys]));
  useEffect(() => {
    if (!doc) return;
    setEmpty(emptySectionKeys(doc));
    let timer: number | undefined;
    const onUpdate = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setEmpty(emptySectionKeys(doc)), delay);
    };
    doc.on('update', onUpdate);
    return () => {
      window.clearTimeout(timer);
      doc.off('update', onUpdate);
    };
  }, [doc, delay]);
  return empty;
}

type Awareness = WebsocketProvider['awareness'];
const SAVED_FIELD = 'ficheSavedAt';

/**
 * Metadata and status are saved through the API, not in the shared document. After a save, this tab says so in
 * its awareness state; the other tabs on the fiche see it and reload the fiche, so everyone sees the change live.
 * Returns the function to call after a successful save.
 */
export function useFicheChangeSignals(awareness: Awareness | null, ficheId: string): () => void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!awareness) return;
    const seen = new Map<number, number>();
    // A save older than this page is already in the fiche it loaded.
    const mountedAt = Date.now();
    const onChange = () => {
      let changed = false;
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const savedAt = (state as Record<string, unknown>)[SAVED_FIELD];
        if (typeof savedAt !== 'number') continue;
        const previous = seen.get(clientId);
        seen.set(clientId, savedAt);
        if (previous !== undefined && savedAt > previous) changed = true;
        if (previous === undefined && savedAt > mountedAt) changed = true;
      }
      if (changed) void queryClient.invalidateQueries({ queryKey: ficheKeys.detail(ficheId) });
    };
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness, ficheId, queryClient]);
  return useCallback(() => awareness?.setLocalStateField(SAVED_FIELD, Date.now()), [awareness]);
}
