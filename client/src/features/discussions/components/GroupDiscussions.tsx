import { presenceScope } from '@affluents/contracts';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/ui';
import { Button } from '../../../components/ui/Button';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { Switch } from '../../../components/ui/Switch';
import { useCan } from '../../auth/hooks';
import { PresenceAvatars } from '../../presence/PresenceAvatars';
import { useDiscussionSettings, useThreadPages, useThreads, useUpdateDiscussionSettings } from '../hooks';
import listStyles from '../thread-list.module.css';
import { NewThreadDialog } from './NewThreadDialog';
import { sortThreads, ThreadList } from './ThreadList';

/** How many threads the overview of a group shows before « voir tout ». */
const SUMMARY_SIZE = 5;

interface GroupDiscussionsProps {
  groupId: string;
  archived?: boolean;
  /** With it, the most recent threads only and a link to every thread (the group's overview). */
  seeAllHref?: string;
}

/**
 * The "Discussions" section of a group's home: its threads, what is unread, and a way to open one. In
 * full (the Discussions tab) the threads come page by page from the server.
 */
export function GroupDiscussions({ groupId, archived = false, seeAllHref }: GroupDiscussionsProps) {
  const { t } = useTranslation();
  const can = useCan();
  const summary = useThreads(groupId);
  const [creating, setCreating] = useState(false);
  const headingId = useId();
  const mayCreate = can('thread.create', { groupId }) && !archived;
  const unread = summary.data?.groupUnread ?? 0;

  let content: ReactNode;
  if (summary.isPending) content = <LoadingState />;
  else if (summary.isError) content = <ErrorState error={summary.error} onRetry={() => summary.refetch()} />;
  else if (summary.data.items.length === 0)
    content = (
      <EmptyState title={t('discussions.list.emptyTitle')} icon="chat">
        <p>{mayCreate ? t('discussions.list.emptyText') : t('discussions.list.emptyReadOnly')}</p>
      </EmptyState>
    );
  else if (seeAllHref) {
    const recent = sortThreads(summary.data.items).slice(0, SUMMARY_SIZE);
    const more = summary.data.items.length > SUMMARY_SIZE || summary.data.nextCursor !== null;
    content = (
      <>
        <ThreadList threads={recent} />
        {more && (
          <p className="see-all">
            <Link href={seeAllHref} className="link">
              {t('group.seeAll.discussions')}
            </Link>
          </p>
        )}
      </>
    );
  } else content = <PagedThreads groupId={groupId} />;

  return (
    <section className="panel discussions-panel" aria-labelledby={headingId}>
      <div className="toolbar panel__toolbar">
        <h2 id={headingId} className="panel__title toolbar__title">
          {t('discussions.title')}
          {unread > 0 && (
            <span
              className={`unread-badge ${listStyles.unreadBadge}`}
              role="img"
              aria-label={t('discussions.unread', { count: unread })}
            >
              {unread}
            </span>
          )}
        </h2>
        <PresenceAvatars scope={presenceScope('group', groupId)} />
        {mayCreate && (
          <Button variant="primary" onPress={() => setCreating(true)}>
            {t('discussions.list.new')}
          </Button>
        )}
      </div>
      {content}
      {can('thread.create', { groupId }) && <FollowAllToggle groupId={groupId} />}
      {mayCreate && <NewThreadDialog groupId={groupId} isOpen={creating} onOpenChange={setCreating} />}
    </section>
  );
}

/** Every thread of the group, a page at a time ("Afficher plus"). */
function PagedThreads({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const pages = useThreadPages(groupId);
  if (pages.isPending) return <LoadingState />;
  if (pages.isError) return <ErrorState error={pages.error} onRetry={() => pages.refetch()} />;
  return (
    <>
      <ThreadList threads={pages.data.pages.flatMap((page) => page.items)} />
      {pages.hasNextPage && (
        <Button
          className="see-all"
          onPress={() => void pages.fetchNextPage()}
          isPending={pages.isFetchingNextPage}
        >
          {t('group.moreThreads')}
        </Button>
      )}
    </>
  );
}

/** Per member: follow (be notified of) every new thread of the group. */
function FollowAllToggle({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const settings = useDiscussionSettings(groupId);
  const update = useUpdateDiscussionSettings(groupId);
  if (!settings.data) return null;
  return (
    <Switch
      className={listStyles.discussionsPanelFollow}
      label={t('discussions.list.followAll')}
      isSelected={settings.data.followAllNewThreads}
      isDisabled={update.isPending}
      onChange={(followAllNewThreads) => update.mutate({ followAllNewThreads })}
    />
  );
}
