import type { FicheDetail } from '@affluents/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/ui';
import { ButtonLink } from '../../components/ui/ButtonLink';
import { Checkbox } from '../../components/ui/Checkbox';
import type { FicheQuery } from '../fiches/api/fiches-api';
import { bookletPdfUrl, fichePdfUrl } from './export-urls';
import styles from './exports.module.css';

interface FichePdfDownloadProps {
  fiche: Pick<FicheDetail, 'id'>;
  versionId?: string;
  /** The caller may comment on the fiche (its group's members): only they may add the open comments. */
  mayComment: boolean;
  /** A button beside other buttons (version page), or a text link (side panel). */
  look?: 'button' | 'link';
}

/**
 * Downloads the fiche as PDF. The group's members may add the open comments as numbered notes (comments
 * are the group's working notes: the server refuses them to anyone else).
 */
export function FichePdfDownload({ fiche, versionId, mayComment, look = 'link' }: FichePdfDownloadProps) {
  const { t } = useTranslation();
  const [withComments, setWithComments] = useState(false);
  const href = fichePdfUrl(fiche.id, { versionId, withComments: mayComment && withComments });
  return (
    <span className={styles.download}>
      {look === 'button' ? (
        <ButtonLink href={href} download>
          {t('fiches.pdf.download')}
        </ButtonLink>
      ) : (
        <Link href={href} download className="link">
          {t('fiches.pdf.download')}
        </Link>
      )}
      {mayComment && (
        <Checkbox isSelected={withComments} onChange={setWithComments}>
          {t('fiches.pdf.withComments')}
        </Checkbox>
      )}
    </span>
  );
}

/** Downloads the current toolbox results (filters, not the page) as one PDF booklet. */
export function BookletPdfDownload({ query }: { query: FicheQuery }) {
  const { t } = useTranslation();
  return (
    <ButtonLink href={bookletPdfUrl(query)} download className="toolbox__booklet">
      {t('toolbox.booklet.download')}
    </ButtonLink>
  );
}
