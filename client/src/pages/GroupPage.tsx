import { type GroupDetail, can as policyCan } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../components/layout/PageHeader';
import { Link, Tab, TabList, TabPanel, Tabs } from '../components/ui';
import { Badge } from '../components/ui/Badge';
import { ButtonLink } from '../components/ui/ButtonLink';
import { ErrorState } from '../components/ui/ErrorState';
import { LoadingState } from '../components/ui/LoadingState';
import { toSubject, useCan, useCurrentUser } from '../features/auth/hooks';
import { GroupDiscussions } from '../features/discussions/components/GroupDiscussions';
import { useThreads } from '../features/discussions/hooks';
import { FICHES_SUMMARY_SIZE, GroupFiches } from '../features/fiches/components/GroupFiches';
import { useFiches } from '../features/fiches/hooks';
import { GroupMembers } from '../features/groups/components/GroupMembers';
import { useGroup } from '../features/groups/hooks';
import { GroupInvitations } from '../features/invitations/components/GroupInvitations';
import { GroupActions } from '../features/meetings/components/GroupActions';
import { GroupMeetings } from '../features/meetings/components/GroupMeetings';
import { useGroupActions, useGroupMeetings } from '../features/meetings/hooks';
import { isApiError } from '../lib/api-client';
import styles from './GroupPage.module.css';

export function GroupPage() {
  const { t } = useTranslation();
  const { groupId = '' } = useParams();
  const navigate = useNavigate();
  const group = useGroup(groupId);
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
          <ButtonLink href="/bassins">{t('group.backToBassins')}</ButtonLink>
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
            <Link href="/bassins" className="link">
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
      <GroupTabs group={g} onLeft={onLeft} />
    </div>
  );
}

const tabIds = ['apercu', 'discussions', 'fiches', 'rencontres', 'membres', 'actions'] as const;
type TabId = (typeof tabIds)[number];

/**
 * The group's sections as tabs, each named with its count: an overview (the recent discussions first, the
 * next meetings, the recent fiches, the open actions, each with « voir tout »), then every list in full.
 * The tab lives in the address (`?onglet=`), so back, forward and shared links keep it.
 */
function GroupTabs({ group, onLeft }: { group: GroupDetail; onLeft: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const requested = params.get('onglet');
  const selected: TabId = tabIds.find((id) => id === requested) ?? 'apercu';
  const fichePage = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const archived = !!group.archivedAt;
  // The same queries as the sections below: the counts cost no extra request.
  const threads = useThreads(group.id);
  const fiches = useFiches({ groupId: group.id, sort: 'date', pageSize: FICHES_SUMMARY_SIZE });
  const meetings = useGroupMeetings(group.id, 'upcoming');
  const actions = useGroupActions(group.id);

  const threadCount = threads.data
    ? `${threads.data.items.length}${threads.data.nextCursor ? '+' : ''}`
    : undefined;
  const counts: Record<TabId, string | number | undefined> = {
    apercu: undefined,
    discussions: threadCount,
    fiches: fiches.data?.total,
    rencontres: meetings.data?.length,
    membres: group.memberCount,
    actions: actions.data?.length,
  };
  const unread = threads.data?.groupUnread ?? 0;

  return (
    <Tabs
      className="tabs group-tabs"
      selectedKey={selected}
      onSelectionChange={(key) => setParams(key === 'apercu' ? {} : { onglet: String(key) })}
    >
      <TabList className="tabs__list" aria-label={t('group.tabsLabel')}>
        {tabIds.map((id) => (
          <Tab key={id} id={id} className="tabs__tab">
            {t(`group.tabs.${id}`)}
            {counts[id] !== undefined && <span className={styles.tabCount}> {counts[id]}</span>}
            {id === 'discussions' && unread > 0 && (
              <span className={`unread-badge ${styles.tabUnread}`}>
                <span aria-hidden="true">{unread}</span>
                <span className="visually-hidden">{t('group.tabUnread', { count: unread })}</span>
              </span>
            )}
          </Tab>
        ))}
      </TabList>
      <TabPanel id="apercu" className="tabs__panel">
        <div className={styles.overview}>
          <GroupDiscussions groupId={group.id} archived={archived} seeAllHref="?onglet=discussions" />
          <GroupMeetings groupId={group.id} archived={archived} />
          <GroupFiches groupId={group.id} archived={archived} seeAllHref="?onglet=fiches" />
          <GroupActions groupId={group.id} />
        </div>
      </TabPanel>
      <TabPanel id="discussions" className="tabs__panel">
        <GroupDiscussions groupId={group.id} archived={archived} />
      </TabPanel>
      <TabPanel id="fiches" className="tabs__panel">
        <GroupFiches
          groupId={group.id}
          archived={archived}
          page={fichePage}
          hrefFor={(page) => `?onglet=fiches&page=${page}`}
        />
      </TabPanel>
      <TabPanel id="rencontres" className="tabs__panel">
        <GroupMeetings groupId={group.id} archived={archived} />
      </TabPanel>
      <TabPanel id="membres" className="tabs__panel">
        <div className={styles.overview}>
          {can('group.invite', { groupId: group.id }) && <GroupInvitations groupId={group.id} />}
          <GroupMembers group={group} title={t('group.members.title')} onLeft={onLeft} />
        </div>
      </TabPanel>
      <TabPanel id="actions" className="tabs__panel">
        <GroupActions groupId={group.id} />
      </TabPanel>
    </Tabs>
  );
}
