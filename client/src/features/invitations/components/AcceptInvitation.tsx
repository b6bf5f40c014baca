import type { CurrentUser, InvitationPreview } from '@affluents/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { ButtonLink } from '../../../components/ui/ButtonLink';
import { Form } from '../../../components/ui/Form';
import { FormError } from '../../../components/ui/FormError';
import { TextField } from '../../../components/ui/TextField';
import { notify } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/dates';
import { signInUrl } from '../../../lib/return-to';
import { useErrorMessage } from '../../../lib/use-error-message';
import { maxLength } from '../../../lib/validators';
import { NewPasswordFields } from '../../auth/components/NewPasswordFields';
import { useLogout } from '../../auth/hooks';
import { useAcceptInvitation } from '../hooks';

interface AcceptInvitationProps {
  token: string;
  preview: InvitationPreview;
  currentUser: CurrentUser | null;
}

/** The body of the invitation page once the invitation is known to be valid. */
export function AcceptInvitation({ token, preview, currentUser }: AcceptInvitationProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const accept = useAcceptInvitation(token);
  const logout = useLogout();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');

  const groupLabel = t(`groupKinds.${preview.group.kind}`);
  const sameAccount = currentUser?.email.toLowerCase() === preview.email.toLowerCase();
  const onAccepted = () => {
    notify.success(t('acceptInvitation.welcome', { group: groupLabel, bassin: preview.group.bassinName }));
    navigate(`/groupes/${preview.group.id}`, { replace: true });
  };
  const acceptError = accept.error
    ? errorMessage(accept.error, {
        gone: t('acceptInvitation.gone'),
        unauthenticated: t('acceptInvitation.signInFirst'),
        forbidden: t('acceptInvitation.wrongAccount', { email: preview.email }),
      })
    : null;

  return (
    <div className="stack">
      <dl className="summary-list">
        <div>
          <dt>{t('acceptInvitation.group')}</dt>
          <dd>{groupLabel}</dd>
        </div>
        <div>
          <dt>{t('acceptInvitation.bassin')}</dt>
          <dd>{preview.group.bassinName}</dd>
        </div>
        <div>
          <dt>{t('acceptInvitation.invitedBy')}</dt>
          <dd>{preview.invitedByName}</dd>
        </div>
        <div>
          <dt>{t('acceptInvitation.role')}</dt>
          <dd>{t(`roles.${preview.role}`)}</dd>
        </div>
        <div>
          <dt>{t('acceptInvitation.email')}</dt>
          <dd>{preview.email}</dd>
        </div>
        <div>
          <dt>{t('acceptInvitation.expires')}</dt>
          <dd>{formatDate('day', preview.expiresAt, i18n.language)}</dd>
        </div>
      </dl>

      {preview.accountExists ? (
        !currentUser ? (
          <div className="notice notice--info">
            <p>{t('acceptInvitation.accountExists', { email: preview.email })}</p>
            <ButtonLink variant="primary" href={signInUrl(`/invitation/${token}`)}>
              {t('acceptInvitation.signInToAccept')}
            </ButtonLink>
          </div>
        ) : sameAccount ? (
          <div className="stack">
            <FormError message={acceptError} />
            <div className="form__actions">
              <Button
                variant="primary"
                isPending={accept.isPending}
                onPress={() => accept.mutate({}, { onSuccess: onAccepted })}
              >
                {t('acceptInvitation.join')}
              </Button>
            </div>
          </div>
        ) : (
          <div className="notice notice--warning">
            <p>{t('acceptInvitation.otherAccount', { current: currentUser.email, email: preview.email })}</p>
            <Button isPending={logout.isPending} onPress={() => logout.mutate()}>
              {t('layout.logout')}
            </Button>
          </div>
        )
      ) : (
        <Form
          className="form"
          aria-labelledby="create-account-title"
          validationErrors={isApiError(accept.error) ? accept.error.fieldErrorMap : undefined}
          onSubmit={(event) => {
            event.preventDefault();
            accept.mutate({ displayName: displayName.trim(), password }, { onSuccess: onAccepted });
          }}
        >
          <h2 id="create-account-title">{t('acceptInvitation.createTitle')}</h2>
          {currentUser && (
            <p className="notice notice--warning">
              {t('acceptInvitation.signedInAsOther', { current: currentUser.email })}
            </p>
          )}
          <TextField
            name="displayName"
            label={t('acceptInvitation.displayName')}
            description={t('acceptInvitation.displayNameHelp')}
            autoComplete="name"
            value={displayName}
            onChange={setDisplayName}
            isRequired
            validate={maxLength(t, 80)}
          />
          <NewPasswordFields
            label={t('acceptInvitation.password')}
            password={password}
            onPasswordChange={setPassword}
          />
          <FormError message={acceptError} />
          <div className="form__actions">
            <Button type="submit" variant="primary" isPending={accept.isPending}>
              {t('acceptInvitation.createAndJoin')}
            </Button>
          </div>
        </Form>
      )}
    </div>
  );
}
