import {
  Button,
  Text,
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastQueue as ToastQueue,
  UNSTABLE_ToastRegion as ToastRegion,
} from 'react-aria-components';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import styles from './toast.module.css';

interface ToastMessage {
  tone: 'success' | 'error';
  title: string;
  description?: string;
  /** A button in the toast, e.g. « Annuler » after a removal; pressing it closes the toast. */
  action?: { label: string; onAction: () => void };
}

/** One queue for the whole app: mutations report their outcome here and screen readers announce it. */
export const toastQueue = new ToastQueue<ToastMessage>({
  maxVisibleToasts: 3,
  wrapUpdate(update) {
    if (typeof document !== 'undefined' && 'startViewTransition' in document) {
      document.startViewTransition(() => flushSync(update));
    } else {
      update();
    }
  },
});

export const notify = {
  success: (title: string, description?: string) =>
    toastQueue.add({ tone: 'success', title, description }, { timeout: 6000 }),
  /** A change that can be taken back for a while: the toast offers the button (10 s). */
  undoable: (title: string, label: string, onUndo: () => void) =>
    toastQueue.add({ tone: 'success', title, action: { label, onAction: onUndo } }, { timeout: 10000 }),
  // Errors stay until dismissed: a person may need time to read them.
  error: (title: string, description?: string) => toastQueue.add({ tone: 'error', title, description }),
};

/** Renders the toasts; place once in the layout. */
export function Toasts() {
  const { t } = useTranslation();
  return (
    <ToastRegion queue={toastQueue} className={styles.region} aria-label={t('common.notifications')}>
      {({ toast }) => (
        <Toast toast={toast} className={`${styles.toast} ${styles[toast.content.tone]}`}>
          <span className={styles.icon} aria-hidden="true">
            {toast.content.tone === 'success' ? '✓' : '!'}
          </span>
          <ToastContent className={styles.content}>
            <Text slot="title" className={styles.title}>
              {toast.content.title}
            </Text>
            {toast.content.description && (
              <Text slot="description" className={styles.description}>
                {toast.content.description}
              </Text>
            )}
          </ToastContent>
          {toast.content.action && (
            <Button
              className={styles.action}
              onPress={() => {
                toast.content.action?.onAction();
                toastQueue.close(toast.key);
              }}
            >
              {toast.content.action.label}
            </Button>
          )}
          <Button slot="close" className={styles.close} aria-label={t('common.close')}>
            <span aria-hidden="true">×</span>
          </Button>
        </Toast>
      )}
    </ToastRegion>
  );
}
