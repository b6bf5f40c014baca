import type { Message } from '@affluents/contracts';
import { Fragment, type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { AttachedFiles } from '../../files/Attachments';
import { dayKey, formatDay, formatTime } from '../format';
import type { PendingMessage } from '../merge-messages';
import messageStyles from '../message.module.css';
import threadStyles from '../thread.module.css';
import { MessageItem, type MessageItemProps } from './MessageItem';

interface MessageListProps extends Omit<MessageItemProps, 'message'> {
  messages: readonly Message[];
  pending: readonly PendingMessage[];
  /** My read position when the thread was opened: the "Nouveaux messages" divider goes after it. */
  readSeqAtOpen: number;
  hasOlder: boolean;
  onLoadOlder: () => Promise<void>;
  onRetry: (clientId: string) => void;
  /** Newest seq while the end of the list is on screen, 0 when it is not. */
  onEndVisible: (seq: number) => void;
}

/** The messages in order with day separators, the unread divider, pending sends and "load older". */
export function MessageList({
  messages,
  pending,
  readSeqAtOpen,
  hasOlder,
  onLoadOlder,
  onRetry,
  onEndVisible,
  ...itemProps
}: MessageListProps) {
  const { t, i18n } = useTranslation();
  const [loadingOlder, setLoadingOlder] = useState(false);
  const end = useRef<HTMLDivElement>(null);
  const divider = useRef<HTMLDivElement>(null);
  const endVisible = useRef(false);
  const newest = messages.at(-1)?.seq ?? 0;
  // The divider marks what was unread when the thread was opened; messages arriving while it is open
  // are read as they come and do not move it.
  const [dividerSeq, setDividerSeq] = useState<number | null | undefined>(undefined);
  const firstUnread =
    dividerSeq === undefined
      ? messages.find((m) => m.seq > readSeqAtOpen && m.author.id !== itemProps.myId)
      : messages.find((m) => m.seq === dividerSeq);

  // Opening: straight to the first unread message, else to the newest.
  useLayoutEffect(() => {
    if (dividerSeq !== undefined || messages.length === 0) return;
    setDividerSeq(firstUnread?.seq ?? null);
    (divider.current ?? end.current)?.scrollIntoView?.({ block: divider.current ? 'start' : 'end' });
  }, [messages.length, dividerSeq, firstUnread]);

  // New messages keep the view at the bottom only if the reader was already there.
  const count = messages.length + pending.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the count changes.
  useEffect(() => {
    if (endVisible.current) end.current?.scrollIntoView?.({ block: 'end' });
  }, [count]);

  useEffect(() => {
    const node = end.current;
    if (!node || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => {
      endVisible.current = !!entry?.isIntersecting;
      onEndVisible(endVisible.current ? newest : 0);
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [newest, onEndVisible]);

  const today = dayKey(new Date().toISOString());
  const yesterday = dayKey(new Date(Date.now() - 86_400_000).toISOString());
  const dayLabel = (iso: string) => {
    const key = dayKey(iso);
    if (key === today) return t('discussions.today');
    if (key === yesterday) return t('discussions.yesterday');
    return formatDay(iso, i18n.language);
  };

  let previousDay = '';
  const separatorFor = (iso: string): ReactNode => {
    const key = dayKey(iso);
    if (key === previousDay) return null;
    previousDay = key;
    return (
      <div className={threadStyles.daySeparator}>
        <span>{dayLabel(iso)}</span>
      </div>
    );
  };

  return (
    <div className={threadStyles.messageList}>
      {hasOlder && (
        <Button
          className={threadStyles.messageListOlder}
          isPending={loadingOlder}
          onPress={() => {
            setLoadingOlder(true);
            onLoadOlder().finally(() => setLoadingOlder(false));
          }}
        >
          {t('discussions.loadOlder')}
        </Button>
      )}
      {messages.map((message) => (
        <Fragment key={message.id}>
          {separatorFor(message.createdAt)}
          {message === firstUnread && (
            <div ref={divider} className={threadStyles.unreadDivider}>
              <span>{t('discussions.newMessages')}</span>
            </div>
          )}
          <MessageItem message={message} {...itemProps} />
        </Fragment>
      ))}
      {pending.map((p) => (
        <article
          key={p.clientId}
          className={`message ${messageStyles.message} message--pending ${messageStyles.messagePending}${p.status === 'failed' ? ` ${messageStyles.messageFailed}` : ''}`}
          aria-busy={p.status === 'sending'}
        >
          <header className={messageStyles.messageHead}>
            <span className={messageStyles.messageAuthor}>{t('discussions.you')}</span>
            <time className={messageStyles.messageTime} dateTime={p.createdAt}>
              {formatTime(p.createdAt, i18n.language)}
            </time>
            <span className={messageStyles.messageState}>
              {p.status === 'sending' ? t('discussions.sending') : t('discussions.sendFailed')}
            </span>
          </header>
          {p.body && (
            <p className={`message__body ${messageStyles.messageBody} ${messageStyles.messageBodyPlain}`}>
              {p.body}
            </p>
          )}
          <AttachedFiles files={p.files} />
          {p.status === 'failed' && (
            <div className={messageStyles.messageRetry}>
              {p.error && <span className={messageStyles.messageError}>{p.error}</span>}
              <Button size="sm" onPress={() => onRetry(p.clientId)}>
                {t('discussions.retry')}
              </Button>
            </div>
          )}
        </article>
      ))}
      <div ref={end} className={threadStyles.messageListEnd} />
    </div>
  );
}
