import type { Message } from '@affluents/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { SelectField } from '../../../components/ui/SelectField';
import { useThreads } from '../hooks';

interface MoveMessageDialogProps {
  message: Message | null;
  groupId: string;
  onMove: (messageId: string, toThreadId: string) => void;
  onClose: () => void;
}

/** A facilitator moves a message that belongs elsewhere to another thread of the group. */
export function MoveMessageDialog({ message, groupId, onMove, onClose }: MoveMessageDialogProps) {
  const { t } = useTranslation();
  const threads = useThreads(groupId);
  const [target, setTarget] = useState<string | null>(null);
  const options = (threads.data?.items ?? [])
    .filter((thread) => thread.id !== message?.threadId)
    .map((thread) => ({ id: thread.id, label: thread.title }));
  return (
    <ModalDialog
      title={t('discussions.move.title')}
      isOpen={!!message}
      onOpenChange={(open) => !open && onClose()}
    >
      <div className="form">
        <SelectField
          label={t('discussions.move.target')}
          options={options}
          value={target}
          onChange={setTarget}
        />
        <div className="dialog__actions">
          <Button onPress={onClose}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            isDisabled={!target}
            onPress={() => {
              if (message && target) onMove(message.id, target);
              onClose();
            }}
          >
            {t('discussions.move.submit')}
          </Button>
        </div>
      </div>
    </ModalDialog>
  );
}
