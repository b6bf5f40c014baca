import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { TextField } from '../../../components/ui/TextField';
import { notify } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useCalendarFeed, useRotateCalendarFeed } from '../hooks';
import styles from '../meetings.module.css';

/** In the profile: my personal calendar feed address (secret), to copy, and to replace if it leaked. */
export function CalendarFeedSection() {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const feed = useCalendarFeed(true);
  const rotate = useRotateCalendarFeed();
  const [confirming, setConfirming] = useState(false);
  const url = feed.data?.url ?? '';
  // The server keeps only a hash of the secret: an existing address cannot be shown twice (409).
  const hidden = feed.isError && isApiError(feed.error, 'conflict');

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      notify.success(t('meetings.feed.copied'));
    } catch {
      // Without clipboard access (insecure page, refused permission) the field stays there to copy by hand.
      document.getElementById(`${id}-url`)?.focus();
    }
  }

  return (
    <section className={`stack ${styles.calendarFeed}`} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={styles.calendarFeedTitle}>
        {t('meetings.feed.title')}
      </h3>
      <p className="muted">{t('meetings.feed.help')}</p>
      {/* An address already shown once cannot be shown again: no empty field, only the way to a new one. */}
      {!hidden && (
        <TextField
          id={`${id}-url`}
          label={t('meetings.feed.label')}
          inputClassName={`calendar-feed__url ${styles.calendarFeedUrl}`}
          isReadOnly
          value={feed.isError ? '' : url}
          onFocus={(e) => (e.target as HTMLInputElement).select()}
        />
      )}
      {hidden && <p className="muted">{t('meetings.feed.hidden')}</p>}
      {feed.isError && !hidden && <p className="form-error">{errorMessage(feed.error)}</p>}
      <div className={styles.calendarFeedActions}>
        {!hidden && (
          <Button size="sm" isDisabled={!url} onPress={() => void copy()}>
            {t('meetings.feed.copy')}
          </Button>
        )}
        <Button size="sm" variant={hidden ? 'secondary' : 'ghost'} onPress={() => setConfirming(true)}>
          {t('meetings.feed.rotate')}
        </Button>
      </div>
      <ConfirmDialog
        title={t('meetings.feed.rotate')}
        isOpen={confirming}
        onOpenChange={setConfirming}
        confirmLabel={t('meetings.feed.rotate')}
        tone="primary"
        isPending={rotate.isPending}
        error={rotate.error ? errorMessage(rotate.error) : null}
        onConfirm={() =>
          rotate.mutate(undefined, {
            onSuccess: () => {
              notify.success(t('meetings.feed.rotated'));
              setConfirming(false);
            },
          })
        }
      >
        <p>{t('meetings.feed.rotateText')}</p>
      </ConfirmDialog>
    </section>
  );
}
