import type { MinutesAmendment } from '@affluents/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { Form } from '../../../components/ui/Form';
import { FormError } from '../../../components/ui/FormError';
import { TextAreaField } from '../../../components/ui/TextAreaField';
import { notify } from '../../../components/ui/toast';
import { formatDate } from '../../../i18n';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useAmendments, useDecideAmendment, useProposeAmendment } from '../hooks';

const statusTone = { open: 'neutral', accepted: 'success', rejected: 'warning' } as const;

interface AmendmentsPanelProps {
  meetingId: string;
  canManage: boolean;
  /** Amendments are proposed while the review is open. */
  reviewOpen: boolean;
}

/** The attendees' amendments to the draft minutes; facilitators accept or reject each. */
export function AmendmentsPanel({ meetingId, canManage, reviewOpen }: AmendmentsPanelProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const amendments = useAmendments(meetingId, true);
  const decide = useDecideAmendment(meetingId);

  function decideOn(amendment: MinutesAmendment, status: 'accepted' | 'rejected') {
    decide.mutate(
      { id: amendment.id, status },
      {
        onSuccess: () =>
          notify.success(
            status === 'accepted' ? t('live.amendments.accepted') : t('live.amendments.rejected'),
          ),
        onError: (error) => notify.error(t('live.amendments.decideFailed'), errorMessage(error)),
      },
    );
  }

  return (
    <section className="panel live-amendments" aria-labelledby="live-amendments-title">
      <h2 id="live-amendments-title" className="panel__title">
        {t('live.amendments.title')}
      </h2>
      {amendments.isError && <p className="live-muted">{errorMessage(amendments.error)}</p>}
      {amendments.data && amendments.data.length === 0 && (
        <p className="live-muted">{t('live.amendments.none')}</p>
      )}
      {amendments.data && amendments.data.length > 0 && (
        <ul className="live-amendments__list">
          {amendments.data.map((amendment) => (
            <li key={amendment.id} className="live-amendment">
              <p className="live-amendment__meta">
                {t('live.amendments.by', {
                  name: amendment.author.displayName,
                  date: formatDate(amendment.createdAt, i18n.language, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                  }),
                })}{' '}
                <Badge tone={statusTone[amendment.status]}>
                  {t(`live.amendments.status.${amendment.status}`)}
                </Badge>
              </p>
              {amendment.quote && (
                <blockquote className="live-amendment__quote">{amendment.quote}</blockquote>
              )}
              <p className="live-amendment__body">{amendment.body}</p>
              {canManage && amendment.status === 'open' && (
                <div className="live-amendment__actions">
                  <Button
                    size="sm"
                    onPress={() => decideOn(amendment, 'accepted')}
                    isDisabled={decide.isPending}
                    aria-label={t('live.amendments.acceptLabel', { name: amendment.author.displayName })}
                  >
                    {t('live.amendments.accept')}
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    onPress={() => decideOn(amendment, 'rejected')}
                    isDisabled={decide.isPending}
                    aria-label={t('live.amendments.rejectLabel', { name: amendment.author.displayName })}
                  >
                    {t('live.amendments.reject')}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {reviewOpen && <ProposeAmendmentForm meetingId={meetingId} />}
    </section>
  );
}

function ProposeAmendmentForm({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const propose = useProposeAmendment(meetingId);
  const [quote, setQuote] = useState('');
  const [body, setBody] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    propose.mutate(
      { quote: quote.trim(), body: body.trim() },
      {
        onSuccess: () => {
          setQuote('');
          setBody('');
          notify.success(t('live.amendments.proposed'));
        },
      },
    );
  }

  return (
    <Form className="live-capture__form" onSubmit={submit} aria-labelledby="live-amend-title">
      <h3 id="live-amend-title" className="live-capture__heading">
        {t('live.amendments.propose')}
      </h3>
      <TextAreaField
        label={t('live.amendments.quote')}
        inputClassName="live-capture__textarea"
        rows={2}
        maxLength={2000}
        value={quote}
        onChange={setQuote}
      />
      <TextAreaField
        label={t('live.amendments.body')}
        inputClassName="live-capture__textarea"
        rows={3}
        maxLength={4000}
        value={body}
        onChange={setBody}
        isRequired
      />
      <FormError message={propose.error ? errorMessage(propose.error) : null} />
      <Button type="submit" isPending={propose.isPending}>
        {t('live.amendments.submit')}
      </Button>
    </Form>
  );
}
