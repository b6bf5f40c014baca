import type { Editor } from '@tiptap/core';
import { useTranslation } from 'react-i18next';
import { Toolbar, UnstyledButton } from '../../../components/ui';
import styles from './formatting.module.css';

const actions = ['addRowAfter', 'addColumnAfter', 'deleteRow', 'deleteColumn', 'deleteTable'] as const;

/** The table's tools, in words, shown while the caret is in a table; each gives the focus back to the text. */
export function TableTools({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  return (
    <Toolbar aria-label={t('editor.table.toolbar')} className={`${styles.toolbar} ${styles.toolbarTable}`}>
      {actions.map((id) => (
        <UnstyledButton
          key={id}
          className={`${styles.tool} ${styles.toolWorded} editor-tool--text${id === 'deleteTable' ? ` ${styles.toolDanger}` : ''}`}
          onPress={() => editor.chain().focus()[id]().run()}
        >
          <span className={`${styles.toolWord} ${styles.toolWordAlways}`}>{t(`editor.table.${id}`)}</span>
        </UnstyledButton>
      ))}
    </Toolbar>
  );
}
