import { type AnyExtension, Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { PluginKey } from '@tiptap/pm/state';
import { ReactRenderer } from '@tiptap/react';
import { exitSuggestion, Suggestion, type SuggestionProps } from '@tiptap/suggestion';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { describeEditor, listKey } from '../editor-combobox';
import type { PickFiles } from './commands';
import styles from './formatting.module.css';
import { SlashMenuList, type SlashMenuListProps } from './SlashMenuList';
import { type SlashContext, type SlashItem, slashItems } from './slash-items';
import { useFormattingLabels } from './use-formatting-labels';

export const slashMenuKey = new PluginKey('slashMenu');

let lists = 0;

/**
 * The "/" menu of an editor: "/" typed at the start of a line or after a space opens the list of blocks to
 * insert (headings, lists, table…), filtered by the letters typed after it; arrows move, Enter or Tab
 * picks, Escape closes and leaves the "/" as typed. `context()` is read each time (labels and the file
 * picker may change after the editor is built).
 */
export function slashMenu(
  context: () => SlashContext & { listLabel: string; hint: string; keysHint: string },
): AnyExtension {
  return Extension.create({
    name: 'slashMenu',
    addProseMirrorPlugins() {
      return [
        Suggestion<SlashItem, SlashItem>({
          editor: this.editor,
          pluginKey: slashMenuKey,
          char: '/',
          floatingUi: { strategy: 'fixed' },
          dismissOnOutsideClick: true,
          // Not in the template's section titles (they keep their style), nor for a "/" a co-author typed.
          allow: ({ state, range }) => {
            const parent = state.doc.resolve(range.from).parent;
            return !(parent.type.name === 'heading' && parent.attrs.section) && !parent.type.spec.code;
          },
          shouldShow: ({ transaction }) => !isChangeOrigin(transaction),
          items: ({ query }) => slashItems(query, context()),
          command: ({ editor, range, props: item }) => item.run(editor, range),
          render: () => {
            const listId = `fiche-slash-${++lists}`;
            let renderer: ReactRenderer<unknown, SlashMenuListProps> | null = null;
            let props: SuggestionProps<SlashItem, SlashItem> | null = null;
            let unmount: (() => void) | null = null;
            let active = 0;

            const draw = () => {
              if (!renderer || !props) return;
              const items = props.items;
              if (active >= items.length) active = 0;
              const open = items.length > 0;
              renderer.updateProps({ items, active });
              describeEditor(props.editor, open ? listId : null, open ? `${listId}-${active}` : null);
            };
            const pick = (item: SlashItem) => props?.command(item);
            const hover = (index: number) => {
              active = index;
              draw();
            };

            return {
              onStart(start) {
                props = start;
                active = 0;
                renderer = new ReactRenderer(SlashMenuList, {
                  editor: start.editor,
                  props: {
                    id: listId,
                    label: context().listLabel,
                    hint: context().hint,
                    keysHint: context().keysHint,
                    items: [],
                    active,
                    onPick: pick,
                    onHover: hover,
                  },
                });
                renderer.element.className = styles.slashMenuFrame;
                const element = renderer.element as HTMLElement;
                // Floating UI places the list under the "/" (above it when there is no room below); it is
                // kept inside the screen's width, 390 px phones too.
                unmount = start.mount(element, {
                  onPosition: ({ x, y, strategy }) => {
                    const width = element.offsetWidth;
                    const left = Math.max(8, Math.min(x, window.innerWidth - width - 8));
                    Object.assign(element.style, { position: strategy, left: `${left}px`, top: `${y}px` });
                  },
                });
                draw();
              },
              onUpdate(update) {
                props = update;
                draw();
              },
              onKeyDown({ event, view }) {
                const items = props?.items ?? [];
                if (event.key === 'Escape') {
                  exitSuggestion(view, slashMenuKey);
                  return true;
                }
                if (items.length === 0) return false;
                const move = listKey(event.key, items.length, active);
                if (move === null) return false;
                if (move === 'pick') pick(items[active]);
                else {
                  active = move;
                  draw();
                }
                return true;
              },
              onExit() {
                if (props) describeEditor(props.editor, null, null);
                unmount?.();
                renderer?.destroy();
                renderer = null;
                unmount = null;
                props = null;
              },
            };
          },
        }),
      ];
    },
  });
}

/**
 * The "/" menu extension for one editor, built once; it reads the latest labels, file picker and mention
 * setting at each keystroke.
 */
export function useSlashMenu(options: { pickFiles?: PickFiles; mentions: boolean }): AnyExtension {
  const { t } = useTranslation();
  const labels = useFormattingLabels();
  const texts = {
    listLabel: t('editor.slash.label'),
    hint: t('editor.slash.hint'),
    keysHint: t('editor.slash.keysHint'),
  };
  const latest = useRef({ ...options, labels, ...texts });
  latest.current = { ...options, labels, ...texts };
  return useMemo(() => slashMenu(() => latest.current), []);
}
