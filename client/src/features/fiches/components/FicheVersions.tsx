import type { FicheDetail } from '@affluents/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import sidePanel from '../../../components/layout/side-panel.module.css';
import { Link } from '../../../components/ui';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { notify } from '../../../components/ui/toast';
import { formatDate } from '../../../lib/dates';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useCan } from '../../auth/hooks';
import { FichePdfDownload } from '../../exports/PdfDownloads';
import { ficheExportUrl } from '../api/fiches-api';
import { useChangeFicheStatus } from '../hooks';
import versionStyles from './fiche-versions.module.css';
import { PublishDialog } from './PublishDialog';
import { TakeVersionDialog } from './TakeVersionDialog';

interface FicheVersionsProps {
  fiche: FicheDetail;
  /** The caller may write in the text now (a member, the fiche not archived, the connection allowed). */
  mayEdit: boolean;
}

/**
 * The fiche's named versions, newest first, and what the person may do with its lifecycle: take a version
 * (writers), publish (facilitators, coordination), archive and restore (the same).
 */
export function FicheVersions({ fiche, mayEdit }: FicheVersionsProps) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const change = useChangeFicheStatus(fiche.id);
  const [dialog, setDialog] = useState<'take' | 'publish' | 'archive' | null>(null);
  const archived = fiche.status === 'archived';
  const target = { groupId: fiche.group.id };
  const mayPublish = can('fiche.publish', target) && !archived;
  const mayArchive = can('fiche.archive', target);
  const versions = [...fiche.versions].sort((a, b) => b.number - a.number);

  const openDialog = (which: typeof dialog) => {
    change.reset();
    setDialog(which);
  };
  const close = (open: boolean) => {
    if (!open) setDialog(null);
  };

  return (
    <section className="side-panel__section" aria-labelledby={headingId}>
      <h2 id={headingId} className={sidePanel.title}>
        {t('fiches.versions.title')}
      </h2>
      <p className={`muted ${sidePanel.intro}`}>{t('fiches.versions.intro')}</p>
      {(mayEdit || mayPublish || mayArchive) && (
        <div className={`${sidePanel.actions} ${versionStyles.versionActions}`}>
          {mayPublish && (
            <Button variant="primary" size="sm" onPress={() => openDialog('publish')}>
              {fiche.status === 'published' ? t('fiches.publish.again') : t('fiches.publish.open')}
            </Button>
          )}
          {mayEdit && (
            <Button size="sm" onPress={() => openDialog('take')}>
              {t('fiches.versions.take')}
            </Button>
          )}
          {mayArchive && (
            <Button
              size="sm"
              variant={archived ? 'secondary' : 'ghost'}
              onPress={() => openDialog('archive')}
            >
              {archived ? t('fiches.archive.restore') : t('fiches.archive.archive')}
            </Button>
          )}
        </div>
      )}
      {versions.length === 0 ? (
        <p className="muted">{t('fiches.versions.empty')}</p>
      ) : (
        <ol className={versionStyles.versionList}>
          {versions.map((version) => (
            <li key={version.id} className={`version-list__item ${versionStyles.versionListItem}`}>
              <div className={versionStyles.versionListHead}>
                <span className={versionStyles.versionListNumber}>
                  {t('fiches.versions.number', { number: version.number })}
                </span>
                {version.kind === 'publication' ? (
                  <Badge tone="success">
                    {t('fiches.versions.publication', {
                      reach: t(`fiches.reach.${version.reach ?? 'group'}`),
                    })}
                  </Badge>
                ) : (
                  <Badge>{t('fiches.versions.manual')}</Badge>
                )}
              </div>
              <p className={versionStyles.versionListLabel}>{version.label}</p>
              <p className={versionStyles.versionListMeta}>
                {t('fiches.versions.by', {
                  name: version.createdBy.displayName,
                  date: formatDate('dayTime', version.createdAt, i18n.language),
                })}
              </p>
              <Link
                href={`/fiches/${fiche.id}/versions/${version.id}`}
                className={`link ${versionStyles.versionListOpen}`}
                aria-label={t('fiches.versions.openLabel', { number: version.number })}
              >
                {t('fiches.versions.open')}
              </Link>
            </li>
          ))}
        </ol>
      )}
      <p className={versionStyles.versionExport}>
        <Link href={ficheExportUrl(fiche.id)} download className="link">
          {t('fiches.versions.export')}
        </Link>
        <FichePdfDownload fiche={fiche} mayComment={can('fiche.comment', target)} />
      </p>

      {mayEdit && <TakeVersionDialog ficheId={fiche.id} isOpen={dialog === 'take'} onOpenChange={close} />}
      {mayPublish && <PublishDialog fiche={fiche} isOpen={dialog === 'publish'} onOpenChange={close} />}
      {mayArchive && (
        <ConfirmDialog
          title={
            archived
              ? t('fiches.archive.restoreTitle', { title: fiche.title })
              : t('fiches.archive.title', { title: fiche.title })
          }
          isOpen={dialog === 'archive'}
          onOpenChange={close}
          confirmLabel={archived ? t('fiches.archive.restore') : t('fiches.archive.archive')}
          tone={archived ? 'primary' : 'danger'}
          isPending={change.isPending}
          error={change.error ? errorMessage(change.error) : null}
          onConfirm={() =>
            change.mutate(
              { status: archived ? 'draft' : 'archived' },
              {
                onSuccess: () => {
                  notify.success(archived ? t('fiches.archive.restored') : t('fiches.archive.archived'));
                  setDialog(null);
                },
              },
            )
          }
        >
          <p>{archived ? t('fiches.archive.restoreText') : t('fiches.archive.text')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
