import type { CurrentUser } from '@affluents/contracts';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/ui';
import { Button } from '../../../components/ui/Button';
import { Form } from '../../../components/ui/Form';
import { FormError } from '../../../components/ui/FormError';
import { TextField } from '../../../components/ui/TextField';
import { ApiRequestError, isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/use-error-message';
import { email as emailRule, required } from '../../../lib/validators';
import { useLogin } from '../hooks';

/** "Try again in 2 minutes" when the server said how long to wait (Retry-After), else a general "wait". */
function rateLimitedMessage(t: TFunction, error: unknown): string {
  const seconds = error instanceof ApiRequestError ? error.retryAfterSeconds : undefined;
  if (!seconds) return t('auth.login.rateLimited');
  if (seconds < 60) return t('auth.login.rateLimitedSeconds', { count: seconds });
  return t('auth.login.rateLimitedMinutes', { count: Math.ceil(seconds / 60) });
}

/** Email and password sign-in; the server's refusal is shown above the button and announced. */
export function LoginForm({ onSuccess }: { onSuccess: (user: CurrentUser) => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const error = login.error;
  return (
    <Form
      className="form"
      aria-label={t('auth.login.title')}
      validationErrors={isApiError(error) ? error.fieldErrorMap : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        login.mutate({ email: email.trim(), password }, { onSuccess });
      }}
    >
      <TextField
        name="email"
        type="email"
        label={t('auth.email')}
        autoComplete="username"
        value={email}
        onChange={setEmail}
        isRequired
        validate={emailRule(t)}
      />
      <TextField
        name="password"
        type="password"
        label={t('auth.password')}
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        isRequired
        validate={required(t)}
      />
      <FormError
        message={
          error
            ? errorMessage(error, {
                unauthenticated: t('auth.login.invalidCredentials'),
                rate_limited: rateLimitedMessage(t, error),
              })
            : null
        }
      />
      <div className="form__actions form__actions--split">
        <Button type="submit" variant="primary" isPending={login.isPending}>
          {t('auth.login.submit')}
        </Button>
        <Link href="/mot-de-passe-oublie" className="link">
          {t('auth.login.forgot')}
        </Link>
      </div>
    </Form>
  );
}
