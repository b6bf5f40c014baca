import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/ui/SelectField';
import { TextField } from '../../../components/ui/TextField';
import type { PlaceDraft, PlaceType } from '../meeting-form';

const placeTypes: PlaceType[] = ['host', 'address', 'online'];
const NO_HOST = '__none__';

/** Where the meeting takes place and which organisation hosts it (the rotation's proposal may be shown). */
export function PlaceFields({
  draft,
  onChange,
  organisations,
  proposalReason,
}: {
  draft: PlaceDraft;
  onChange: (draft: PlaceDraft) => void;
  organisations: { id: string; label: string }[];
  proposalReason?: string | null;
}) {
  const { t } = useTranslation();
  const labels: Record<PlaceType, string> = {
    host: t('meetings.form.placeHost'),
    address: t('meetings.form.placeAddress'),
    online: t('meetings.form.placeOnline'),
  };
  return (
    <>
      <RadioGroup
        className="radio-group meeting-form__inline-radios"
        value={draft.type}
        onChange={(value) => onChange({ ...draft, type: value as PlaceType })}
      >
        <Label className="field__label">{t('meetings.form.place')}</Label>
        <div className="radio-group__items">
          {placeTypes.map((type) => (
            <Radio key={type} value={type} className="radio">
              <span className="radio__circle" aria-hidden="true" />
              <span className="radio__text">{labels[type]}</span>
            </Radio>
          ))}
        </div>
      </RadioGroup>
      <SelectField
        label={t('meetings.form.host')}
        description={proposalReason ? t('meetings.form.proposedHost', { reason: proposalReason }) : undefined}
        options={[{ id: NO_HOST, label: t('meetings.form.noHost') }, ...organisations]}
        value={draft.hostId ?? NO_HOST}
        onChange={(value) => onChange({ ...draft, hostId: value && value !== NO_HOST ? value : null })}
      />
      {draft.type === 'address' && (
        <TextField
          label={t('meetings.form.address')}
          value={draft.address}
          onChange={(address) => onChange({ ...draft, address })}
          maxLength={300}
          isRequired
        />
      )}
      {draft.type === 'online' && (
        <TextField
          label={t('meetings.form.url')}
          type="url"
          value={draft.url}
          onChange={(url) => onChange({ ...draft, url })}
          maxLength={500}
          isRequired
        />
      )}
    </>
  );
}
