import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ficheSections } from './template/sections';

const hintBySection = new Map<string, string>(
  ficheSections.flatMap((s) => [
    [s.key, s.hint] as const,
    ...(s.parts ?? []).map((p) => [`${s.key}.${p.key}`, p.hint] as const),
  ]),
);

/** The French hint of a section or sub-section key. */
export function hintForSection(sectionKey: string | null | undefined): string | undefined {
  return sectionKey ? hintBySection.get(sectionKey) : undefined;
}

/**
 * Shows each section's French hint in the empty paragraph under its heading, to writers. Tiptap's
 * Placeholder is not used: its callback resolves positions of the new document in the editor's previous
 * state and throws (RangeError) when a remote change grows the document; here the hints are computed
 * from the state being drawn.
 */
export const SectionHints = Extension.create({
  name: 'sectionHints',
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey('sectionHints'),
        props: {
          decorations: (state) => {
            if (!editor.isEditable) return null;
            const decorations: Decoration[] = [];
            let previous: PMNode | null = null;
            state.doc.forEach((node, offset) => {
              if (
                node.type.name === 'paragraph' &&
                node.content.size === 0 &&
                previous?.type.name === 'heading'
              ) {
                const hint = hintForSection(previous.attrs.section as string | null);
                if (hint)
                  decorations.push(
                    Decoration.node(offset, offset + node.nodeSize, {
                      class: 'is-empty',
                      'data-placeholder': hint,
                    }),
                  );
              }
              previous = node;
            });
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ];
  },
});
