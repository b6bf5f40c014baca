import { type MeetingDetail, type RsvpAnswer, rsvpAnswers } from '@affluents/contracts';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/ui/FormError';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useRsvp } from '../hooks';

/** My answer to the invitation: Oui / Non / Peut-être, saved as soon as it is chosen. */
export function RsvpForm({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const rsvp = useRsvp(meeting.id);
  const value = rsvp.isPending ? rsvp.variables : meeting.myRsvp;
  return (
    <section className="panel meeting-rsvp" aria-labelledby="meeting-rsvp-title">
      <h2 id="meeting-rsvp-title" className="panel__title">
        {t('meetings.rsvp.title')}
      </h2>
      <RadioGroup
        className="radio-group"
        value={value ?? null}
        isDisabled={rsvp.isPending}
        onChange={(answer) =>
          rsvp.mutate(answer as RsvpAnswer, { onSuccess: () => notify.success(t('meetings.rsvp.saved')) })
        }
      >
        <Label className="field__label">{t('meetings.rsvp.label')}</Label>
        <div className="radio-group__items meeting-rsvp__items">
          {rsvpAnswers.map((answer) => (
            <Radio key={answer} value={answer} className="radio">
              <span className="radio__circle" aria-hidden="true" />
              <span className="radio__text">{t(`meetings.answers.${answer}`)}</span>
            </Radio>
          ))}
        </div>
      </RadioGroup>
      <FormError message={rsvp.error ? errorMessage(rsvp.error) : null} />
    </section>
  );
}
