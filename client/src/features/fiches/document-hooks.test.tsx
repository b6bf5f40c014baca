import { FICHE_FRAGMENT, ficheTemplateUpdate } from '@affluents/editor/template';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { useEmptySections } from './document-hooks';

/** The empty paragraph under a section's heading, where a writer types. */
function paragraphUnder(doc: Y.Doc, section: string): Y.XmlElement {
  const nodes = doc.getXmlFragment(FICHE_FRAGMENT).toArray() as Y.XmlElement[];
  const heading = nodes.findIndex((n) => n.nodeName === 'heading' && n.getAttribute('section') === section);
  return nodes[heading + 1];
}

describe('useEmptySections', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('follows a section being filled while its writer keeps typing, without waiting for a pause', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, ficheTemplateUpdate());
    const { result } = renderHook(() => useEmptySections(doc, 250));
    expect(result.current).toContain('contexte');

    // A writer types a key every 100 ms for two seconds (never pausing as long as the interval).
    const text = new Y.XmlText();
    paragraphUnder(doc, 'contexte').insert(0, [text]);
    const sentence = 'À Jambes, beaucoup de stagiaires.';
    let filledAfter: number | null = null;
    for (let key = 0; key < 20; key++) {
      act(() => {
        text.insert(text.length, sentence[key]);
        vi.advanceTimersByTime(100);
      });
      if (filledAfter === null && !result.current.includes('contexte')) filledAfter = (key + 1) * 100;
    }
    console.info(`the panel saw the section filled ${filledAfter} ms after the first key, typing not paused`);
    expect(filledAfter).not.toBeNull();
    expect(filledAfter).toBeLessThanOrEqual(300);

    // Emptying it again shows as well, once the interval is over.
    act(() => {
      text.delete(0, text.length);
      vi.advanceTimersByTime(250);
    });
    expect(result.current).toContain('contexte');
  });
});
