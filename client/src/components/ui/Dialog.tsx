import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import styles from './Dialog.module.css';

interface ModalDialogProps {
  title: string;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  children: ReactNode;
  /** Closing by a click outside would lose a half-filled form: keep it off for forms. */
  isDismissable?: boolean;
  size?: 'sm' | 'md' | 'lg';
  role?: 'dialog' | 'alertdialog';
}

/** A modal dialog: focus trapped inside, Escape closes, focus returns to the trigger. */
export function ModalDialog({
  title,
  isOpen,
  onOpenChange,
  children,
  isDismissable = false,
  size = 'md',
  role = 'dialog',
}: ModalDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalOverlay
      className={styles.overlay}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={isDismissable}
      isKeyboardDismissDisabled={false}
    >
      <Modal className={[styles.modal, size !== 'md' && styles[size]].filter(Boolean).join(' ')}>
        <Dialog className={styles.dialog} role={role}>
          {({ close }) => (
            <>
              <div className={styles.header}>
                <Heading slot="title" className={styles.title}>
                  {title}
                </Heading>
                <Button
                  variant="ghost"
                  size="sm"
                  onPress={close}
                  aria-label={t('common.close')}
                  className={styles.close}
                >
                  <span aria-hidden="true">×</span>
                </Button>
              </div>
              <div className={styles.body}>{children}</div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
