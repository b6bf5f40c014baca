import type { MeetingDetail } from '@affluents/contracts';
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
import { useUpdateMeeting } from '../hooks';
import { draftFromPlace, type PlaceDraft, placeFromDraft } from '../meeting-form';
import { brusselsParts, meetingTimes } from '../meeting-time';
import { PlaceFields } from './PlaceFields';
import { TimeFields, type TimesDraft } from './TimeFields';

function timesOf(meeting: MeetingDetail): TimesDraft {
  if (!meeting.startsAt) return { date: '', start: '09:30', end: '12:30' };
  const start = brusselsParts(meeting.startsAt);
  const end = meeting.endsAt ? brusselsParts(meeting.endsAt) : start;
  return { date: start.date, start: start.time, end: end.time };
}

/** Facilitators move the meeting or change its place; every calendar follows (server side). */
export function EditMeetingDialog({
  meeting,
  isOpen,
  onOpenChange,
}: {
  meeting: MeetingDetail;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const group = useGroup(meeting.groupId, { enabled: isOpen });
  const update = useUpdateMeeting(meeting.id);
  const [title, setTitle] = useState(meeting.title);
  const [times, setTimes] = useState<TimesDraft>(() => timesOf(meeting));
  const [place, setPlace] = useState<PlaceDraft>(() =>
    draftFromPlace(meeting.place, meeting.host?.id ?? null),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const { reset } = update;

  useEffect(() => {
    if (!isOpen) return;
    setTitle(meeting.title);
    setTimes(timesOf(meeting));
    setPlace(draftFromPlace(meeting.place, meeting.host?.id ?? null));
    setProblem(null);
    reset();
  }, [isOpen, meeting, reset]);

  const organisations = groupOrganisations(group.data);
  if (meeting.host && !organisations.some((o) => o.id === meeting.host?.id))
    organisations.push({ id: meeting.host.id, label: meeting.host.name });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return setProblem(t('meetings.form.errors.title'));
    // A meeting whose date is still polled keeps no times until the poll closes, unless some are typed.
    const typed = times.date !== '';
    const when = typed ? meetingTimes(times.date, times.start, times.end) : null;
    if ((typed || meeting.startsAt) && !when) return setProblem(t('meetings.form.errors.times'));
    const where = placeFromDraft(place);
    if ('problem' in where) return setProblem(t(`meetings.form.errors.${where.problem}`));
    setProblem(null);
    update.mutate(
      { title: title.trim(), ...(when ?? {}), ...where },
      {
        onSuccess: () => {
          notify.success(t('meetings.form.saved'));
          onOpenChange(false);
        },
      },
    );
  }

  return (
    <ModalDialog title={t('meetings.page.editTitle')} isOpen={isOpen} onOpenChange={onOpenChange} size="lg">
      <form className="form meeting-form" onSubmit={submit} noValidate>
        <TextField
          label={t('meetings.form.title')}
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
            {t('meetings.form.save')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
