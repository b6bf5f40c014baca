import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { ModalDialog } from './Dialog';
import { FormError } from './FormError';

interface ConfirmDialogProps {
  title: string;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  onConfirm: () => void;
  confirmLabel: string;
  children: ReactNode;
  isPending?: boolean;
  error?: string | null;
  tone?: 'danger' | 'primary';
}

/** Asks before an action that is hard to undo; stays open with the error if the action fails. */
export function ConfirmDialog({
  title,
  isOpen,
  onOpenChange,
  onConfirm,
  confirmLabel,
  children,
  isPending,
  error,
  tone = 'danger',
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog title={title} isOpen={isOpen} onOpenChange={onOpenChange} size="sm" role="alertdialog">
      <div className="stack">
        {children}
        <FormError message={error} />
        <div className="dialog__actions">
          <Button variant="secondary" onPress={() => onOpenChange(false)} isDisabled={isPending}>
            {t('common.cancel')}
          </Button>
          <Button variant={tone} onPress={onConfirm} isPending={isPending} autoFocus>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </ModalDialog>
  );
}
