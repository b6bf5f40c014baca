import { useTranslation } from 'react-i18next';
import { RadioGroupField } from '../../../components/ui/RadioGroupField';
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
      <RadioGroupField
        label={t('meetings.form.place')}
        options={placeTypes.map((type) => ({ id: type, label: labels[type] }))}
        value={draft.type}
        inline
        onChange={(value) => onChange({ ...draft, type: value as PlaceType })}
      />
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
