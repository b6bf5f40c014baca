import { type MeetingKind, meetingKinds } from '@affluents/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { FormError } from '../../../components/ui/FormError';
import { RadioGroupField } from '../../../components/ui/RadioGroupField';
import { TextField } from '../../../components/ui/TextField';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useGroup } from '../../groups/hooks';
import { groupOrganisations } from '../group-organisations';
import { useCreateMeeting, useNextHost } from '../hooks';
import { draftFromPlace, type PlaceDraft, placeFromDraft } from '../meeting-form';
import { meetingTimes } from '../meeting-time';
import { PlaceFields } from './PlaceFields';
import { TimeFields, type TimesDraft } from './TimeFields';

const emptyTimes: TimesDraft = { date: '', start: '09:30', end: '12:30' };

/** A facilitator creates one meeting: a fixed date or a date poll, and a place (the rotation proposes the host). */
export function NewMeetingDialog({
  groupId,
  isOpen,
  onOpenChange,
}: {
  groupId: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const group = useGroup(groupId, { enabled: isOpen });
  const proposals = useNextHost(groupId, isOpen);
  const create = useCreateMeeting(groupId);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<MeetingKind>('regular');
  const [byPoll, setByPoll] = useState(false);
  const [times, setTimes] = useState<TimesDraft>(emptyTimes);
  const [place, setPlace] = useState<PlaceDraft>(draftFromPlace(null, null));
  const [problem, setProblem] = useState<string | null>(null);
  const { reset } = create;
  const proposal = proposals.data?.[0] ?? null;

  useEffect(() => {
    if (!isOpen) return;
    setTitle(t('meetings.kinds.regular'));
    setKind('regular');
    setByPoll(false);
    setTimes(emptyTimes);
    setPlace(draftFromPlace(null, null));
    setProblem(null);
    reset();
  }, [isOpen, reset, t]);

  // The rotation's proposal arrives after the dialog opens: preselect it unless a host was already chosen.
  const proposedId = proposal?.organisation.id ?? null;
  useEffect(() => {
    if (isOpen && proposedId) setPlace((p) => (p.hostId ? p : { ...p, hostId: proposedId }));
  }, [isOpen, proposedId]);

  const organisations = groupOrganisations(group.data);
  if (proposal && !organisations.some((o) => o.id === proposal.organisation.id))
    organisations.push({ id: proposal.organisation.id, label: proposal.organisation.name });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return setProblem(t('meetings.form.errors.title'));
    const when = byPoll ? null : meetingTimes(times.date, times.start, times.end);
    if (!byPoll && !when) return setProblem(t('meetings.form.errors.times'));
    const where = placeFromDraft(place);
    if ('problem' in where) return setProblem(t(`meetings.form.errors.${where.problem}`));
    setProblem(null);
    create.mutate(
      { title: title.trim(), kind, ...(when ?? {}), ...where },
      {
        onSuccess: (meeting) => {
          notify.success(t('meetings.form.created'));
          onOpenChange(false);
          if (meeting?.id) navigate(`/rencontres/${meeting.id}`);
        },
      },
    );
  }

  return (
    <ModalDialog title={t('meetings.group.new')} isOpen={isOpen} onOpenChange={onOpenChange} size="lg">
      <form className="form meeting-form" onSubmit={submit} noValidate>
        <TextField
          label={t('meetings.form.title')}
          value={title}
          onChange={setTitle}
          maxLength={200}
          isRequired
        />
        <RadioGroupField
          label={t('meetings.form.kind')}
          options={meetingKinds.map((k) => ({ id: k, label: t(`meetings.kinds.${k}`) }))}
          value={kind}
          inline
          onChange={(value) => setKind(value as MeetingKind)}
        />
        <RadioGroupField
          label={t('meetings.form.when')}
          options={[
            { id: 'fixed', label: t('meetings.form.fixedDate') },
            { id: 'poll', label: t('meetings.form.byPoll') },
          ]}
          value={byPoll ? 'poll' : 'fixed'}
          inline
          onChange={(value) => setByPoll(value === 'poll')}
        />
        {byPoll ? (
          <p className="field__description">{t('meetings.form.byPollHelp')}</p>
        ) : (
          <TimeFields value={times} onChange={setTimes} />
        )}
        <PlaceFields
          draft={place}
          onChange={setPlace}
          organisations={organisations}
          proposalReason={proposal && place.hostId === proposal.organisation.id ? proposal.reason : null}
        />
        <FormError message={problem ?? (create.error ? errorMessage(create.error) : null)} />
        <div className="dialog__actions">
          <Button variant="secondary" onPress={() => onOpenChange(false)}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" isPending={create.isPending}>
            {t('meetings.form.create')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
