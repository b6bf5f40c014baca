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
import styles from '../live.module.css';

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
      {amendments.isError && <p className={styles.muted}>{errorMessage(amendments.error)}</p>}
      {amendments.data && amendments.data.length === 0 && (
        <p className={styles.muted}>{t('live.amendments.none')}</p>
      )}
      {amendments.data && amendments.data.length > 0 && (
        <ul className={styles.amendmentsList}>
          {amendments.data.map((amendment) => (
            <li key={amendment.id} className={`live-amendment ${styles.amendment}`}>
              <p className={styles.amendmentMeta}>
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
                <blockquote className={styles.amendmentQuote}>{amendment.quote}</blockquote>
              )}
              <p className={styles.amendmentBody}>{amendment.body}</p>
              {canManage && amendment.status === 'open' && (
                <div className={styles.amendmentActions}>
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
    <Form className={styles.captureForm} onSubmit={submit} aria-labelledby="live-amend-title">
      <h3 id="live-amend-title" className={styles.captureHeading}>
        {t('live.amendments.propose')}
      </h3>
      <TextAreaField
        label={t('live.amendments.quote')}
        inputClassName={styles.captureTextarea}
        rows={2}
        maxLength={2000}
        value={quote}
        onChange={setQuote}
      />
      <TextAreaField
        label={t('live.amendments.body')}
        inputClassName={styles.captureTextarea}
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
