import type { Message, ThreadDetail } from '@affluents/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../components/layout/PageHeader';
import { ButtonLink } from '../components/ui/ButtonLink';
import { ErrorState } from '../components/ui/ErrorState';
import { LoadingState } from '../components/ui/LoadingState';
import { useCan, useCurrentUser } from '../features/auth/hooks';
import { Composer } from '../features/discussions/components/Composer';
import { MessageList } from '../features/discussions/components/MessageList';
import { MoveMessageDialog } from '../features/discussions/components/MoveMessageDialog';
import { RevisionsDialog } from '../features/discussions/components/RevisionsDialog';
import { SocketStatusLine } from '../features/discussions/components/SocketStatusLine';
import { ThreadHeader } from '../features/discussions/components/ThreadHeader';
import composerStyles from '../features/discussions/composer.module.css';
import { useThread, useUpdateThread } from '../features/discussions/hooks';
import threadStyles from '../features/discussions/thread.module.css';
import { useMarkRead } from '../features/discussions/use-mark-read';
import { useMessageActions } from '../features/discussions/use-message-actions';
import { useThreadMessages } from '../features/discussions/use-thread-messages';
import { useSendTyping, useTypingNames } from '../features/discussions/use-typing';
import { useGroup } from '../features/groups/hooks';
import { memberCandidates } from '../features/mentions/mention-candidates';
import { ThreadPolls } from '../features/polls/ThreadPolls';
import { isApiError } from '../lib/api-client';

export function ThreadPage() {
  const { t } = useTranslation();
  const { threadId = '' } = useParams();
  const thread = useThread(threadId);

  // A failed refresh keeps the thread on screen (the chat has its own live state); only a thread that
  // never loaded shows the error.
  if (thread.data) return <ThreadView key={thread.data.id} thread={thread.data} />;
  if (thread.isPending) return <LoadingState />;
  const forbidden = isApiError(thread.error, 'forbidden');
  const missing = isApiError(thread.error, 'not_found') || isApiError(thread.error, 'bad_request');
  if (forbidden || missing) {
    return (
      <div className="page">
        <PageHeader
          title={forbidden ? t('discussions.page.forbiddenTitle') : t('discussions.page.notFoundTitle')}
          lede={forbidden ? t('discussions.page.forbiddenText') : t('discussions.page.notFoundText')}
        />
        <ButtonLink href="/bassins">{t('group.backToBassins')}</ButtonLink>
      </div>
    );
  }
  return <ErrorState error={thread.error} onRetry={() => thread.refetch()} />;
}

function ThreadView({ thread }: { thread: ThreadDetail }) {
  const { t } = useTranslation();
  const { data: me } = useCurrentUser();
  const group = useGroup(thread.groupId);
  const chat = useThreadMessages(thread);
  const actions = useMessageActions(chat.apply);
  const markRead = useMarkRead(thread);
  const sendTyping = useSendTyping(thread.id);
  const typingNames = useTypingNames(thread.id, me?.id);
  const solve = useUpdateThread(thread.id);
  const can = useCan();
  const [readSeqAtOpen] = useState(thread.lastReadSeq);
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const [revisionsOf, setRevisionsOf] = useState<Message | null>(null);
  const [moving, setMoving] = useState<Message | null>(null);
  const members = useMemo(
    () => memberCandidates(group.data?.members ?? [], me?.id ?? null),
    [group.data, me?.id],
  );

  return (
    <div className={`page ${threadStyles.threadPage}`}>
      <ThreadHeader thread={thread} />
      <SocketStatusLine />
      {/* Posting is open to a thread's guests; opening a poll stays with the group's members (the policy). */}
      <ThreadPolls
        threadId={thread.id}
        canCreate={thread.canPost && can('poll.create', { groupId: thread.groupId })}
      />
      <section className={threadStyles.threadPageMessages} aria-label={t('discussions.messages')}>
        {chat.loadState === 'loading' ? (
          <LoadingState />
        ) : chat.loadState === 'error' ? (
          <ErrorState error={null} onRetry={() => window.location.reload()} />
        ) : (
          <MessageList
            messages={chat.messages}
            pending={chat.pending}
            readSeqAtOpen={readSeqAtOpen}
            hasOlder={chat.hasOlder}
            onLoadOlder={chat.loadOlder}
            onRetry={chat.retry}
            onEndVisible={markRead}
            thread={thread}
            myId={me?.id}
            actions={actions}
            onReply={setReplyTo}
            onShowRevisions={setRevisionsOf}
            onMove={setMoving}
            onMarkSolution={(message) => solve.mutate({ solvedMessageId: message?.id ?? null })}
          />
        )}
      </section>
      <div className={composerStyles.threadPageBottom}>
        <p className={composerStyles.typing} aria-live="polite">
          {typingNames.length > 0 &&
            t('discussions.typing', { names: typingNames.join(', '), count: typingNames.length })}
        </p>
        {thread.canPost ? (
          <Composer
            members={members}
            replyTo={replyTo}
            onCancelReply={() => setReplyTo(null)}
            onTyping={sendTyping}
            threadId={thread.id}
            onSend={(body, files) => {
              chat.send(body, replyTo, files);
              setReplyTo(null);
            }}
          />
        ) : (
          <p className="notice notice--info">
            {thread.locked ? t('discussions.lockedExplain') : t('discussions.readOnlyExplain')}
          </p>
        )}
      </div>
      <RevisionsDialog message={revisionsOf} onClose={() => setRevisionsOf(null)} />
      <MoveMessageDialog
        message={moving}
        groupId={thread.groupId}
        onMove={actions.move}
        onClose={() => setMoving(null)}
      />
    </div>
  );
}
