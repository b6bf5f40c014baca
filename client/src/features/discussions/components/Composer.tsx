import { type AttachedFile, type Message, routes } from '@affluents/contracts';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { type FieldKeyboardEvent, TextAreaField } from '../../../components/ui/TextAreaField';
import { hrefOf } from '../../../lib/api-client';
import { AttachButton, AttachmentDrafts } from '../../files/Attachments';
import { useAttachments } from '../../files/use-attachments';
import { MentionPicker } from '../../mentions/MentionPicker';
import { type MentionCandidate, rankMentionCandidates } from '../../mentions/mention-candidates';
import composerStyles from '../composer.module.css';
import { mentionQueryAt, mentionToken } from '../mentions';

interface ComposerProps {
  /** The thread written to: files are uploaded to it before the message is sent. */
  threadId: string;
  members: readonly MentionCandidate[];
  replyTo: Message | null;
  onCancelReply: () => void;
  onSend: (body: string, files: AttachedFile[]) => void;
  onTyping: () => void;
}

/**
 * Writing a message: Enter sends, Shift+Enter goes to the line, @ suggests the group's members; « Joindre »
 * adds files (sent at once, with their progress; removable until the message goes).
 */
export function Composer({ threadId, members, replyTo, onCancelReply, onSend, onTyping }: ComposerProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const attachments = useAttachments(hrefOf(routes.files.uploadToThread, { params: { id: threadId } }));
  const canSend = (body.trim() !== '' || attachments.stored.length > 0) && !attachments.uploading;
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const menuId = useId();
  const everyone: MentionCandidate = {
    id: null,
    label: t('discussions.composer.groupMention'),
    detail: null,
  };
  const candidates = mention ? rankMentionCandidates([...members, everyone], mention.query) : [];
  const menuOpen = candidates.length > 0;

  const update = (value: string, caret: number) => {
    setBody(value);
    setMention(mentionQueryAt(value, caret));
    setActive(0);
    if (value.trim()) onTyping();
  };

  const pick = (candidate: MentionCandidate) => {
    const node = textarea.current;
    if (!mention || !node) return;
    const caret = node.selectionStart;
    const token = `${mentionToken(candidate)} `;
    const next = body.slice(0, mention.start) + token + body.slice(caret);
    setBody(next);
    setMention(null);
    const position = mention.start + token.length;
    requestAnimationFrame(() => {
      node.focus();
      node.setSelectionRange(position, position);
    });
  };

  const send = () => {
    if (!canSend) return;
    onSend(body.trim(), attachments.stored);
    setBody('');
    setMention(null);
    attachments.clear();
  };

  const onKeyDown = (event: FieldKeyboardEvent) => {
    // Keys go on to the page as from any text area (react-aria stops them by default).
    event.continuePropagation();
    if (menuOpen) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((i) => (i + step + candidates.length) % candidates.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        const candidate = candidates[active];
        if (candidate) pick(candidate);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setMention(null);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
    if (event.key === 'Escape' && replyTo) onCancelReply();
  };

  return (
    <form
      className={composerStyles.composer}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      {replyTo && (
        <div className={composerStyles.composerReply}>
          <span>
            {t('discussions.composer.replyingTo', { name: replyTo.author.displayName })}{' '}
            <span className={composerStyles.composerReplyExcerpt}>{replyTo.body.slice(0, 80)}</span>
          </span>
          <Button
            size="sm"
            variant="ghost"
            onPress={onCancelReply}
            aria-label={t('discussions.composer.cancelReply')}
          >
            <span aria-hidden="true">×</span>
          </Button>
        </div>
      )}
      {menuOpen && (
        <MentionPicker
          id={menuId}
          label={t('discussions.composer.mentions')}
          candidates={candidates}
          active={active}
          onPick={pick}
          className={composerStyles.mentionMenu}
        />
      )}
      <AttachmentDrafts items={attachments.items} onRemove={attachments.remove} />
      <div className={composerStyles.composerRow}>
        <AttachButton name="message-files" onSelect={attachments.add} />
        <TextAreaField
          inputRef={textarea}
          label={t('discussions.composer.label')}
          isLabelHidden
          // The field fills the row; its text area keeps the composer's height limit.
          className={composerStyles.composerInput}
          inputClassName={composerStyles.composerInput}
          rows={2}
          value={body}
          placeholder={t('discussions.composer.placeholder')}
          aria-describedby={hintId}
          aria-autocomplete="list"
          aria-controls={menuOpen ? menuId : undefined}
          aria-activedescendant={menuOpen ? `${menuId}-${active}` : undefined}
          onChange={(value) => update(value, textarea.current?.selectionStart ?? value.length)}
          onKeyDown={onKeyDown}
          onBlur={() => setMention(null)}
        />
        <Button type="submit" variant="primary" isDisabled={!canSend}>
          {t('discussions.composer.send')}
        </Button>
      </div>
      <p id={hintId} className={composerStyles.composerHint}>
        {t('discussions.composer.hint')}
      </p>
    </form>
  );
}
