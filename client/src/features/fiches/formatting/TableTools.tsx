import type { Editor } from '@tiptap/core';
import { useTranslation } from 'react-i18next';
import { Toolbar, UnstyledButton } from '../../../components/ui';

const actions = ['addRowAfter', 'addColumnAfter', 'deleteRow', 'deleteColumn', 'deleteTable'] as const;

/** The table's tools, in words, shown while the caret is in a table; each gives the focus back to the text. */
export function TableTools({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  return (
    <Toolbar aria-label={t('editor.table.toolbar')} className="editor-toolbar editor-toolbar--table">
      {actions.map((id) => (
        <UnstyledButton
          key={id}
          className={`editor-tool editor-tool--worded editor-tool--text${id === 'deleteTable' ? ' editor-tool--danger' : ''}`}
          onPress={() => editor.chain().focus()[id]().run()}
        >
          <span className="editor-tool__word editor-tool__word--always">{t(`editor.table.${id}`)}</span>
        </UnstyledButton>
      ))}
    </Toolbar>
  );
}
