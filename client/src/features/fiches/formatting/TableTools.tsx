import type { Editor } from '@tiptap/core';
import { BetweenHorizontalEnd, BetweenVerticalEnd, type LucideIcon, Trash2 } from 'lucide-react';
import { Button as AriaButton, Toolbar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

type TableAction = 'addRowAfter' | 'addColumnAfter' | 'deleteRow' | 'deleteColumn' | 'deleteTable';

const actions: { id: TableAction; icon?: LucideIcon }[] = [
  { id: 'addRowAfter', icon: BetweenHorizontalEnd },
  { id: 'addColumnAfter', icon: BetweenVerticalEnd },
  { id: 'deleteRow' },
  { id: 'deleteColumn' },
  { id: 'deleteTable', icon: Trash2 },
];

/** The table's tools, in words, shown while the caret is in a table; each gives the focus back to the text. */
export function TableTools({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  return (
    <Toolbar aria-label={t('editor.table.toolbar')} className="editor-toolbar editor-toolbar--table">
      {actions.map(({ id, icon: Icon }) => (
        <AriaButton
          key={id}
          className={`editor-tool editor-tool--worded editor-tool--text${id === 'deleteTable' ? ' editor-tool--danger' : ''}`}
          onPress={() => editor.chain().focus()[id]().run()}
        >
          {Icon && <Icon className="editor-tool__icon" aria-hidden="true" focusable="false" />}
          <span className="editor-tool__word editor-tool__word--always">{t(`editor.table.${id}`)}</span>
        </AriaButton>
      ))}
    </Toolbar>
  );
}
