import type { FicheDetail, FicheVersionContent } from '@affluents/contracts';
import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/layout/PageHeader';
import { Link } from '../../../components/ui';
import { ButtonLink } from '../../../components/ui/ButtonLink';
import { formatDate } from '../../../lib/dates';
import { FicheQuestions } from '../../discussions/components/FicheQuestions';
import { FichePdfDownload } from '../../exports/PdfDownloads';
import { ficheExportUrl } from '../api/fiches-api';
import { FicheVersionText } from './FicheVersionText';
import pageStyles from './fiche-page.module.css';
import versionStyles from './fiche-versions.module.css';

interface PublishedFicheViewProps {
  fiche: FicheDetail;
  /** The published version: the only one a reader outside the group may open. */
  version: FicheVersionContent;
}

/**
 * A published fiche as a reader outside its group meets it from the toolbox: who wrote it and where
 * (authors, structures, group, bassin), what it is about (themes, sectors, publics, year), its text, and a
 * way to ask its authors a question.
 * Versions are the group's working tool: nothing here speaks of them.
 */
export function PublishedFicheView({ fiche, version }: PublishedFicheViewProps) {
  const { t, i18n } = useTranslation();
  const aboutId = useId();
  const groupLabel = `${fiche.group.bassin.name} – ${t(`groupKinds.${fiche.group.kind}`)}`;
  const rows: Array<[label: string, value: string]> = [
    [t('fiches.published.authors'), fiche.authors.map((a) => a.displayName).join(', ')],
    [t('fiches.published.organisations'), fiche.organisations.map((o) => o.name).join(', ')],
    [t('fiches.published.group'), t(`groupKinds.${fiche.group.kind}`)],
    [t('fiches.published.bassin'), fiche.group.bassin.name],
    [t('fiches.metadata.themes'), fiche.themes.join(', ')],
    [t('fiches.metadata.sectors'), fiche.sectors.join(', ')],
    [t('fiches.metadata.publics'), fiche.publics.join(', ')],
    [t('fiches.published.year'), fiche.year ? String(fiche.year) : ''],
  ];
  const publishedAt = fiche.publishedAt ?? version.createdAt;

  return (
    <div className="page fiche-page fiche-published">
      <nav aria-label={t('layout.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link href="/bassins" className="link">
              {t('layout.nav.bassins')}
            </Link>
          </li>
          {/* The group's home and the live fiche are not the reader's: plain text, no dead links. */}
          <li>{groupLabel}</li>
          <li aria-current="page">{version.title}</li>
        </ol>
      </nav>
      <PageHeader
        eyebrow={t('fiches.published.eyebrow', { group: groupLabel })}
        title={version.title}
        lede={t('fiches.published.on', {
          date: formatDate('day', publishedAt, i18n.language),
        })}
      />
      <section className={versionStyles.fichePublishedAbout} aria-labelledby={aboutId}>
        <h2 id={aboutId} className={versionStyles.fichePublishedAboutTitle}>
          {t('fiches.published.about')}
        </h2>
        <dl className={pageStyles.metaList}>
          {rows
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <Fragment key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </Fragment>
            ))}
        </dl>
      </section>
      <div className={versionStyles.ficheVersionActions}>
        <ButtonLink href="/boite-a-outils">{t('fiches.version.backToToolbox')}</ButtonLink>
        <ButtonLink href={ficheExportUrl(fiche.id, version.id)} download>
          {t('fiches.version.download')}
        </ButtonLink>
        <FichePdfDownload fiche={fiche} versionId={version.id} mayComment={false} look="button" />
      </div>
      <FicheVersionText
        update={version.update}
        label={t('fiches.published.text', { title: version.title })}
        writtenOnly
      />
      <FicheQuestions ficheId={fiche.id} />
    </div>
  );
}
