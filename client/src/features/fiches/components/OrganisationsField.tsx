import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RemovableTags } from '../../../components/ui/RemovableTags';
import { OrganisationPicker } from '../../organisations/components/OrganisationPicker';
import { useOrganisations } from '../../organisations/hooks';

interface OrganisationsFieldProps {
  label: string;
  description?: string;
  value: string[];
  onChange: (ids: string[]) => void;
  /** Names already known (from the fiche), shown before the organisation list has loaded. */
  known?: ReadonlyArray<{ id: string; name: string }>;
  max?: number;
}

/** Several organisations: the chosen ones as removable tags, and the organisation picker to add one more. */
export function OrganisationsField({
  label,
  description,
  value,
  onChange,
  known = [],
  max = 20,
}: OrganisationsFieldProps) {
  const { t } = useTranslation();
  const { data: organisations = [] } = useOrganisations();
  // Remounting the picker after each choice empties it for the next one.
  const [pickerKey, setPickerKey] = useState(0);
  const pickerRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Keep the keyboard where it was: the fresh picker takes the focus of the one it replaces.
    if (pickerKey > 0) pickerRef.current?.querySelector('input')?.focus();
  }, [pickerKey]);
  const nameOf = (id: string) =>
    organisations.find((o) => o.id === id)?.name ?? known.find((o) => o.id === id)?.name ?? id;

  return (
    <div className="field organisations-field">
      {value.length < max && (
        <div ref={pickerRef}>
          <OrganisationPicker
            key={pickerKey}
            name="organisationIds"
            label={label}
            description={description}
            value={null}
            onChange={(id) => {
              if (!id) return;
              if (!value.includes(id)) onChange([...value, id]);
              setPickerKey((k) => k + 1);
            }}
          />
        </div>
      )}
      <RemovableTags
        aria-label={t('fiches.organisations.chosen')}
        items={value.map((id) => ({ id, name: nameOf(id) }))}
        onRemove={(keys) => onChange(value.filter((id) => !keys.has(id)))}
        emptyText={t('fiches.organisations.none')}
      />
    </div>
  );
}
