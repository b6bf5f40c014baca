import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/TextField';
import { newPassword } from '../../../lib/validators';

interface NewPasswordFieldsProps {
  /** The label of the first field; the second one asks to repeat it. */
  label: string;
  password: string;
  onPasswordChange: (password: string) => void;
}

/** A new password, with its rule, and the same password typed again to rule out a typo. */
export function NewPasswordFields({ label, password, onPasswordChange }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  const [repeat, setRepeat] = useState('');
  return (
    <>
      <TextField
        name="password"
        type="password"
        label={label}
        description={t('auth.passwordRule')}
        autoComplete="new-password"
        value={password}
        onChange={onPasswordChange}
        isRequired
        validate={newPassword(t)}
      />
      <TextField
        name="repeat"
        type="password"
        label={t('auth.reset.repeat')}
        autoComplete="new-password"
        value={repeat}
        onChange={setRepeat}
        isRequired
        validate={(value) =>
          !value ? t('validation.required') : value === password ? null : t('validation.passwordsDiffer')
        }
      />
    </>
  );
}
