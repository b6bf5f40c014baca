import type { FicheDetail, FicheVersionContent } from '@affluents/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/layout/PageHeader';
import { Link } from '../../../components/ui';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { ButtonLink } from '../../../components/ui/ButtonLink';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { notify } from '../../../components/ui/toast';
import { formatDate } from '../../../lib/dates';
import { useErrorMessage } from '../../../lib/use-error-message';
import { FichePdfDownload } from '../../exports/PdfDownloads';
import { ficheExportUrl } from '../api/fiches-api';
import { useRestoreFicheVersion } from '../hooks';
import { FicheVersionText } from './FicheVersionText';
import versionStyles from './fiche-versions.module.css';

interface FicheVersionViewProps {
  fiche: FicheDetail;
  version: FicheVersionContent;
}

/**
 * A frozen version of a fiche, open read-only on its own page: its text, who took it and when, its Markdown
 * download and, for the fiche's writers, restoring it as the live text.
 */
export function FicheVersionView({ fiche, version }: FicheVersionViewProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const restore = useRestoreFicheVersion(fiche.id);
  const [confirming, setConfirming] = useState(false);
  const mayRestore = fiche.access === 'write';
  const ficheHref = `/fiches/${fiche.id}`;
  const groupLabel = `${fiche.group.bassin.name} – ${t(`groupKinds.${fiche.group.kind}`)}`;
  const numberLabel = t('fiches.versions.number', { number: version.number });

  return (
    <div className="page fiche-page fiche-version">
      <nav aria-label={t('layout.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link href="/bassins" className="link">
              {t('layout.nav.bassins')}
            </Link>
          </li>
          {/* Readers outside the group see neither its home nor the live fiche: plain text, no dead links. */}
          <li>
            {fiche.liveDocument ? (
              <Link href={`/groupes/${fiche.group.id}`} className="link">
                {groupLabel}
              </Link>
            ) : (
              groupLabel
            )}
          </li>
          <li>
            {fiche.liveDocument ? (
              <Link href={ficheHref} className="link">
                {fiche.title}
              </Link>
            ) : (
              fiche.title
            )}
          </li>
          <li aria-current="page">{numberLabel}</li>
        </ol>
      </nav>
      <PageHeader
        eyebrow={t('fiches.version.eyebrow', { number: version.number, label: version.label })}
        title={version.title}
        documentTitle={`${version.title} – ${numberLabel}`}
        actions={
          version.kind === 'publication' ? (
            <Badge tone="success">
              {t('fiches.versions.publication', { reach: t(`fiches.reach.${version.reach ?? 'group'}`) })}
            </Badge>
          ) : (
            <Badge>{t('fiches.versions.manual')}</Badge>
          )
        }
      />
      <div className={`notice notice--info ${versionStyles.ficheVersionBanner}`}>
        <div>
          <p className={versionStyles.ficheVersionBannerTitle}>{t('fiches.version.readOnly')}</p>
          <p>{t('fiches.version.readOnlyHelp')}</p>
        </div>
      </div>
      <p className={versionStyles.ficheVersionMeta}>
        {t('fiches.version.by', {
          name: version.createdBy.displayName,
          date: formatDate('dayTime', version.createdAt, i18n.language),
        })}
      </p>
      <div className={versionStyles.ficheVersionActions}>
        {fiche.liveDocument ? (
          <ButtonLink href={ficheHref}>{t('fiches.version.back')}</ButtonLink>
        ) : (
          <ButtonLink href="/boite-a-outils">{t('fiches.version.backToToolbox')}</ButtonLink>
        )}
        <ButtonLink href={ficheExportUrl(fiche.id, version.id)} download>
          {t('fiches.version.download')}
        </ButtonLink>
        <FichePdfDownload
          fiche={fiche}
          versionId={version.id}
          mayComment={fiche.access === 'write'}
          look="button"
        />
        {mayRestore && (
          <Button
            variant="primary"
            onPress={() => {
              restore.reset();
              setConfirming(true);
            }}
          >
            {t('fiches.version.restore')}
          </Button>
        )}
      </div>
      <FicheVersionText
        update={version.update}
        label={t('fiches.version.docLabel', { number: version.number, title: version.title })}
      />

      {mayRestore && (
        <ConfirmDialog
          title={t('fiches.version.restoreTitle', { number: version.number })}
          isOpen={confirming}
          onOpenChange={setConfirming}
          confirmLabel={t('fiches.version.restore')}
          tone="primary"
          isPending={restore.isPending}
          error={restore.error ? errorMessage(restore.error) : null}
          onConfirm={() =>
            restore.mutate(version.id, {
              onSuccess: () => {
                notify.success(t('fiches.version.restored', { number: version.number }));
                setConfirming(false);
                navigate(ficheHref);
              },
            })
          }
        >
          <p>{t('fiches.version.restoreText')}</p>
          <p>{t('fiches.version.restoreSafe')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
