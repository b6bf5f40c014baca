import {
  type NotificationDelivery,
  type NotificationKind,
  type NotificationKindChoice,
  type NotificationPreferences,
  notificationDeliveries,
  notificationKindDefaults,
  notificationKinds,
  notificationSections,
  type UpdateNotificationPreferencesRequest,
} from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../../components/ui/Checkbox';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { SelectField } from '../../../components/ui/SelectField';
import { Switch } from '../../../components/ui/Switch';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useNotificationPreferences, useUpdateNotificationPreferences } from '../hooks';
import styles from '../notifications.module.css';

/** The preferences as shown: the stored ones with the change being saved already applied. */
function shown(
  stored: NotificationPreferences,
  pending: UpdateNotificationPreferencesRequest | undefined,
): NotificationPreferences {
  if (!pending) return stored;
  return {
    kinds: { ...stored.kinds, ...pending.kinds } as NotificationPreferences['kinds'],
    dailyDigest: pending.dailyDigest ?? stored.dailyDigest,
  };
}

/**
 * The "Notifications" part of the profile: for each kind, grouped by section, where I get it (none, in
 * the app, app and e-mail) and whether my phone rings; and the daily digest. Each change is saved at once
 * (and says so), independent of the profile form around it.
 */
export function NotificationPreferencesSection() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const preferences = useNotificationPreferences();
  const update = useUpdateNotificationPreferences();

  const save = (change: UpdateNotificationPreferencesRequest) =>
    update.mutate(change, {
      onSuccess: () => notify.success(t('notifications.preferences.saved')),
      onError: (error) => notify.error(t('notifications.preferences.failed'), errorMessage(error)),
    });

  const deliveryOptions = notificationDeliveries.map((delivery) => ({
    id: delivery,
    label: t(`notifications.preferences.delivery.${delivery}`),
  }));

  const saveKind = (kind: NotificationKind, choice: NotificationKindChoice) =>
    save({ kinds: { [kind]: choice } });

  return (
    <fieldset className={styles.preferences}>
      <legend className={styles.preferencesLegend}>{t('notifications.preferences.title')}</legend>
      {preferences.isPending ? (
        <LoadingState />
      ) : preferences.isError ? (
        <ErrorState error={preferences.error} onRetry={() => preferences.refetch()} />
      ) : (
        (() => {
          const current = shown(preferences.data, update.isPending ? update.variables : undefined);
          return (
            <>
              <p className="muted">{t('notifications.preferences.intro')}</p>
              {notificationSections.map((section) => (
                <fieldset key={section} className={styles.preferenceSection}>
                  <legend className={styles.preferenceSectionLegend}>
                    {t(`notifications.preferences.sections.${section}`)}
                  </legend>
                  {notificationKinds
                    .filter((kind) => notificationKindDefaults[kind].section === section)
                    .map((kind) => {
                      const choice = current.kinds[kind];
                      const kindLabel = t(`notifications.preferences.kinds.${kind}`);
                      return (
                        <div key={kind} className={styles.preferenceRow}>
                          <span className={styles.preferenceKind} aria-hidden="true">
                            {kindLabel}
                          </span>
                          <div className={styles.preferenceControls}>
                            <SelectField
                              className={styles.preferenceSelect}
                              label={t('notifications.preferences.deliveryLabel', { kind: kindLabel })}
                              isLabelHidden
                              options={deliveryOptions}
                              value={choice.delivery}
                              isDisabled={update.isPending}
                              onChange={(value) =>
                                value &&
                                value !== choice.delivery &&
                                saveKind(kind, { ...choice, delivery: value as NotificationDelivery })
                              }
                            />
                            <Checkbox
                              aria-label={t('notifications.preferences.pushLabel', { kind: kindLabel })}
                              isSelected={choice.push && choice.delivery !== 'none'}
                              isDisabled={update.isPending || choice.delivery === 'none'}
                              onChange={(push) => saveKind(kind, { ...choice, push })}
                            >
                              {t('notifications.preferences.push')}
                            </Checkbox>
                          </div>
                        </div>
                      );
                    })}
                </fieldset>
              ))}
              <Switch
                label={t('notifications.preferences.dailyDigest')}
                description={t('notifications.preferences.dailyDigestHelp')}
                isSelected={current.dailyDigest}
                isDisabled={update.isPending}
                onChange={(dailyDigest) => save({ dailyDigest })}
              />
            </>
          );
        })()
      )}
    </fieldset>
  );
}
