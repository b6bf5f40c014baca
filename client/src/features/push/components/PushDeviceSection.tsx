import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { usePushDevice } from '../hooks';
import styles from '../push.module.css';

/** In the profile: « Notifications sur cet appareil », whether this browser gets them, on and off. */
export function PushDeviceSection() {
  const { t } = useTranslation();
  const id = useId();
  const { state, pending, outcome, enable, disable } = usePushDevice();

  const status =
    state === 'unsupported'
      ? t('push.unsupported')
      : state === 'denied'
        ? t('push.denied')
        : state === 'on'
          ? t('push.on')
          : state === 'off'
            ? t('push.off')
            : null;
  const message =
    outcome === 'enabled'
      ? t('push.enabled')
      : outcome === 'disabled'
        ? t('push.disabled')
        : outcome === 'dismissed'
          ? t('push.dismissed')
          : outcome === 'failed'
            ? t('push.failed')
            : null;

  return (
    <section className={`stack ${styles.section}`} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={styles.title}>
        {t('push.title')}
      </h3>
      <p className="muted">{t('push.help')}</p>
      <p role="status">{status}</p>
      {(state === 'off' || state === 'on') && (
        <div className={styles.actions}>
          {state === 'off' ? (
            <Button size="sm" variant="secondary" isPending={pending} onPress={() => void enable()}>
              {t('push.enable')}
            </Button>
          ) : (
            <Button size="sm" variant="ghost" isPending={pending} onPress={() => void disable()}>
              {t('push.disable')}
            </Button>
          )}
        </div>
      )}
      {message && (
        <p className={outcome === 'failed' || outcome === 'dismissed' ? 'form-error' : 'muted'} role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
