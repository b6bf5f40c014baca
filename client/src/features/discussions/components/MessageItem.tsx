import { isAllowedHref, type Message, type ThreadDetail } from '@affluents/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, UnstyledButton } from '../../../components/ui';
import { Button } from '../../../components/ui/Button';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { Menu, MenuItem, MenuPopover, MenuTrigger } from '../../../components/ui/Menu';
import { TextAreaField } from '../../../components/ui/TextAreaField';
import { AttachedFiles } from '../../files/Attachments';
import { formatTime, safeHtml } from '../format';
import messageStyles from '../message.module.css';
import type { MessageActions } from '../use-message-actions';
import { AddReactionButton, ReactionBar } from './ReactionBar';

export interface MessageItemProps {
  message: Message;
  thread: ThreadDetail;
  myId: string | undefined;
  actions: MessageActions;
  onReply: (message: Message) => void;
  onShowRevisions: (message: Message) => void;
  onMove: (message: Message) => void;
  onMarkSolution: (message: Message | null) => void;
}

/** One message: author, time, content or its marker, reply quote, reactions and its actions menu. */
export function MessageItem({
  message,
  thread,
  myId,
  actions,
  onReply,
  onShowRevisions,
  onMove,
  onMarkSolution,
}: MessageItemProps) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [picking, setPicking] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const gone = !!(message.deletedAt || message.hiddenAt || message.movedTo);
  const mine = message.author.id === myId;
  const isSolution = thread.solvedMessageId === message.id;
  const maySolve = thread.kind === 'question' && (thread.canModerate || thread.author.id === myId) && !gone;
  const html = safeHtml(message.html);
  // The server keeps only allowed links; the same rule here keeps a stale or forged one from becoming a link.
  const previews = message.previews.filter((p) => isAllowedHref(p.url));

  const menuItems = [
    thread.canPost && !gone && { id: 'reply', label: t('discussions.message.reply') },
    mine && thread.canPost && !gone && { id: 'edit', label: t('discussions.message.edit') },
    mine && !gone && { id: 'delete', label: t('discussions.message.delete') },
    thread.canModerate &&
      !message.hiddenAt &&
      !message.deletedAt && { id: 'hide', label: t('discussions.message.hide') },
    thread.canModerate && message.hiddenAt && { id: 'unhide', label: t('discussions.message.unhide') },
    thread.canModerate && !gone && { id: 'move', label: t('discussions.message.move') },
    maySolve &&
      (isSolution
        ? { id: 'unsolve', label: t('discussions.message.unmarkSolution') }
        : { id: 'solve', label: t('discussions.message.markSolution') }),
  ].filter((item): item is { id: string; label: string } => !!item);

  const onAction = (key: string) => {
    if (key === 'reply') onReply(message);
    if (key === 'edit') setEditing(true);
    if (key === 'delete') setConfirmingDelete(true);
    if (key === 'hide') actions.hide(message.id);
    if (key === 'unhide') actions.unhide(message.id);
    if (key === 'move') onMove(message);
    if (key === 'solve') onMarkSolution(message);
    if (key === 'unsolve') onMarkSolution(null);
  };

  return (
    <article
      id={`m-${message.seq}`}
      className={`message ${messageStyles.message}${isSolution ? ` ${messageStyles.messageSolution}` : ''}${mine ? ' message--mine' : ''}`}
      aria-labelledby={`m-${message.seq}-author`}
    >
      <header className={messageStyles.messageHead}>
        <span id={`m-${message.seq}-author`} className={messageStyles.messageAuthor}>
          {message.author.displayName}
        </span>
        <time className={messageStyles.messageTime} dateTime={message.createdAt}>
          {formatTime(message.createdAt, i18n.language)}
        </time>
        {message.editedAt && !gone && (
          <UnstyledButton className={messageStyles.messageEdited} onPress={() => onShowRevisions(message)}>
            {t('discussions.message.edited')}
          </UnstyledButton>
        )}
        {isSolution && <span className="badge badge--success">{t('discussions.message.solution')}</span>}
        <span className={messageStyles.messageTools}>
          {thread.canPost && !gone && (
            <AddReactionButton picking={picking} onPress={() => setPicking((p) => !p)} />
          )}
          {menuItems.length > 0 && (
            <MenuTrigger>
              <UnstyledButton
                className={messageStyles.messageMenuButton}
                aria-label={t('discussions.message.actions', { name: message.author.displayName })}
              >
                <span aria-hidden="true">⋯</span>
              </UnstyledButton>
              <MenuPopover>
                <Menu items={menuItems} onAction={(key) => onAction(String(key))}>
                  {(item) => <MenuItem id={item.id}>{item.label}</MenuItem>}
                </Menu>
              </MenuPopover>
            </MenuTrigger>
          )}
        </span>
      </header>
      {message.replyTo && !gone && (
        <a className={messageStyles.messageQuote} href={`#m-${message.replyTo.seq}`}>
          <span className={messageStyles.messageQuoteAuthor}>
            {t('discussions.message.replyTo', { name: message.replyTo.author.displayName })}
          </span>
          <span className={messageStyles.messageQuoteText}>{message.replyTo.excerpt}</span>
        </a>
      )}
      {message.movedTo ? (
        <p className={messageStyles.messageMarker}>
          {t('discussions.message.movedTo')}{' '}
          <Link href={`/discussions/${message.movedTo.threadId}`} className="link">
            {message.movedTo.title}
          </Link>
        </p>
      ) : message.hiddenAt ? (
        <p className={messageStyles.messageMarker}>{t('discussions.message.hidden')}</p>
      ) : message.deletedAt ? (
        <p className={messageStyles.messageMarker}>{t('discussions.message.deleted')}</p>
      ) : editing ? (
        <EditForm
          initial={message.body}
          onCancel={() => setEditing(false)}
          onSave={(body) => {
            setEditing(false);
            void actions.edit(message.id, body);
          }}
        />
      ) : html !== null ? (
        // The server renders the Markdown and sanitises it (allow-list of tags, safe link schemes).
        <div
          className={`message__body ${messageStyles.messageBody} markdown`}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised server-side, see above.
          dangerouslySetInnerHTML={{ __html: html }}
        />
      ) : (
        <p className={messageStyles.messageMarker}>{t('discussions.message.unsafe')}</p>
      )}
      {!gone && <AttachedFiles files={message.files} />}
      {previews.length > 0 && !gone && (
        <ul className={messageStyles.messagePreviews}>
          {previews.map((p) => (
            <li key={p.url}>
              <a
                href={p.url}
                className="link"
                {...(p.internal ? {} : { target: '_blank', rel: 'noopener noreferrer' })}
              >
                {p.title}
              </a>
            </li>
          ))}
        </ul>
      )}
      {!gone && (
        <ReactionBar
          reactions={message.reactions}
          myId={myId}
          disabled={!thread.canPost}
          picking={picking}
          onPicked={() => setPicking(false)}
          onToggle={(emoji, on) => actions.react(message.id, emoji, on)}
        />
      )}
      <ConfirmDialog
        title={t('discussions.message.confirmDelete')}
        isOpen={confirmingDelete}
        onOpenChange={setConfirmingDelete}
        confirmLabel={t('discussions.message.delete')}
        onConfirm={() => {
          setConfirmingDelete(false);
          actions.remove(message.id);
        }}
      >
        <p>{t('discussions.message.confirmDeleteHelp')}</p>
      </ConfirmDialog>
    </article>
  );
}

function EditForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: string;
  onSave: (body: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState(initial);
  return (
    <form
      className="message__edit"
      onSubmit={(event) => {
        event.preventDefault();
        if (body.trim()) onSave(body.trim());
      }}
    >
      <TextAreaField
        label={t('discussions.message.editLabel')}
        isLabelHidden
        value={body}
        rows={3}
        autoFocus
        onChange={setBody}
        onKeyDown={(e) => {
          e.continuePropagation();
          if (e.key === 'Escape') onCancel();
        }}
      />
      <div className={messageStyles.messageEditActions}>
        <Button size="sm" onPress={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button size="sm" variant="primary" type="submit">
          {t('discussions.message.save')}
        </Button>
      </div>
    </form>
  );
}
