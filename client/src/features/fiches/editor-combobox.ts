import type { Editor } from '@tiptap/core';

/**
 * Sets or clears the combobox attributes of the editor while one of its suggestion lists ("@", "/") is
 * open: the focus stays in the text, which names the list and its active option.
 */
export function describeEditor(editor: Editor, listId: string | null, activeId: string | null): void {
  const dom = editor.view.dom;
  for (const [name, value] of [
    ['aria-controls', listId],
    ['aria-autocomplete', listId ? 'list' : null],
    ['aria-activedescendant', activeId],
  ] as const) {
    if (value) dom.setAttribute(name, value);
    else dom.removeAttribute(name);
  }
}

/**
 * The keys both suggestion lists share: the arrows move the active option (wrapping around), Enter and
 * Tab pick it. Returns the new active index, 'pick', or null when the key is not the list's.
 */
export function listKey(key: string, count: number, active: number): number | 'pick' | null {
  if (key === 'ArrowDown' || key === 'ArrowUp')
    return (active + (key === 'ArrowDown' ? 1 : -1) + count) % count;
  if (key === 'Enter' || key === 'Tab') return 'pick';
  return null;
}
