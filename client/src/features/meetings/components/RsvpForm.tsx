import { type MeetingDetail, type MeetingSummary, type RsvpAnswer, rsvpAnswers } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/ui/FormError';
import { RadioGroupField } from '../../../components/ui/RadioGroupField';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useRsvp } from '../hooks';

/** My answer to the invitation: Oui / Non / Peut-être, saved as soon as it is chosen. */
export function RsvpForm({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  return (
    <section className="panel meeting-rsvp" aria-labelledby="meeting-rsvp-title">
      <h2 id="meeting-rsvp-title" className="panel__title">
        {t('meetings.rsvp.title')}
      </h2>
      <RsvpChoice meeting={meeting} label={t('meetings.rsvp.label')} />
    </section>
  );
}

/** The answer itself (Oui / Non / Peut-être), saved when chosen: on the meeting's page and on the home page. */
export function RsvpChoice({
  meeting,
  label,
}: {
  meeting: Pick<MeetingSummary, 'id' | 'myRsvp'>;
  label: string;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const rsvp = useRsvp(meeting.id);
  const value = rsvp.isPending ? rsvp.variables : meeting.myRsvp;
  return (
    <>
      <RadioGroupField
        label={label}
        options={rsvpAnswers.map((answer) => ({ id: answer, label: t(`meetings.answers.${answer}`) }))}
        value={value ?? null}
        isDisabled={rsvp.isPending}
        inline
        onChange={(answer) =>
          rsvp.mutate(answer as RsvpAnswer, { onSuccess: () => notify.success(t('meetings.rsvp.saved')) })
        }
      />
      <FormError message={rsvp.error ? errorMessage(rsvp.error) : null} />
    </>
  );
}
