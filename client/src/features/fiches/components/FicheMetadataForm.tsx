import {
  type FicheDetail,
  suggestedPublics,
  suggestedSectors,
  suggestedThemes,
  type UpdateFicheRequest,
} from '@affluents/contracts';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import sidePanel from '../../../components/layout/side-panel.module.css';
import { Button } from '../../../components/ui/Button';
import { Form } from '../../../components/ui/Form';
import { FormError } from '../../../components/ui/FormError';
import { TagField } from '../../../components/ui/TagField';
import { TextField } from '../../../components/ui/TextField';
import { notify } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/use-error-message';
import { maxLength } from '../../../lib/validators';
import { useUpdateFiche } from '../hooks';
import pageStyles from './fiche-page.module.css';
import { OrganisationsField } from './OrganisationsField';

interface Values {
  title: string;
  organisationIds: string[];
  sectors: string[];
  publics: string[];
  themes: string[];
  year: string;
}

const valuesOf = (fiche: FicheDetail): Values => ({
  title: fiche.title,
  organisationIds: fiche.organisations.map((o) => o.id),
  sectors: fiche.sectors,
  publics: fiche.publics,
  themes: fiche.themes,
  year: fiche.year === null ? '' : String(fiche.year),
});

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Only what changed, as the API takes it. */
export function metadataChanges(before: Values, after: Values): UpdateFicheRequest {
  const changes: UpdateFicheRequest = {};
  if (after.title.trim() !== before.title.trim()) changes.title = after.title.trim();
  if (!sameList(before.organisationIds, after.organisationIds))
    changes.organisationIds = after.organisationIds;
  if (!sameList(before.sectors, after.sectors)) changes.sectors = after.sectors;
  if (!sameList(before.publics, after.publics)) changes.publics = after.publics;
  if (!sameList(before.themes, after.themes)) changes.themes = after.themes;
  if (after.year.trim() !== before.year.trim())
    changes.year = after.year.trim() ? Number(after.year.trim()) : null;
  return changes;
}

interface FicheMetadataFormProps {
  fiche: FicheDetail;
  mayEdit: boolean;
}

/**
 * The metadata beside the text, saved through the API. A change saved by someone else replaces the form's
 * values unless this person has unsaved changes of their own.
 */
export function FicheMetadataForm({ fiche, mayEdit }: FicheMetadataFormProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const update = useUpdateFiche(fiche.id);
  const headingId = useId();
  const [base, setBase] = useState(() => valuesOf(fiche));
  const [values, setValues] = useState(base);
  const changes = metadataChanges(base, values);
  const dirty = Object.keys(changes).length > 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the stored fiche changes
  useEffect(() => {
    const fresh = valuesOf(fiche);
    setBase(fresh);
    if (!dirty) setValues(fresh);
  }, [fiche]);

  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  if (!mayEdit) {
    return (
      <section className="side-panel__section" aria-labelledby={headingId}>
        <h2 id={headingId} className={sidePanel.title}>
          {t('fiches.metadata.title')}
        </h2>
        <dl className={pageStyles.metaList}>
          <dt>{t('fiches.metadata.organisations')}</dt>
          <dd>{fiche.organisations.map((o) => o.name).join(', ') || '—'}</dd>
          <dt>{t('fiches.metadata.sectors')}</dt>
          <dd>{fiche.sectors.join(', ') || '—'}</dd>
          <dt>{t('fiches.metadata.publics')}</dt>
          <dd>{fiche.publics.join(', ') || '—'}</dd>
          <dt>{t('fiches.metadata.themes')}</dt>
          <dd>{fiche.themes.join(', ') || '—'}</dd>
          <dt>{t('fiches.metadata.year')}</dt>
          <dd>{fiche.year ?? '—'}</dd>
        </dl>
      </section>
    );
  }

  return (
    <section className="side-panel__section" aria-labelledby={headingId}>
      <h2 id={headingId} className={sidePanel.title}>
        {t('fiches.metadata.title')}
      </h2>
      <Form
        className="form"
        validationErrors={isApiError(update.error) ? update.error.fieldErrorMap : undefined}
        onSubmit={(event) => {
          event.preventDefault();
          if (!dirty) return;
          update.mutate(changes, {
            onSuccess: (saved) => {
              const fresh = valuesOf(saved);
              setBase(fresh);
              setValues(fresh);
              notify.success(t('fiches.metadata.saved'));
            },
          });
        }}
      >
        <TextField
          name="title"
          label={t('fiches.metadata.titleLabel')}
          value={values.title}
          onChange={set('title')}
          isRequired
          validate={maxLength(t, 160)}
        />
        <OrganisationsField
          label={t('fiches.metadata.organisations')}
          value={values.organisationIds}
          onChange={set('organisationIds')}
          known={fiche.organisations}
        />
        <TagField
          label={t('fiches.metadata.sectors')}
          value={values.sectors}
          onChange={set('sectors')}
          suggestions={suggestedSectors}
        />
        <TagField
          label={t('fiches.metadata.publics')}
          value={values.publics}
          onChange={set('publics')}
          suggestions={suggestedPublics}
        />
        <TagField
          label={t('fiches.metadata.themes')}
          value={values.themes}
          onChange={set('themes')}
          suggestions={suggestedThemes}
        />
        <TextField
          name="year"
          label={t('fiches.metadata.year')}
          description={t('fiches.metadata.yearHelp')}
          inputMode="numeric"
          value={values.year}
          onChange={set('year')}
          validate={(v) => {
            const year = v.trim();
            if (!year) return null;
            const n = Number(year);
            return /^\d{4}$/.test(year) && n >= 1990 && n <= 2100 ? null : t('fiches.metadata.yearInvalid');
          }}
        />
        <FormError message={update.error ? errorMessage(update.error) : null} />
        <div className={sidePanel.actions}>
          <Button type="submit" variant="primary" isDisabled={!dirty} isPending={update.isPending}>
            {t('fiches.metadata.save')}
          </Button>
          {dirty && <span className="muted">{t('fiches.metadata.unsaved')}</span>}
        </div>
      </Form>
    </section>
  );
}
