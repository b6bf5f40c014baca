import { can as policyCan } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../components/layout/PageHeader';
import { Link } from '../components/ui';
import { Badge } from '../components/ui/Badge';
import { ButtonLink } from '../components/ui/ButtonLink';
import { ErrorState } from '../components/ui/ErrorState';
import { LoadingState } from '../components/ui/LoadingState';
import { toSubject, useCan, useCurrentUser } from '../features/auth/hooks';
import { GroupDiscussions } from '../features/discussions/components/GroupDiscussions';
import { GroupFiches } from '../features/fiches/components/GroupFiches';
import { GroupMembers } from '../features/groups/components/GroupMembers';
import { useGroup } from '../features/groups/hooks';
import { GroupInvitations } from '../features/invitations/components/GroupInvitations';
import { GroupActions } from '../features/meetings/components/GroupActions';
import { GroupMeetings } from '../features/meetings/components/GroupMeetings';
import { isApiError } from '../lib/api-client';
import styles from './GroupPage.module.css';

export function GroupPage() {
  const { t } = useTranslation();
  const { groupId = '' } = useParams();
  const navigate = useNavigate();
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
  // Whoever leaves a group they may no longer open goes back to the bassins instead of a refusal.
  const onLeft = () => {
    const subject = toSubject(user);
    const rest = subject && {
      ...subject,
      memberships: subject.memberships.filter((m) => m.groupId !== g.id),
    };
    if (!policyCan(rest, 'group.view', { groupId: g.id })) navigate('/');
  };
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
      <div className={styles.layout}>
        <GroupMembers
          group={g}
          title={t('group.members.title')}
          className="group-layout__members"
          onLeft={onLeft}
        />
        <div className={styles.layoutMain}>
          <GroupFiches groupId={g.id} archived={!!g.archivedAt} />
          <GroupDiscussions groupId={g.id} archived={!!g.archivedAt} />
          <GroupMeetings groupId={g.id} archived={!!g.archivedAt} />
          <GroupActions groupId={g.id} />
        </div>
      </div>
    </div>
  );
}
