import { IMAGE_NODE } from '@affluents/editor';
import type { Editor } from '@tiptap/core';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { Checkbox } from '../../components/ui/Checkbox';
import { ModalDialog } from '../../components/ui/Dialog';
import { Form } from '../../components/ui/Form';
import { TextAreaField } from '../../components/ui/TextAreaField';

/** The alt text of the image with this file id in the editor's text: null when not described yet. */
function currentAlt(editor: Editor, fileId: string): string | null {
  let alt: string | null = null;
  editor.state.doc.descendants((node) => {
    if (node.type.name === IMAGE_NODE && node.attrs.fileId === fileId) {
      alt = typeof node.attrs.alt === 'string' ? node.attrs.alt : null;
      return false;
    }
    return true;
  });
  return alt;
}

/**
 * Asks the writer what an image shows, for people who do not see it, or whether it is only decorative
 * (an empty alt: screen readers skip it). Opened after an image is inserted, and from the image later on.
 */
export function AltTextDialog({
  editor,
  fileId,
  onClose,
}: {
  editor: Editor;
  /** The image being described; null when the dialog is closed. */
  fileId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const helpId = useId();
  const [alt, setAlt] = useState('');
  const [decorative, setDecorative] = useState(false);

  useEffect(() => {
    if (!fileId) return;
    const existing = currentAlt(editor, fileId);
    setAlt(existing ?? '');
    setDecorative(existing === '');
  }, [editor, fileId]);

  const close = () => {
    onClose();
    if (!editor.isDestroyed) editor.commands.focus();
  };

  return (
    <ModalDialog
      title={t('files.altDialog.title')}
      isOpen={fileId !== null}
      onOpenChange={(open) => !open && close()}
      size="sm"
    >
      <Form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (fileId) editor.commands.setFicheImageAlt(fileId, decorative ? '' : alt.trim());
          close();
        }}
      >
        <TextAreaField
          label={t('files.altDialog.label')}
          description={t('files.altDialog.help')}
          name="alt"
          rows={3}
          maxLength={500}
          value={decorative ? '' : alt}
          onChange={setAlt}
          isDisabled={decorative}
          isRequired={!decorative}
          autoFocus
          validate={(value) => (decorative || value.trim() ? null : t('files.altDialog.required'))}
        />
        <Checkbox
          isSelected={decorative}
          onChange={setDecorative}
          name="decorative"
          aria-describedby={helpId}
        >
          {t('files.altDialog.decorative')}
        </Checkbox>
        <p id={helpId} className="field__description">
          {t('files.altDialog.decorativeHelp')}
        </p>
        <div className="dialog__actions">
          <Button onPress={close}>{t('files.altDialog.later')}</Button>
          <Button type="submit" variant="primary">
            {t('files.altDialog.save')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
