import { type FicheDetail, type PublicationReach, publicationReaches } from '@affluents/contracts';
import { ficheSections } from '@affluents/editor/template';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { Form } from '../../../components/ui/Form';
import { FormError } from '../../../components/ui/FormError';
import { RadioGroupField } from '../../../components/ui/RadioGroupField';
import { TextField } from '../../../components/ui/TextField';
import { notify } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/use-error-message';
import { maxLength } from '../../../lib/validators';
import { usePublishFiche } from '../hooks';
import versionStyles from './fiche-versions.module.css';

const titleOf = new Map(ficheSections.map((s) => [s.key, s.title]));
const SECTION_PATH = 'sections.';

/** The required sections the server found empty, from the field errors of its 409 answer, in template order. */
export function missingSectionsOf(error: unknown): string[] {
  if (!isApiError(error, 'conflict')) return [];
  const keys = new Set(
    error.fieldErrors
      .filter((e) => e.path.startsWith(SECTION_PATH))
      .map((e) => e.path.slice(SECTION_PATH.length)),
  );
  return ficheSections.map((s) => s.key).filter((key) => keys.has(key));
}

interface PublishDialogProps {
  fiche: FicheDetail;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onPublished?: () => void;
}

/** A facilitator publishes the current text: who may read it (the reach) and, optionally, the version's name. */
export function PublishDialog({ fiche, isOpen, onOpenChange, onPublished }: PublishDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const publish = usePublishFiche(fiche.id);
  const [reach, setReach] = useState<PublicationReach>(fiche.reach ?? 'group');
  const [label, setLabel] = useState('');
  const missingId = useId();
  const { reset } = publish;

  useEffect(() => {
    if (isOpen) {
      setReach(fiche.reach ?? 'group');
      setLabel('');
      reset();
    }
  }, [isOpen, reset, fiche.reach]);

  const missing = missingSectionsOf(publish.error);
  const groupName = t(`groupKinds.${fiche.group.kind}`);
  return (
    <ModalDialog title={t('fiches.publish.title')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <Form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const name = label.trim();
          publish.mutate(
            { reach, ...(name ? { label: name } : {}) },
            {
              onSuccess: () => {
                notify.success(t('fiches.publish.published', { reach: t(`fiches.reach.${reach}`) }));
                onPublished?.();
                onOpenChange(false);
              },
            },
          );
        }}
      >
        <p className="muted">{t('fiches.publish.intro')}</p>
        <RadioGroupField
          className="field"
          label={t('fiches.publish.reachLabel')}
          options={publicationReaches.map((r) => ({
            id: r,
            label: t(`fiches.publish.reachOptions.${r}.label`),
            description: t(`fiches.publish.reachOptions.${r}.help`, {
              group: groupName,
              bassin: fiche.group.bassin.name,
            }),
          }))}
          value={reach}
          onChange={(value) => setReach(value as PublicationReach)}
          isRequired
        />
        <TextField
          name="label"
          label={t('fiches.publish.label')}
          description={t('fiches.publish.labelHelp')}
          value={label}
          onChange={setLabel}
          validate={maxLength(t, 120, false)}
        />
        {missing.length > 0 && (
          <div
            className={`notice notice--warning ${versionStyles.publishMissing}`}
            role="alert"
            aria-labelledby={missingId}
          >
            <div>
              <p id={missingId} className={versionStyles.publishMissingTitle}>
                {t('fiches.publish.missingTitle')}
              </p>
              <p>{t('fiches.publish.missing', { count: missing.length })}</p>
              <ul className={versionStyles.publishMissingList}>
                {missing.map((key) => (
                  <li key={key}>{titleOf.get(key) ?? key}</li>
                ))}
              </ul>
              <p>{t('fiches.publish.missingHelp')}</p>
            </div>
          </div>
        )}
        <FormError message={publish.error && missing.length === 0 ? errorMessage(publish.error) : null} />
        <div className="dialog__actions">
          <Button onPress={() => onOpenChange(false)} isDisabled={publish.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isPending={publish.isPending}>
            {t('fiches.publish.submit')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
