import { emptySectionKeys, ficheSections } from '@affluents/editor/template';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

// Hooks of the fiche page that read the shared document; kept apart from ./hooks so that the group home,
// which lists fiches, does not load Yjs.

const allSectionKeys = ficheSections.map((s) => s.key);

/**
 * The template sections that have no text yet, computed from the shared document at most once per `interval`
 * while it changes (a throttle, not a debounce: the panel follows along while people keep typing, instead
 * of waiting for every typist to pause; one sentence still costs a few computations, not one per key).
 */
export function useEmptySections(doc: Y.Doc | null, interval = 250): string[] {
  const [empty, setEmpty] = useState<string[]>(() => (doc ? emptySectionKeys(doc) : [...allSectionKeys]));
  useEffect(() => {
    if (!doc) return;
    const refresh = () =>
      setEmpty((current) => {
        const next = emptySectionKeys(doc);
        return next.join('\n') === current.join('\n') ? current : next;
      });
    refresh();
    let timer: number | undefined;
    // The computation runs at the end of the interval, on the document as it is then: every change made
    // during the interval is counted, and the next change opens a new interval.
    const onUpdate = () => {
      if (timer !== undefined) return;
      timer = window.setTimeout(() => {
        timer = undefined;
        refresh();
      }, interval);
    };
    doc.on('update', onUpdate);
    return () => {
      window.clearTimeout(timer);
      doc.off('update', onUpdate);
    };
  }, [doc, interval]);
  return empty;
}
