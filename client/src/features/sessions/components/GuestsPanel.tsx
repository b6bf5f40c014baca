import type { SessionDetail } from '@affluents/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { FormError } from '../../../components/ui/FormError';
import { TextField } from '../../../components/ui/TextField';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useInviteGuest, useRemoveGuest } from '../hooks';

/** The outside people invited to this one session; facilitators invite and remove them. */
export function GuestsPanel({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const [inviting, setInviting] = useState(false);
  const remove = useRemoveGuest(session.id);
  const guests = session.participants.filter((p) => p.role === 'guest');
  return (
    <section className="panel" aria-labelledby="session-guests-title">
      <div className="toolbar panel__toolbar">
        <h2 id="session-guests-title" className="panel__title toolbar__title">
          {t('sessions.guests.title')}
        </h2>
        {session.canManage && (
          <Button size="sm" onPress={() => setInviting(true)}>
            {t('sessions.guests.invite')}
          </Button>
        )}
      </div>
      {guests.length === 0 ? (
        <p className="muted">{t('sessions.guests.none')}</p>
      ) : (
        <ul className="plain-list session-guests">
          {guests.map((g) => (
            <li key={g.person.id} className="session-guests__item">
              <span>
                {g.person.displayName}
                {g.organisation && <span className="muted"> ({g.organisation})</span>}
              </span>
              {session.canManage && (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={t('sessions.guests.remove', { name: g.person.displayName })}
                  isDisabled={remove.isPending}
                  onPress={() =>
                    remove.mutate(g.person.id, {
                      onSuccess: () => notify.success(t('sessions.guests.removed')),
                    })
                  }
                >
                  ×
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {session.canManage && (
        <InviteGuestDialog sessionId={session.id} isOpen={inviting} onOpenChange={setInviting} />
      )}
    </section>
  );
}

function InviteGuestDialog({
  sessionId,
  isOpen,
  onOpenChange,
}: {
  sessionId: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const invite = useInviteGuest(sessionId);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const { reset } = invite;
  useEffect(() => {
    if (!isOpen) return;
    setEmail('');
    setName('');
    setOrganisation('');
    reset();
  }, [isOpen, reset]);

  function submit(event: FormEvent) {
    event.preventDefault();
    invite.mutate(
      { email: email.trim(), displayName: name.trim(), organisation: organisation.trim() || undefined },
      {
        onSuccess: () => {
          notify.success(t('sessions.guests.sent'));
          onOpenChange(false);
        },
      },
    );
  }

  return (
    <ModalDialog title={t('sessions.guests.invite')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <form className="form" onSubmit={submit}>
        <p className="muted">{t('sessions.guests.inviteHelp')}</p>
        <TextField
          label={t('sessions.guests.email')}
          type="email"
          value={email}
          onChange={setEmail}
          isRequired
          autoFocus
        />
        <TextField
          label={t('sessions.guests.name')}
          value={name}
          onChange={setName}
          maxLength={120}
          isRequired
        />
        <TextField
          label={t('sessions.guests.organisation')}
          value={organisation}
          onChange={setOrganisation}
          maxLength={200}
        />
        <FormError message={invite.error ? errorMessage(invite.error) : null} />
        <div className="dialog__actions">
          <Button variant="secondary" onPress={() => onOpenChange(false)}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" isPending={invite.isPending}>
            {t('sessions.guests.send')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
