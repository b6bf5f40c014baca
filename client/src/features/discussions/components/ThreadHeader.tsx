import type { FollowLevel, GroupKind, ThreadDetail } from '@affluents/contracts';
import { presenceScope } from '@affluents/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/ui';
import { Button } from '../../../components/ui/Button';
import { SelectField } from '../../../components/ui/SelectField';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { PresenceAvatars } from '../../presence/PresenceAvatars';
import { useSetFollow, useUpdateThread } from '../hooks';
import threadStyles from '../thread.module.css';
import { ThreadAccessDialog } from './ThreadAccessDialog';
import { ThreadKindBadge } from './ThreadKindBadge';

const followLevels: FollowLevel[] = ['following', 'default', 'muted'];

/** Title, group, kind and state of a thread; who is here; how I follow it; pin and lock for facilitators. */
export function ThreadHeader({ thread }: { thread: ThreadDetail }) {
  const { t } = useTranslation();
  const setFollow = useSetFollow(thread.id);
  const update = useUpdateThread(thread.id);
  const [accessOpen, setAccessOpen] = useState(false);
  const groupName = `${thread.group.bassinName} – ${t(`groupKinds.${thread.group.kind as GroupKind}`)}`;
  useDocumentTitle(thread.title);
  return (
    <header className="thread-header">
      <nav aria-label={t('layout.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link href={`/groupes/${thread.groupId}`} className="link">
              {groupName}
            </Link>
          </li>
          <li aria-current="page">{t('discussions.title')}</li>
        </ol>
      </nav>
      <h1 className={threadStyles.threadHeaderTitle}>{thread.title}</h1>
      <div className={threadStyles.threadHeaderMeta}>
        <ThreadKindBadge thread={thread} />
        {thread.pinned && <span className="badge badge--accent">{t('discussions.pinned')}</span>}
        {thread.locked && <span className="badge badge--warning">{t('discussions.locked')}</span>}
        {thread.subject && (
          <Link href={`/fiches/${thread.subject.id}`} className="link">
            {t('discussions.aboutFiche', { title: thread.subject.title })}
          </Link>
        )}
        <PresenceAvatars scope={presenceScope('thread', thread.id)} />
      </div>
      <div className={threadStyles.threadHeaderActions}>
        <SelectField
          className={threadStyles.threadHeaderFollow}
          label={t('discussions.follow.label')}
          options={followLevels.map((level) => ({
            id: level,
            label: t(`discussions.follow.${level}`),
            description: t(`discussions.follow.${level}Help`),
          }))}
          value={thread.follow}
          onChange={(value) => value && setFollow.mutate(value as FollowLevel)}
        />
        {thread.canModerate && (
          <>
            <Button
              size="sm"
              isPending={update.isPending}
              onPress={() => update.mutate({ pinned: !thread.pinned })}
            >
              {thread.pinned ? t('discussions.unpin') : t('discussions.pin')}
            </Button>
            <Button
              size="sm"
              isPending={update.isPending}
              onPress={() => update.mutate({ locked: !thread.locked })}
            >
              {thread.locked ? t('discussions.unlock') : t('discussions.lock')}
            </Button>
            <Button size="sm" onPress={() => setAccessOpen(true)}>
              {t('discussions.access.open')}
            </Button>
            <ThreadAccessDialog
              threadId={thread.id}
              isOpen={accessOpen}
              onClose={() => setAccessOpen(false)}
            />
          </>
        )}
      </div>
    </header>
  );
}
