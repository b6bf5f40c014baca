import type { MinutesAmendment } from '@affluents/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { Form } from '../../../components/ui/Form';
import { FormError } from '../../../components/ui/FormError';
import { TextAreaField } from '../../../components/ui/TextAreaField';
import { notify } from '../../../components/ui/toast';
import { ApiRequestError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/dates';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useAmendments, useDecideAmendment, useProposeAmendment } from '../hooks';
import styles from '../live.module.css';
import type { PassageRefusal, SelectedPassage } from '../passage';

const statusTone = { open: 'neutral', accepted: 'success', rejected: 'warning' } as const;

interface AmendmentsPanelProps {
  meetingId: string;
  canManage: boolean;
  /** Amendments are proposed while the review is open. */
  reviewOpen: boolean;
  /** The last passage selected in the draft (or why it cannot be replaced). */
  selection?: SelectedPassage | PassageRefusal | null;
}

/**
 * The attendees' amendments to the draft minutes: remarks, and replacements of a passage selected in the
 * draft; facilitators accept or reject each, and an accepted replacement is written into the text.
 */
export function AmendmentsPanel({
  meetingId,
  canManage,
  reviewOpen,
  selection = null,
}: AmendmentsPanelProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const amendments = useAmendments(meetingId, true);
  const decide = useDecideAmendment(meetingId);
  // Replacements whose passage changed since they were proposed: the server refused to apply them.
  const [stale, setStale] = useState<ReadonlySet<string>>(new Set());

  function decideOn(amendment: MinutesAmendment, status: 'accepted' | 'rejected', applyText = true) {
    const applies = status === 'accepted' && applyText && amendment.kind === 'replace';
    decide.mutate(
      { id: amendment.id, status, applyText },
      {
        onSuccess: () =>
          notify.success(
            status === 'rejected'
              ? t('live.amendments.rejected')
              : applies
                ? t('live.amendments.applied')
                : t('live.amendments.accepted'),
          ),
        onError: (error) => {
          if (applies && error instanceof ApiRequestError && error.status === 409)
            setStale((ids) => new Set(ids).add(amendment.id));
          notify.error(t('live.amendments.decideFailed'), errorMessage(error));
        },
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
          {amendments.data.map((amendment) => {
            const replace = amendment.kind === 'replace';
            const name = amendment.author.displayName;
            return (
              <li key={amendment.id} className={`live-amendment ${styles.amendment}`}>
                <p className={styles.amendmentMeta}>
                  {t('live.amendments.by', {
                    name,
                    date: formatDate('dayTime', amendment.createdAt, i18n.language),
                  })}{' '}
                  {replace && <Badge tone="info">{t('live.amendments.kind.replace')}</Badge>}{' '}
                  <Badge tone={statusTone[amendment.status]}>
                    {t(`live.amendments.status.${amendment.status}`)}
                  </Badge>
                </p>
                {replace && <p className={styles.amendmentLabel}>{t('live.amendments.passage')}</p>}
                {amendment.quote && (
                  <blockquote className={styles.amendmentQuote}>{amendment.quote}</blockquote>
                )}
                {replace && <p className={styles.amendmentLabel}>{t('live.amendments.replacement')}</p>}
                <p className={styles.amendmentBody}>{amendment.body}</p>
                {canManage && amendment.status === 'open' && (
                  <>
                    {stale.has(amendment.id) && (
                      <p className="notice notice--warning">{t('live.amendments.staleHelp')}</p>
                    )}
                    <div className={styles.amendmentActions}>
                      {replace && !stale.has(amendment.id) && (
                        <Button
                          size="sm"
                          onPress={() => decideOn(amendment, 'accepted')}
                          isDisabled={decide.isPending}
                          aria-label={t('live.amendments.applyLabel', { name })}
                        >
                          {t('live.amendments.apply')}
                        </Button>
                      )}
                      {(!replace || stale.has(amendment.id)) && (
                        <Button
                          size="sm"
                          onPress={() => decideOn(amendment, 'accepted', false)}
                          isDisabled={decide.isPending}
                          aria-label={t(
                            replace ? 'live.amendments.acceptAsRemarkLabel' : 'live.amendments.acceptLabel',
                            { name },
                          )}
                        >
                          {replace ? t('live.amendments.acceptAsRemark') : t('live.amendments.accept')}
                        </Button>
                      )}
                      <Button
                        size="sm"
                        variant="ghost"
                        onPress={() => decideOn(amendment, 'rejected')}
                        isDisabled={decide.isPending}
                        aria-label={t('live.amendments.rejectLabel', { name })}
                      >
                        {t('live.amendments.reject')}
                      </Button>
                    </div>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {reviewOpen && <ProposeAmendmentForm meetingId={meetingId} selection={selection} />}
    </section>
  );
}

function ProposeAmendmentForm({
  meetingId,
  selection,
}: {
  meetingId: string;
  selection: SelectedPassage | PassageRefusal | null;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const propose = useProposeAmendment(meetingId);
  const [quote, setQuote] = useState('');
  const [body, setBody] = useState('');
  // The passage being replaced; none for a remark.
  const [passage, setPassage] = useState<SelectedPassage | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    const request = passage
      ? { kind: 'replace' as const, quote: passage.quote, body: body.trim(), passage: passage.passage }
      : { kind: 'remark' as const, quote: quote.trim(), body: body.trim() };
    propose.mutate(request, {
      onSuccess: () => {
        setQuote('');
        setBody('');
        setPassage(null);
        notify.success(t('live.amendments.proposed'));
      },
    });
  }

  function replaceSelection() {
    if (!selection || typeof selection === 'string') return;
    propose.reset();
    setPassage(selection);
    setBody(selection.quote);
  }

  if (passage) {
    return (
      <Form className={styles.captureForm} onSubmit={submit} aria-labelledby="live-amend-title">
        <h3 id="live-amend-title" className={styles.captureHeading}>
          {t('live.amendments.replaceTitle')}
        </h3>
        <p className={styles.amendmentLabel}>{t('live.amendments.passage')}</p>
        <blockquote className={`live-amend-passage ${styles.amendmentQuote}`}>{passage.quote}</blockquote>
        <TextAreaField
          label={t('live.amendments.replacementField')}
          inputClassName={styles.captureTextarea}
          rows={3}
          maxLength={4000}
          value={body}
          onChange={setBody}
          isRequired
        />
        <FormError message={propose.error ? errorMessage(propose.error) : null} />
        <div className={styles.amendmentActions}>
          <Button type="submit" variant="primary" isPending={propose.isPending}>
            {t('live.amendments.submitReplace')}
          </Button>
          <Button
            variant="ghost"
            onPress={() => {
              setPassage(null);
              setBody('');
              propose.reset();
            }}
          >
            {t('live.amendments.cancelReplace')}
          </Button>
        </div>
      </Form>
    );
  }

  return (
    <Form className={styles.captureForm} onSubmit={submit} aria-labelledby="live-amend-title">
      <h3 id="live-amend-title" className={styles.captureHeading}>
        {t('live.amendments.propose')}
      </h3>
      <div className={styles.replaceChoice}>
        <p className={styles.muted} id="live-amend-replace-help">
          {selection === 'several-runs'
            ? t('live.amendments.selectionSeveral')
            : selection === 'too-long'
              ? t('live.amendments.selectionTooLong')
              : t('live.amendments.selectHelp')}
        </p>
        <Button
          size="sm"
          onPress={replaceSelection}
          isDisabled={!selection || typeof selection === 'string'}
          aria-describedby="live-amend-replace-help"
        >
          {t('live.amendments.replaceSelection')}
        </Button>
      </div>
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
