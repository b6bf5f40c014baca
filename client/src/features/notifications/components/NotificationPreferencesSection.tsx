import type { NotificationPreferences } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { Switch } from '../../../components/ui/Switch';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useNotificationPreferences, useUpdateNotificationPreferences } from '../hooks';
import styles from '../notifications.module.css';

const preferenceKeys = ['emailMentions', 'dailyDigest'] as const satisfies ReadonlyArray<
  keyof NotificationPreferences
>;

/**
 * The "Notifications" part of the profile: which emails I receive. Each switch is saved as soon as it
 * changes (and says so), independent of the profile form around it.
 */
export function NotificationPreferencesSection() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const preferences = useNotificationPreferences();
  const update = useUpdateNotificationPreferences();

  return (
    <fieldset className={styles.preferences}>
      <legend className={styles.preferencesLegend}>{t('notifications.preferences.title')}</legend>
      {preferences.isPending ? (
        <LoadingState />
      ) : preferences.isError ? (
        <ErrorState error={preferences.error} onRetry={() => preferences.refetch()} />
      ) : (
        <>
          <p className="muted">{t('notifications.preferences.intro')}</p>
          {preferenceKeys.map((key) => (
            <Switch
              key={key}
              label={t(`notifications.preferences.${key}`)}
              description={t(`notifications.preferences.${key}Help`)}
              isSelected={(update.isPending ? update.variables : preferences.data)?.[key] ?? false}
              isDisabled={update.isPending}
              onChange={(selected) =>
                update.mutate(
                  { ...preferences.data, [key]: selected },
                  {
                    onSuccess: () => notify.success(t('notifications.preferences.saved')),
                    onError: (error) =>
                      notify.error(t('notifications.preferences.failed'), errorMessage(error)),
                  },
                )
              }
            />
          ))}
        </>
      )}
    </fieldset>
  );
}
