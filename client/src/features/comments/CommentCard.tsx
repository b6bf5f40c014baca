import type { FicheComment } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';
import { UnstyledButton } from '../../components/ui';
import { Button } from '../../components/ui/Button';
import { formatDate, formatRelative } from '../../lib/dates';
import { AttachedFiles } from '../files/Attachments';
import { CommentBody } from './CommentBody';
import { CommentComposer } from './CommentComposer';
import styles from './comments.module.css';

interface CommentCardProps {
  comment: FicheComment;
  active: boolean;
  mayResolve: boolean;
  onFocus: () => void;
  onReply: (body: string, fileIds: string[]) => Promise<unknown>;
  onResolve: (resolved: boolean) => void;
}

/** One comment thread: the quoted passage, the comment, its replies, a reply form and resolution. */
export function CommentCard({ comment, active, mayResolve, onFocus, onReply, onResolve }: CommentCardProps) {
  const { t, i18n } = useTranslation();
  // Recent activity: relative, the full moment on hover.
  const when = (iso: string) => formatRelative(iso, i18n.language, t('notifications.justNow'));
  const moment = (iso: string) => formatDate('dayTime', iso, i18n.language);
  const resolved = comment.resolvedAt !== null;
  return (
    <article
      className={`${styles.card}${active ? ` comment-card--active ${styles.cardActive}` : ''}${resolved ? ` ${styles.cardIsResolved}` : ''}`}
      data-comment-id={comment.id}
      aria-label={t('comments.threadLabel', { author: comment.author.displayName })}
    >
      <UnstyledButton className={styles.cardQuote} onPress={onFocus}>
        <span className="visually-hidden">{t('comments.goToPassage')}</span>
        <q>{comment.quote}</q>
      </UnstyledButton>
      <header className={styles.cardMeta}>
        <strong>{comment.author.displayName}</strong>{' '}
        <time dateTime={comment.createdAt} title={moment(comment.createdAt)}>
          {when(comment.createdAt)}
        </time>
      </header>
      <CommentBody body={comment.body} />
      <AttachedFiles files={comment.files} />
      {comment.replies.length > 0 && (
        <ol
          className={styles.cardReplies}
          aria-label={t('comments.replies', { count: comment.replies.length })}
        >
          {comment.replies.map((reply) => (
            <li key={reply.id}>
              <span className={styles.cardMeta}>
                <strong>{reply.author.displayName}</strong>{' '}
                <time dateTime={reply.createdAt} title={moment(reply.createdAt)}>
                  {when(reply.createdAt)}
                </time>
              </span>
              <CommentBody body={reply.body} />
              <AttachedFiles files={reply.files} />
            </li>
          ))}
        </ol>
      )}
      {resolved && comment.resolvedBy && (
        <p className={styles.cardResolved}>
          {t('comments.resolvedBy', { name: comment.resolvedBy.displayName })}
        </p>
      )}
      {!resolved && (
        <CommentComposer
          ficheId={comment.ficheId}
          label={t('comments.replyLabel')}
          submitLabel={t('comments.reply')}
          onSubmit={onReply}
        />
      )}
      {mayResolve && (
        <Button size="sm" variant="ghost" onPress={() => onResolve(!resolved)}>
          {resolved ? t('comments.reopen') : t('comments.resolve')}
        </Button>
      )}
    </article>
  );
}
