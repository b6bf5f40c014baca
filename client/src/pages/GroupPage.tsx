import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../components/layout/PageHeader';
import { Badge } from '../components/ui/Badge';
import { ButtonLink } from '../components/ui/ButtonLink';
import { ErrorState } from '../components/ui/ErrorState';
import { LoadingState } from '../components/ui/LoadingState';
import { useCan, useCurrentUser } from '../features/auth/hooks';
import { MemberList } from '../features/groups/components/MemberList';
import { UpcomingSections } from '../features/groups/components/UpcomingSections';
import { useGroup } from '../features/groups/hooks';
import { GroupInvitations } from '../features/invitations/components/GroupInvitations';
import { isApiError } from '../lib/api-client';

export function GroupPage() {
  const { t } = useTranslation();
  const { groupId = '' } = useParams();
  const group = useGroup(groupId);
  const can = useCan();
  const { data: user } = useCurrentUser();

  if (group.isPending) return <LoadingState />;
  if (group.isError) {
    const forbidden = isApiError(group.error, 'forbidden');
    const missing = isApiError(group.error, 'not_found') || isApiError(group.error, 'bad_request');
    if (forbidden || missing) {
      return (
        <div className="page">
          <PageHeader
            title={forbidden ? t('group.forbiddenTitle') : t('group.notFoundTitle')}
            lede={forbidden ? t('group.forbiddenText') : t('group.notFoundText')}
          />
          <ButtonLink href="/">{t('group.backToBassins')}</ButtonLink>
        </div>
      );
    }
    return <ErrorState error={group.error} onRetry={() => group.refetch()} />;
  }

  const g = group.data;
  const kind = t(`groupKinds.${g.kind}`);
  return (
    <div className="page">
      <nav aria-label={t('layout.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link href="/" className="link">
              {t('layout.nav.bassins')}
            </Link>
          </li>
          <li aria-current="page">
            {g.bassin.name} – {kind}
          </li>
        </ol>
      </nav>
      <PageHeader
        eyebrow={t('group.bassin', { name: g.bassin.name })}
        title={kind}
        documentTitle={`${g.bassin.name} – ${kind}`}
        lede={t(`group.purpose.${g.kind}`)}
        actions={
          <div className="page-header__badges">
            {g.myRole && <Badge tone="accent">{t(`group.myRole.${g.myRole}`)}</Badge>}
            {g.archivedAt && <Badge tone="warning">{t('bassins.archived')}</Badge>}
          </div>
        }
      />
      {g.kind === 'social_workers' && <p className="notice notice--info">{t('group.secrecy')}</p>}
      {can('group.invite', { groupId: g.id }) && <GroupInvitations groupId={g.id} />}
      <div className="group-layout">
        <section className="panel group-layout__members" aria-labelledby="members-title">
          <h2 id="members-title" className="panel__title">
            {t('group.members.title')} <span className="count">({g.memberCount})</span>
          </h2>
          <MemberList members={g.members} currentUserId={user?.id ?? ''} />
        </section>
        <div className="group-layout__main">
          <UpcomingSections />
        </div>
      </div>
    </div>
  );
}
