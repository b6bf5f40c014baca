import type { CurrentUser } from '@affluents/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { Form } from '../../../components/ui/Form';
import { FormError } from '../../../components/ui/FormError';
import { TextField } from '../../../components/ui/TextField';
import { notify } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/use-error-message';
import { maxLength } from '../../../lib/validators';
import { CalendarFeedSection } from '../../meetings/components/CalendarFeedSection';
import { NotificationPreferencesSection } from '../../notifications/components/NotificationPreferencesSection';
import { PushDeviceSection } from '../../push/components/PushDeviceSection';
import { useUpdateProfile } from '../hooks';

interface ProfileDialogProps {
  user: CurrentUser;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Lets users fix the name and job title their groups see. */
export function ProfileDialog({ user, isOpen, onOpenChange }: ProfileDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const update = useUpdateProfile();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [jobTitle, setJobTitle] = useState(user.jobTitle ?? '');
  const { reset } = update;

  useEffect(() => {
    if (isOpen) {
      setDisplayName(user.displayName);
      setJobTitle(user.jobTitle ?? '');
      reset();
    }
  }, [isOpen, user, reset]);

  return (
    <ModalDialog title={t('profile.title')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <Form
        className="form"
        validationErrors={isApiError(update.error) ? update.error.fieldErrorMap : undefined}
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate(
            { displayName: displayName.trim(), jobTitle: jobTitle.trim() || null },
            {
              onSuccess: () => {
                notify.success(t('profile.saved'));
                onOpenChange(false);
              },
            },
          );
        }}
      >
        <p className="muted">{t('profile.email', { email: user.email })}</p>
        <TextField
          name="displayName"
          label={t('profile.displayName')}
          value={displayName}
          onChange={setDisplayName}
          isRequired
          autoComplete="name"
          validate={maxLength(t, 80)}
        />
        <TextField
          name="jobTitle"
          label={t('profile.jobTitle')}
          description={t('profile.jobTitleHelp')}
          value={jobTitle}
          onChange={setJobTitle}
          autoComplete="organization-title"
          validate={maxLength(t, 120, false)}
        />
        <FormError message={update.error ? errorMessage(update.error) : null} />
        <div className="dialog__actions">
          <Button onPress={() => onOpenChange(false)}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" isPending={update.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </Form>
      <NotificationPreferencesSection />
      <PushDeviceSection />
      <CalendarFeedSection />
    </ModalDialog>
  );
}
