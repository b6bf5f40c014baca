import type { MeetingDetail } from '@affluents/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { FormError } from '../../../components/ui/FormError';
import { TextField } from '../../../components/ui/TextField';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useInviteGuest, useRemoveGuest } from '../hooks';
import styles from '../meetings.module.css';

/** The outside people invited to this one meeting; facilitators invite and remove them. */
export function GuestsPanel({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const [inviting, setInviting] = useState(false);
  const remove = useRemoveGuest(meeting.id);
  const guests = meeting.participants.filter((p) => p.role === 'guest');
  return (
    <section className="panel" aria-labelledby="meeting-guests-title">
      <div className="toolbar panel__toolbar">
        <h2 id="meeting-guests-title" className="panel__title toolbar__title">
          {t('meetings.guests.title')}
        </h2>
        {meeting.canManage && (
          <Button size="sm" onPress={() => setInviting(true)}>
            {t('meetings.guests.invite')}
          </Button>
        )}
      </div>
      {guests.length === 0 ? (
        <p className="muted">{t('meetings.guests.none')}</p>
      ) : (
        <ul className="plain-list meeting-guests">
          {guests.map((g) => (
            <li key={g.person.id} className={styles.guestsItem}>
              <span>
                {g.person.displayName}
                {g.organisation && <span className="muted"> ({g.organisation})</span>}
              </span>
              {meeting.canManage && (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={t('meetings.guests.remove', { name: g.person.displayName })}
                  isDisabled={remove.isPending}
                  onPress={() =>
                    remove.mutate(g.person.id, {
                      onSuccess: () => notify.success(t('meetings.guests.removed')),
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
      {meeting.canManage && (
        <InviteGuestDialog meetingId={meeting.id} isOpen={inviting} onOpenChange={setInviting} />
      )}
    </section>
  );
}

function InviteGuestDialog({
  meetingId,
  isOpen,
  onOpenChange,
}: {
  meetingId: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const invite = useInviteGuest(meetingId);
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
          notify.success(t('meetings.guests.sent'));
          onOpenChange(false);
        },
      },
    );
  }

  return (
    <ModalDialog title={t('meetings.guests.invite')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <form className="form" onSubmit={submit}>
        <p className="muted">{t('meetings.guests.inviteHelp')}</p>
        <TextField
          label={t('meetings.guests.email')}
          type="email"
          value={email}
          onChange={setEmail}
          isRequired
          autoFocus
        />
        <TextField
          label={t('meetings.guests.name')}
          value={name}
          onChange={setName}
          maxLength={120}
          isRequired
        />
        <TextField
          label={t('meetings.guests.organisation')}
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
            {t('meetings.guests.send')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
