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
import { useTakeFicheVersion } from '../hooks';

interface TakeVersionDialogProps {
  ficheId: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onTaken?: () => void;
}

/** Names and keeps the current text as a version, without changing the fiche's status. */
export function TakeVersionDialog({ ficheId, isOpen, onOpenChange, onTaken }: TakeVersionDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const take = useTakeFicheVersion(ficheId);
  const [label, setLabel] = useState('');
  const { reset } = take;

  useEffect(() => {
    if (isOpen) {
      setLabel('');
      reset();
    }
  }, [isOpen, reset]);

  return (
    <ModalDialog title={t('fiches.versions.takeDialog.title')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <Form
        className="form"
        validationErrors={isApiError(take.error) ? take.error.fieldErrorMap : undefined}
        onSubmit={(event) => {
          event.preventDefault();
          const name = label.trim();
          take.mutate(
            { label: name },
            {
              onSuccess: () => {
                notify.success(t('fiches.versions.takeDialog.taken', { label: name }));
                onTaken?.();
                onOpenChange(false);
              },
            },
          );
        }}
      >
        <p className="muted">{t('fiches.versions.takeDialog.intro')}</p>
        <TextField
          name="label"
          label={t('fiches.versions.takeDialog.label')}
          description={t('fiches.versions.takeDialog.labelHelp')}
          value={label}
          onChange={setLabel}
          isRequired
          autoFocus
          validate={maxLength(t, 120)}
        />
        <FormError message={take.error ? errorMessage(take.error) : null} />
        <div className="dialog__actions">
          <Button onPress={() => onOpenChange(false)} isDisabled={take.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isPending={take.isPending}>
            {t('fiches.versions.takeDialog.submit')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
