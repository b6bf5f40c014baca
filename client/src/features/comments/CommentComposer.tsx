import { COMMENT_MAX_CHARS, routes } from '@affluents/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { FormError } from '../../components/ui/FormError';
import { TextAreaField } from '../../components/ui/TextAreaField';
import { hrefOf } from '../../lib/api-client';
import { useErrorMessage } from '../../lib/use-error-message';
import { AttachButton, AttachmentDrafts } from '../files/Attachments';
import { useAttachments } from '../files/use-attachments';
import styles from './comments.module.css';

interface CommentComposerProps {
  /** The fiche commented: files are uploaded for its comments before the comment is sent. */
  ficheId: string;
  label: string;
  submitLabel: string;
  onSubmit: (body: string, fileIds: string[]) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/** A small form for a comment or a reply: a text area, files to join, and a submit button. */
export function CommentComposer({
  ficheId,
  label,
  submitLabel,
  onSubmit,
  onCancel,
  autoFocus,
}: CommentComposerProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const attachments = useAttachments(hrefOf(routes.files.uploadToComments, { params: { id: ficheId } }));
  const [pending, setPending] = useState(false);
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (autoFocus) field.current?.focus();
  }, [autoFocus]);

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    if (!body.trim() || attachments.uploading) return;
    setPending(true);
    setError(null);
    try {
      await onSubmit(
        body.trim(),
        attachments.stored.map((file) => file.id),
      );
      setBody('');
      attachments.clear();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  }

  return (
    <form className={styles.composer} onSubmit={submit}>
      <TextAreaField
        className={styles.composerLabel}
        inputRef={field}
        label={label}
        value={body}
        maxLength={COMMENT_MAX_CHARS}
        rows={3}
        onChange={setBody}
        onKeyDown={(e) => {
          e.continuePropagation();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
          if (e.key === 'Escape' && onCancel) onCancel();
        }}
      />
      <AttachmentDrafts items={attachments.items} onRemove={attachments.remove} />
      <FormError message={error} />
      <div className={styles.composerActions}>
        <AttachButton name="comment-files" compact onSelect={attachments.add} />
        {onCancel && (
          <Button variant="ghost" size="sm" onPress={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
        <Button
          type="submit"
          variant="primary"
          size="sm"
          isPending={pending}
          isDisabled={!body.trim() || attachments.uploading}
        >
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
