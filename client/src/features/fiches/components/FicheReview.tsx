import type { FicheDetail } from '@affluents/contracts';
import { ficheSections, requiredSectionKeys } from '@affluents/editor/template';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { FormError } from '../../../components/ui/FormError';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useChangeFicheStatus } from '../hooks';
import pageStyles from './fiche-page.module.css';

const titleOf = new Map(ficheSections.map((s) => [s.key, s.title]));

/** The required sections among `emptySections`, in template order. */
export function missingRequired(emptySections: readonly string[]): string[] {
  return requiredSectionKeys.filter((key) => emptySections.includes(key));
}

interface FicheReviewProps {
  fiche: FicheDetail;
  /** Live, from the shared document: the server checks again when the fiche is submitted. */
  emptySections: readonly string[];
  mayEdit: boolean;
}

/**
 * Sending a draft to review. The button stays disabled, with the reason beside it, while required sections are
 * empty; if the server still refuses (its stored copy may lag a few instants), its answer is shown.
 */
export function FicheReview({ fiche, emptySections, mayEdit }: FicheReviewProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const change = useChangeFicheStatus(fiche.id);
  const explanationId = useId();
  const missing = missingRequired(emptySections);

  if (!mayEdit || (fiche.status !== 'draft' && fiche.status !== 'review')) return null;

  if (fiche.status === 'review') {
    return (
      <div className={pageStyles.review}>
        <p>{t('fiches.review.inReview')}</p>
        <Button
          size="sm"
          isPending={change.isPending}
          onPress={() =>
            change.mutate(
              { status: 'draft' },
              {
                onSuccess: () => {
                  notify.success(t('fiches.review.backedToDraft'));
                },
              },
            )
          }
        >
          {t('fiches.review.backToDraft')}
        </Button>
        <FormError message={change.error ? errorMessage(change.error) : null} />
      </div>
    );
  }

  const sections = missing.map((key) => titleOf.get(key) ?? key).join(', ');
  return (
    <div className={pageStyles.review}>
      <Button
        variant="primary"
        isDisabled={missing.length > 0}
        isPending={change.isPending}
        aria-describedby={explanationId}
        onPress={() =>
          change.mutate(
            { status: 'review' },
            {
              onSuccess: () => {
                notify.success(t('fiches.review.submitted'));
              },
            },
          )
        }
      >
        {t('fiches.review.submit')}
      </Button>
      <p id={explanationId} className={`review__explanation ${pageStyles.reviewExplanation}`}>
        {missing.length > 0
          ? t('fiches.review.blocked', { count: missing.length, sections })
          : t('fiches.review.ready')}
      </p>
      <FormError message={change.error ? errorMessage(change.error) : null} />
    </div>
  );
}
