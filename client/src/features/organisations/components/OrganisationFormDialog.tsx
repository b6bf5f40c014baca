import {
  type CreateOrganisationRequest,
  type Organisation,
  type OrganisationKind,
  organisationKinds,
  suggestedPublics,
  suggestedSectors,
} from '@affluents/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { Form } from '../../../components/ui/Form';
import { FormError } from '../../../components/ui/FormError';
import { SelectField } from '../../../components/ui/SelectField';
import { TagField } from '../../../components/ui/TagField';
import { TextField } from '../../../components/ui/TextField';
import { notify } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/use-error-message';
import { maxLength } from '../../../lib/validators';
import { useBassins } from '../../bassins/hooks';
import { useCreateOrganisation, useUpdateOrganisation } from '../hooks';

interface OrganisationFormDialogProps {
  /** The organisation to edit, or null to create one. */
  organisation: Organisation | null;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}

const NO_BASSIN = 'none';

function emptyDraft(): CreateOrganisationRequest {
  return {
    name: '',
    kind: 'cisp',
    bassinId: null,
    address: { street: '', postalCode: '', city: '' },
    sectors: [],
    publics: [],
    website: null,
  };
}

function draftOf(o: Organisation): CreateOrganisationRequest {
  return {
    name: o.name,
    kind: o.kind,
    bassinId: o.bassinId,
    address: { ...o.address },
    sectors: [...o.sectors],
    publics: [...o.publics],
    website: o.website,
  };
}

/** Creates or edits a structure: kind, bassin, address, sectors and publics. */
export function OrganisationFormDialog({ organisation, isOpen, onOpenChange }: OrganisationFormDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { data: bassins = [] } = useBassins(false);
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation();
  const mutation = organisation ? update : create;
  const [draft, setDraft] = useState<CreateOrganisationRequest>(emptyDraft);
  const resetCreate = create.reset;
  const resetUpdate = update.reset;

  useEffect(() => {
    if (isOpen) {
      setDraft(organisation ? draftOf(organisation) : emptyDraft());
      resetCreate();
      resetUpdate();
    }
  }, [isOpen, organisation, resetCreate, resetUpdate]);

  const set = <K extends keyof CreateOrganisationRequest>(key: K, value: CreateOrganisationRequest[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setAddress = (key: keyof CreateOrganisationRequest['address'], value: string) =>
    setDraft((d) => ({ ...d, address: { ...d.address, [key]: value } }));

  const kindOptions = organisationKinds.map((kind) => ({
    id: kind,
    label: t(`organisationKinds.${kind}.short`),
    description:
      t(`organisationKinds.${kind}.long`) === t(`organisationKinds.${kind}.short`)
        ? undefined
        : t(`organisationKinds.${kind}.long`),
  }));
  const bassinOptions = [
    { id: NO_BASSIN, label: t('organisations.form.noBassin') },
    ...bassins.map((b) => ({ id: b.id, label: b.name })),
  ];

  const submit = () => {
    const body: CreateOrganisationRequest = {
      ...draft,
      name: draft.name.trim(),
      website: draft.website?.trim() || null,
      address: {
        street: draft.address.street.trim(),
        postalCode: draft.address.postalCode.trim(),
        city: draft.address.city.trim(),
      },
    };
    const onSuccess = (saved: Organisation) => {
      notify.success(
        organisation
          ? t('organisations.form.updated', { name: saved.name })
          : t('organisations.form.created', { name: saved.name }),
      );
      onOpenChange(false);
    };
    if (organisation) update.mutate({ id: organisation.id, ...body }, { onSuccess });
    else create.mutate(body, { onSuccess });
  };

  return (
    <ModalDialog
      title={
        organisation
          ? t('organisations.form.editTitle', { name: organisation.name })
          : t('organisations.form.createTitle')
      }
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      size="lg"
    >
      <Form
        className="form"
        validationErrors={isApiError(mutation.error) ? mutation.error.fieldErrorMap : undefined}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <TextField
          name="name"
          label={t('organisations.form.name')}
          value={draft.name}
          onChange={(v) => set('name', v)}
          isRequired
          validate={maxLength(t, 160)}
        />
        <div className="form__row">
          <SelectField
            name="kind"
            label={t('organisations.form.kind')}
            options={kindOptions}
            value={draft.kind}
            onChange={(v) => v && set('kind', v as OrganisationKind)}
            isRequired
          />
          <SelectField
            name="bassinId"
            label={t('organisations.form.bassin')}
            options={bassinOptions}
            value={draft.bassinId ?? NO_BASSIN}
            onChange={(v) => set('bassinId', v === NO_BASSIN ? null : v)}
          />
        </div>
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('organisations.form.address')}</legend>
          <TextField
            name="address.street"
            label={t('organisations.form.street')}
            value={draft.address.street}
            onChange={(v) => setAddress('street', v)}
            autoComplete="street-address"
          />
          <div className="form__row form__row--postal">
            <TextField
              name="address.postalCode"
              label={t('organisations.form.postalCode')}
              value={draft.address.postalCode}
              onChange={(v) => setAddress('postalCode', v)}
              inputMode="numeric"
              autoComplete="postal-code"
              validate={(v) =>
                v.trim() === '' || /^\d{4}$/.test(v.trim()) ? null : t('validation.postalCode')
              }
            />
            <TextField
              name="address.city"
              label={t('organisations.form.city')}
              value={draft.address.city}
              onChange={(v) => setAddress('city', v)}
              autoComplete="address-level2"
            />
          </div>
        </fieldset>
        <TextField
          name="website"
          type="url"
          label={t('organisations.form.website')}
          description={t('organisations.form.websiteHelp')}
          value={draft.website ?? ''}
          onChange={(v) => set('website', v)}
          validate={(v) =>
            v.trim() === '' || /^https?:\/\/\S+\.\S+/.test(v.trim()) ? null : t('validation.url')
          }
        />
        <TagField
          label={t('organisations.form.sectors')}
          description={t('organisations.form.tagsHelp')}
          value={draft.sectors}
          onChange={(v) => set('sectors', v)}
          suggestions={suggestedSectors}
        />
        <TagField
          label={t('organisations.form.publics')}
          description={t('organisations.form.tagsHelp')}
          value={draft.publics}
          onChange={(v) => set('publics', v)}
          suggestions={suggestedPublics}
        />
        <FormError message={mutation.error ? errorMessage(mutation.error) : null} />
        <div className="dialog__actions">
          <Button onPress={() => onOpenChange(false)} isDisabled={mutation.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isPending={mutation.isPending}>
            {organisation ? t('common.save') : t('organisations.form.create')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
