import { useEffect, useRef, useState } from 'react';
import { Tag, TagGroup, TagList } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
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
      <TagGroup
        className="tag-field__tags"
        aria-label={t('fiches.organisations.chosen')}
        onRemove={(keys) => onChange(value.filter((id) => !keys.has(id)))}
      >
        <TagList
          className="tag-list"
          items={value.map((id) => ({ id, name: nameOf(id) }))}
          renderEmptyState={() => <span className="tag-list__empty">{t('fiches.organisations.none')}</span>}
        >
          {(item) => (
            <Tag className="tag" id={item.id} textValue={item.name}>
              {item.name}
              <Button
                variant="ghost"
                size="sm"
                slot="remove"
                className="tag__remove"
                aria-label={t('common.removeTag', { tag: item.name })}
              >
                <span aria-hidden="true">×</span>
              </Button>
            </Tag>
          )}
        </TagList>
      </TagGroup>
    </div>
  );
}
