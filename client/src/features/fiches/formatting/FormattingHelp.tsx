import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../../components/ui/Dialog';
import { ReferenceTable } from '../../../components/ui/ReferenceTable';
import type { FormattingCommandId } from './commands';
import styles from './formatting.module.css';
import { useFormattingLabels } from './use-formatting-labels';

const withShortcuts: FormattingCommandId[] = [
  'bold',
  'italic',
  'paragraph',
  'heading2',
  'heading3',
  'heading4',
  'bulletList',
  'orderedList',
  'taskList',
  'blockquote',
];

const typed = [
  ['heading2', 'typedHeading'],
  ['bulletList', 'typedBullet'],
  ['orderedList', 'typedOrdered'],
  ['taskList', 'typedTask'],
  ['blockquote', 'typedQuote'],
  ['horizontalRule', 'typedRule'],
] as const;

/** "Aide à la mise en forme": the "/" menu, mentions, keyboard shortcuts and what typing at a line start does. */
export function FormattingHelp({
  isOpen,
  onOpenChange,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const labels = useFormattingLabels();
  return (
    <ModalDialog
      title={t('editor.help.title')}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable
      size="md"
    >
      <div className={styles.formattingHelp}>
        <h3>{t('editor.help.slashTitle')}</h3>
        <p>{t('editor.help.slashText')}</p>
        <p>{t('editor.help.mentionText')}</p>
        <h3 id="formatting-help-shortcuts">{t('editor.help.shortcutsTitle')}</h3>
        <ReferenceTable
          aria-labelledby="formatting-help-shortcuts"
          columns={[t('editor.help.action'), t('editor.help.keys')]}
          rows={withShortcuts.map((id) => ({
            id,
            cells: [labels.label(id), <kbd key="keys">{labels.shortcut(id)}</kbd>],
          }))}
        />
        <h3 id="formatting-help-typing">{t('editor.help.typingTitle')}</h3>
        <ReferenceTable
          aria-labelledby="formatting-help-typing"
          columns={[t('editor.help.action'), t('editor.help.typed')]}
          rows={typed.map(([id, key]) => ({ id, cells: [labels.label(id), t(`editor.help.${key}`)] }))}
        />
      </div>
    </ModalDialog>
  );
}
