import { emptySectionKeys, ficheSections } from '@affluents/editor/template';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

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
