import type { SessionDetail } from '@affluents/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { FormError } from '../../../components/ui/FormError';
import { TextField } from '../../../components/ui/TextField';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useGroup } from '../../groups/hooks';
import { groupOrganisations } from '../group-organisations';
import { useUpdateSession } from '../hooks';
import { draftFromPlace, type PlaceDraft, placeFromDraft } from '../session-form';
import { brusselsParts, sessionTimes } from '../session-time';
import { PlaceFields } from './PlaceFields';
import { TimeFields, type TimesDraft } from './TimeFields';

function timesOf(session: SessionDetail): TimesDraft {
  if (!session.startsAt) return { date: '', start: '09:30', end: '12:30' };
  const start = brusselsParts(session.startsAt);
  const end = session.endsAt ? brusselsParts(session.endsAt) : start;
  return { date: start.date, start: start.time, end: end.time };
}

/** Facilitators move the session or change its place; every calendar follows (server side). */
export function EditSessionDialog({
  session,
  isOpen,
  onOpenChange,
}: {
  session: SessionDetail;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const group = useGroup(session.groupId, { enabled: isOpen });
  const update = useUpdateSession(session.id);
  const [title, setTitle] = useState(session.title);
  const [times, setTimes] = useState<TimesDraft>(() => timesOf(session));
  const [place, setPlace] = useState<PlaceDraft>(() =>
    draftFromPlace(session.place, session.host?.id ?? null),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const { reset } = update;

  useEffect(() => {
    if (!isOpen) return;
    setTitle(session.title);
    setTimes(timesOf(session));
    setPlace(draftFromPlace(session.place, session.host?.id ?? null));
    setProblem(null);
    reset();
  }, [isOpen, session, reset]);

  const organisations = groupOrganisations(group.data);
  if (session.host && !organisations.some((o) => o.id === session.host?.id))
    organisations.push({ id: session.host.id, label: session.host.name });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return setProblem(t('sessions.form.errors.title'));
    // A session whose date is still polled keeps no times until the poll closes, unless some are typed.
    const typed = times.date !== '';
    const when = typed ? sessionTimes(times.date, times.start, times.end) : null;
    if ((typed || session.startsAt) && !when) return setProblem(t('sessions.form.errors.times'));
    const where = placeFromDraft(place);
    if ('problem' in where) return setProblem(t(`sessions.form.errors.${where.problem}`));
    setProblem(null);
    update.mutate(
      { title: title.trim(), ...(when ?? {}), ...where },
      {
        onSuccess: () => {
          notify.success(t('sessions.form.saved'));
          onOpenChange(false);
        },
      },
    );
  }

  return (
    <ModalDialog title={t('sessions.page.editTitle')} isOpen={isOpen} onOpenChange={onOpenChange} size="lg">
      <form className="form session-form" onSubmit={submit} noValidate>
        <TextField
          label={t('sessions.form.title')}
          value={title}
          onChange={setTitle}
          maxLength={200}
          isRequired
        />
        <TimeFields value={times} onChange={setTimes} />
        <PlaceFields draft={place} onChange={setPlace} organisations={organisations} />
        <FormError message={problem ?? (update.error ? errorMessage(update.error) : null)} />
        <div className="dialog__actions">
          <Button variant="secondary" onPress={() => onOpenChange(false)}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" isPending={update.isPending}>
            {t('sessions.form.save')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
