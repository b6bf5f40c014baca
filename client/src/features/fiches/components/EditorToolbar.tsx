import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useState } from 'react';
import { Button as AriaButton, ToggleButton, Toolbar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { LinkDialog } from './LinkDialog';

interface EditorToolbarProps {
  editor: Editor;
  isDisabled?: boolean;
  /** Opens the file picker, to put an image or a file in the text (absent: no such tools). */
  onPickFiles?: (kind: 'image' | 'document') => void;
}

/**
 * Formatting of the fiche: one tab stop, arrow keys move between buttons (react-aria Toolbar); toggles carry
 * aria-pressed. Every command gives the focus back to the text.
 */
export function EditorToolbar({ editor, isDisabled = false }: EditorToolbarProps) {
  const { t } = useTranslation();
  const [linking, setLinking] = useState(false);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      taskList: e.isActive('taskList'),
      link: e.isActive('link'),
      inTable: e.isActive('table'),
    }),
  });
  const chain = () => editor.chain().focus();

  const toggles = [
    {
      id: 'h2',
      label: t('fiches.editor.heading2'),
      text: 'T2',
      run: () => chain().toggleHeading({ level: 2 }).run(),
    },
    {
      id: 'h3',
      label: t('fiches.editor.heading3'),
      text: 'T3',
      run: () => chain().toggleHeading({ level: 3 }).run(),
    },
    { id: 'bold', label: t('fiches.editor.bold'), text: 'G', run: () => chain().toggleBold().run() },
    { id: 'italic', label: t('fiches.editor.italic'), text: 'I', run: () => chain().toggleItalic().run() },
    {
      id: 'bulletList',
      label: t('fiches.editor.bulletList'),
      text: '•',
      run: () => chain().toggleBulletList().run(),
    },
    {
      id: 'orderedList',
      label: t('fiches.editor.orderedList'),
      text: '1.',
      run: () => chain().toggleOrderedList().run(),
    },
    {
      id: 'taskList',
      label: t('fiches.editor.taskList'),
      text: '☑',
      run: () => chain().toggleTaskList().run(),
    },
  ] as const;

  return (
    <>
      <Toolbar aria-label={t('fiches.editor.toolbar')} className="editor-toolbar">
        {toggles.map((toggle) => (
          <ToggleButton
            key={toggle.id}
            className={`editor-toolbar__button editor-toolbar__button--${toggle.id}`}
            isSelected={state[toggle.id]}
            onChange={toggle.run}
            isDisabled={isDisabled}
            aria-label={toggle.label}
          >
            {/* The glyph is drawn by CSS: a name like "Gras" must not compete with a visible "G" (WCAG 2.5.3). */}
            <span className="editor-toolbar__glyph" data-glyph={toggle.text} aria-hidden="true" />
            <span className="editor-toolbar__tooltip" aria-hidden="true">
              {toggle.label}
            </span>
          </ToggleButton>
        ))}
        <ToggleButton
          className="editor-toolbar__button editor-toolbar__button--wide"
          isSelected={state.link}
          onChange={() => setLinking(true)}
          isDisabled={isDisabled}
        >
          {t('fiches.editor.link')}
        </ToggleButton>
        <AriaButton
          className="editor-toolbar__button editor-toolbar__button--wide"
          onPress={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
          isDisabled={isDisabled || state.inTable}
        >
          {t('fiches.editor.table')}
        </AriaButton>
      </Toolbar>
      <LinkDialog editor={editor} isOpen={linking} onOpenChange={setLinking} />
    </>
  );
}
