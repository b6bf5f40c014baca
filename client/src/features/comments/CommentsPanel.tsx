import type { CreateFicheCommentRequest, CurrentUser, FicheComment } from '@affluents/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import sidePanel from '../../components/layout/side-panel.module.css';
import { Checkbox } from '../../components/ui/Checkbox';
import { CommentCard } from './CommentCard';
import { CommentComposer } from './CommentComposer';
import styles from './comments.module.css';
import { useCreateComment, useReplyComment, useResolveComment } from './hooks';

/** A passage chosen in the text, waiting for its comment. */
export type CommentDraft = Omit<CreateFicheCommentRequest, 'body'>;

interface CommentsPanelProps {
  ficheId: string;
  groupId: string;
  me: CurrentUser;
  comments: FicheComment[];
  draft: CommentDraft | null;
  onDraftDone: () => void;
  activeId: string | null;
  onFocusComment: (comment: FicheComment) => void;
}

/** The "Commentaires" side panel: open comments in the order of the text, resolved ones on demand. */
export function CommentsPanel({
  ficheId,
  groupId,
  me,
  comments,
  draft,
  onDraftDone,
  activeId,
  onFocusComment,
}: CommentsPanelProps) {
  const { t } = useTranslation();
  const [showResolved, setShowResolved] = useState(false);
  const create = useCreateComment(ficheId);
  const reply = useReplyComment(ficheId);
  const resolve = useResolveComment(ficheId);
  const facilitator = me.memberships.some((m) => m.groupId === groupId && m.role === 'facilitator');

  const visible = comments.filter((c) => showResolved || c.resolvedAt === null);
  const anchored = visible.filter((c) => !c.orphaned);
  const orphaned = visible.filter((c) => c.orphaned);
  const resolvedCount = comments.filter((c) => c.resolvedAt !== null).length;

  const card = (comment: FicheComment) => (
    <li key={comment.id}>
      <CommentCard
        comment={comment}
        active={comment.id === activeId}
        mayResolve={facilitator || comment.author.id === me.id}
        onFocus={() => onFocusComment(comment)}
        onReply={(body, fileIds) => reply.mutateAsync({ commentId: comment.id, body, fileIds })}
        onResolve={(resolved) => resolve.mutate({ commentId: comment.id, resolved })}
      />
    </li>
  );

  return (
    <section className="comments-panel" aria-labelledby="comments-title">
      <h2 id="comments-title" className={sidePanel.title}>
        {t('comments.title')}
      </h2>
      {draft && (
        <div className={styles.panelDraft}>
          <p className="comments-panel__quote">
            <q>{draft.quote}</q>
          </p>
          <CommentComposer
            ficheId={ficheId}
            label={t('comments.newLabel')}
            submitLabel={t('comments.submit')}
            autoFocus
            onCancel={onDraftDone}
            onSubmit={async (body, fileIds) => {
              await create.mutateAsync({ ...draft, body, ...(fileIds.length > 0 ? { fileIds } : {}) });
              onDraftDone();
            }}
          />
        </div>
      )}
      <Checkbox isSelected={showResolved} onChange={setShowResolved}>
        {t('comments.showResolved', { count: resolvedCount })}
      </Checkbox>
      {anchored.length === 0 && orphaned.length === 0 ? (
        <p className={styles.panelEmpty}>{t('comments.empty')}</p>
      ) : (
        <ol className={styles.panelList}>{anchored.map(card)}</ol>
      )}
      {orphaned.length > 0 && (
        <>
          <h3 className="comments-panel__subtitle">{t('comments.orphaned')}</h3>
          <p className={styles.panelHint}>{t('comments.orphanedHint')}</p>
          <ol className={styles.panelList}>{orphaned.map(card)}</ol>
        </>
      )}
    </section>
  );
}
