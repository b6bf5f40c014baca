import { COMMENT_MAX_CHARS } from '@affluents/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { FormError } from '../../components/ui/FormError';
import { TextAreaField } from '../../components/ui/TextAreaField';
import { useErrorMessage } from '../../lib/use-error-message';
import styles from './comments.module.css';

interface CommentComposerProps {
  label: string;
  submitLabel: string;
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/** A small form for a comment or a reply: a text area and a submit button. */
export function CommentComposer({ label, submitLabel, onSubmit, onCancel, autoFocus }: CommentComposerProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [pending, setPending] = useState(false);
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (autoFocus) field.current?.focus();
  }, [autoFocus]);

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    if (!body.trim()) return;
    setPending(true);
    setError(null);
    try {
      await onSubmit(body.trim());
      setBody('');
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
      <FormError message={error} />
      <div className={styles.composerActions}>
        {onCancel && (
          <Button variant="ghost" size="sm" onPress={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
        <Button type="submit" variant="primary" size="sm" isPending={pending} isDisabled={!body.trim()}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
