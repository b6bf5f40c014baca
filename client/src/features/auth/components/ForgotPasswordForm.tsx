import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/ui';
import { Button } from '../../../components/ui/Button';
import { Form } from '../../../components/ui/Form';
import { FormError } from '../../../components/ui/FormError';
import { TextField } from '../../../components/ui/TextField';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/use-error-message';
import { email as emailRule } from '../../../lib/validators';
import { useRequestPasswordReset } from '../hooks';

/** Asks for a reset link. The answer is the same whether the account exists or not. */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const reset = useRequestPasswordReset();
  const [email, setEmail] = useState('');

  if (reset.isSuccess) {
    return (
      <div className="stack">
        <div className="notice notice--success" role="status">
          <p>{t('auth.forgot.sent', { email: reset.variables?.email })}</p>
        </div>
        <p>{t('auth.forgot.sentHelp')}</p>
        <Link href="/connexion" className="link">
          {t('auth.backToLogin')}
        </Link>
      </div>
    );
  }

  return (
    <Form
      className="form"
      aria-label={t('auth.forgot.title')}
      validationErrors={isApiError(reset.error) ? reset.error.fieldErrorMap : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        reset.mutate({ email: email.trim() });
      }}
    >
      <TextField
        name="email"
        type="email"
        label={t('auth.email')}
        description={t('auth.forgot.help')}
        autoComplete="email"
        value={email}
        onChange={setEmail}
        isRequired
        validate={emailRule(t)}
      />
      <FormError message={reset.error ? errorMessage(reset.error) : null} />
      <div className="form__actions form__actions--split">
        <Button type="submit" variant="primary" isPending={reset.isPending}>
          {t('auth.forgot.submit')}
        </Button>
        <Link href="/connexion" className="link">
          {t('auth.backToLogin')}
        </Link>
      </div>
    </Form>
  );
}
