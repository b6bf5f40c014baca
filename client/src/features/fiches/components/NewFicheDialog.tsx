import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { Form } from '../../../components/ui/Form';
import { FormError } from '../../../components/ui/FormError';
import { TextField } from '../../../components/ui/TextField';
import { notify } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/use-error-message';
import { maxLength } from '../../../lib/validators';
import { useCreateFiche } from '../hooks';
import { OrganisationsField } from './OrganisationsField';

interface NewFicheDialogProps {
  groupId: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Starts a fiche action in a group: a title (and optionally organisations), then straight to its page. */
export function NewFicheDialog({ groupId, isOpen, onOpenChange }: NewFicheDialogProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const create = useCreateFiche();
  const [title, setTitle] = useState('');
  const [organisationIds, setOrganisationIds] = useState<string[]>([]);
  const { reset } = create;

  useEffect(() => {
    if (isOpen) {
      setTitle('');
      setOrganisationIds([]);
      reset();
    }
  }, [isOpen, reset]);

  return (
    <ModalDialog title={t('fiches.create.title')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <Form
        className="form"
        validationErrors={isApiError(create.error) ? create.error.fieldErrorMap : undefined}
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(
            { title: title.trim(), groupId, organisationIds },
            {
              onSuccess: (fiche) => {
                notify.success(t('fiches.create.created', { title: fiche.title }));
                onOpenChange(false);
                navigate(`/fiches/${fiche.id}`);
              },
            },
          );
        }}
      >
        <p className="muted">{t('fiches.create.intro')}</p>
        <TextField
          name="title"
          label={t('fiches.create.titleLabel')}
          description={t('fiches.create.titleHelp')}
          value={title}
          onChange={setTitle}
          isRequired
          autoFocus
          validate={maxLength(t, 160)}
        />
        <OrganisationsField
          label={t('fiches.create.organisations')}
          description={t('fiches.create.organisationsHelp')}
          value={organisationIds}
          onChange={setOrganisationIds}
        />
        <FormError message={create.error ? errorMessage(create.error) : null} />
        <div className="dialog__actions">
          <Button onPress={() => onOpenChange(false)} isDisabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isPending={create.isPending}>
            {t('fiches.create.submit')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
