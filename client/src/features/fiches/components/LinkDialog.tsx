import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { Form } from '../../../components/ui/Form';
import { TextField } from '../../../components/ui/TextField';

const allowed = /^(https?:\/\/[^\s]+|mailto:[^\s@]+@[^\s@]+)$/i;

/** Adds, changes or removes the link on the selected words. */
export function LinkDialog({
  editor,
  isOpen,
  onOpenChange,
}: {
  editor: Editor;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const hasLink = isOpen && editor.isActive('link');

  useEffect(() => {
    if (isOpen) setUrl((editor.getAttributes('link').href as string | undefined) ?? 'https://');
  }, [isOpen, editor]);

  const close = () => {
    onOpenChange(false);
    editor.commands.focus();
  };

  return (
    <ModalDialog
      title={t('fiches.editor.linkDialog.title')}
      isOpen={isOpen}
      onOpenChange={(open) => (open ? onOpenChange(true) : close())}
      size="sm"
    >
      <Form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          editor.chain().focus().extendMarkRange('link').setLink({ href: url.trim() }).run();
          onOpenChange(false);
        }}
      >
        <TextField
          name="href"
          type="url"
          label={t('fiches.editor.linkDialog.url')}
          description={t('fiches.editor.linkDialog.urlHelp')}
          value={url}
          onChange={setUrl}
          isRequired
          autoFocus
          validate={(v) => (allowed.test(v.trim()) ? null : t('fiches.editor.linkDialog.invalid'))}
        />
        <div className="dialog__actions">
          {hasLink && (
            <Button
              variant="danger"
              onPress={() => {
                editor.chain().focus().extendMarkRange('link').unsetLink().run();
                onOpenChange(false);
              }}
            >
              {t('fiches.editor.linkDialog.remove')}
            </Button>
          )}
          <Button onPress={close}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary">
            {t('fiches.editor.linkDialog.apply')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
