import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComboBoxField } from '../../../components/ui/ComboBoxField';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useUsers } from '../hooks';

interface UserPickerProps {
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
  description?: string;
  name?: string;
  isRequired?: boolean;
  /** Accounts shown but not selectable (for example the group's current members), with the reason. */
  unavailable?: { ids: ReadonlySet<string>; reason: string };
}

/** Searchable choice of an existing account: the server searches names and email addresses as one types. */
export function UserPicker({
  value,
  onChange,
  label,
  description,
  name = 'userId',
  isRequired,
  unavailable,
}: UserPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const users = useUsers(q);
  // Until the server answers the latest search, the previous answer is narrowed by what has been typed since.
  const typed = search.trim().toLocaleLowerCase('fr');
  const matching = (users.data ?? []).filter(
    (user) =>
      user.displayName.toLocaleLowerCase('fr').includes(typed) || user.email.toLowerCase().includes(typed),
  );
  const options = matching.map((user) => {
    const reason = unavailable?.ids.has(user.id) ? unavailable.reason : null;
    return {
      id: user.id,
      label: user.displayName,
      description: [reason, user.email, user.organisation?.name].filter(Boolean).join(' · '),
    };
  });

  return (
    <ComboBoxField
      name={name}
      label={label}
      description={users.isPending ? t('common.loading') : (description ?? t('users.picker.help'))}
      options={options}
      filter="remote"
      onInputChange={setSearch}
      emptyText={users.isFetching ? t('common.loading') : t('users.noMatch')}
      disabledKeys={unavailable ? [...unavailable.ids] : undefined}
      value={value}
      onChange={onChange}
      isRequired={isRequired}
      validate={({ value: chosen }) => (isRequired && chosen == null ? t('validation.required') : null)}
    />
  );
}
