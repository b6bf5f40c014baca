import { useTranslation } from 'react-i18next';
import { ComboBoxField } from '../../../components/ui/ComboBoxField';
import { useOrganisations } from '../hooks';

interface OrganisationPickerProps {
  value: string | null;
  onChange: (id: string | null) => void;
  label?: string;
  description?: string;
  name?: string;
}

/** Searchable choice of an organisation, its kind shown beside the name. */
export function OrganisationPicker({
  value,
  onChange,
  label,
  description,
  name = 'organisationId',
}: OrganisationPickerProps) {
  const { t } = useTranslation();
  const { data = [], isLoading } = useOrganisations();
  const options = data.map((o) => ({
    id: o.id,
    label: o.name,
    description: [t(`organisationKinds.${o.kind}.short`), o.address.city].filter(Boolean).join(' · '),
  }));
  return (
    <ComboBoxField
      name={name}
      label={label ?? t('organisations.picker.label')}
      description={isLoading ? t('common.loading') : (description ?? t('organisations.picker.help'))}
      options={options}
      value={value}
      onChange={onChange}
    />
  );
}
