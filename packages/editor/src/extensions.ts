import { type AnyExtension, Extension } from '@tiptap/core';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import { CharacterCount, Placeholder } from '@tiptap/extensions';
import StarterKit from '@tiptap/starter-kit';
import { ficheSections } from './template/sections';

const hintBySection = new Map<string, string>(
  ficheSections.flatMap((s) => [
    [s.key, s.hint] as const,
    ...(s.parts ?? []).map((p) => [`${s.key}.${p.key}`, p.hint] as const),
  ]),
);

/**
 * Keeps the template section key of a heading (`section` attribute, rendered as data-section), so
 * the side panel and the server can tell which section a paragraph belongs to.
 */
export const SectionHeadings = Extension.create({
  name: 'sectionHeadings',
  addGlobalAttributes() {
    return [
      {
        types: ['heading'],
        attributes: {
          section: {
            default: null,
            parseHTML: (element: HTMLElement) => element.getAttribute('data-section'),
            renderHTML: (attrs: { section?: string | null }) =>
              attrs.section ? { 'data-section': attrs.section } : {},
          },
        },
      },
    ];
  },
});

/** The French hint of the section an empty paragraph sits in, found from the heading just before it. */
export function hintForSection(sectionKey: string | null | undefined): string | undefined {
  return sectionKey ? hintBySection.get(sectionKey) : undefined;
}

/**
 * The extensions of a fiche document, shared by every editor. Undo/redo is left out: with
 * collaboration, history comes from Yjs (the client adds Collaboration and CollaborationCaret).
 */
export function ficheExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3, 4] }, link: { openOnClick: false } }),
    SectionHeadings,
    TaskList,
    TaskItem.configure({ nested: true }),
    TableKit.configure({ table: { resizable: false } }),
    CharacterCount,
    Placeholder.configure({
      includeChildren: false,
      placeholder: ({ editor, node, pos }) => {
        if (node.type.name !== 'paragraph') return '';
        const before = editor.state.doc.resolve(pos).nodeBefore;
        const section = before?.type.name === 'heading' ? (before.attrs.section as string | null) : null;
        return hintForSection(section) ?? '';
      },
    }),
  ];
}
