import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/ui';
import { Button } from '../../../components/ui/Button';
import { Form } from '../../../components/ui/Form';
import { FormError } from '../../../components/ui/FormError';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useConfirmPasswordReset } from '../hooks';
import { NewPasswordFields } from './NewPasswordFields';

/** Chooses a new password from the link received by email. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const confirm = useConfirmPasswordReset();
  const [password, setPassword] = useState('');

  if (confirm.isSuccess) {
    return (
      <div className="stack">
        <div className="notice notice--success" role="status">
          <p>{t('auth.reset.done')}</p>
        </div>
        <Link href="/connexion" className="button button--primary">
          {t('auth.login.submit')}
        </Link>
      </div>
    );
  }

  const linkProblem =
    isApiError(confirm.error) && ['gone', 'not_found', 'bad_request'].includes(confirm.error.code);
  const fieldErrors = isApiError(confirm.error) ? confirm.error.fieldErrorMap : undefined;
  return (
    <Form
      className="form"
      aria-label={t('auth.reset.title')}
      validationErrors={fieldErrors}
      onSubmit={(event) => {
        event.preventDefault();
        confirm.mutate({ token, password });
      }}
    >
      <NewPasswordFields
        label={t('auth.reset.password')}
        password={password}
        onPasswordChange={setPassword}
      />
      <FormError
        message={
          confirm.error
            ? errorMessage(confirm.error, {
                gone: t('auth.reset.linkInvalid'),
                not_found: t('auth.reset.linkInvalid'),
                ...(fieldErrors?.token ? { validation_failed: t('auth.reset.linkInvalid') } : {}),
              })
            : null
        }
      />
      {linkProblem && (
        <Link href="/mot-de-passe-oublie" className="link">
          {t('auth.reset.askAgain')}
        </Link>
      )}
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={confirm.isPending}>
          {t('auth.reset.submit')}
        </Button>
      </div>
    </Form>
  );
}
