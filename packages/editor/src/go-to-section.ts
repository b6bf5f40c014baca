import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';

/** Moves the text to the heading of a template section (and, for writers, the cursor just under it). */
export function goToSection(editor: Editor, sectionKey: string) {
  let headingPos = -1;
  editor.state.doc.descendants((node, pos) => {
    if (headingPos >= 0) return false;
    if (node.type.name === 'heading' && node.attrs.section === sectionKey) headingPos = pos;
    return headingPos < 0;
  });
  if (headingPos < 0) return;
  const heading = editor.state.doc.nodeAt(headingPos);
  const dom = editor.view.nodeDOM(headingPos);
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  if (dom instanceof HTMLElement)
    dom.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
  if (!editor.isEditable || !heading) return;
  const after = Math.min(headingPos + heading.nodeSize + 1, editor.state.doc.content.size);
  editor
    .chain()
    .command(({ tr }) => {
      tr.setSelection(TextSelection.near(tr.doc.resolve(after)));
      return true;
    })
    .focus(undefined, { scrollIntoView: false })
    .run();
}
