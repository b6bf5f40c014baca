import { type ThreadKind, threadKinds } from '@affluents/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { Form } from '../../../components/ui/Form';
import { FormError } from '../../../components/ui/FormError';
import { SelectField } from '../../../components/ui/SelectField';
import { TextAreaField } from '../../../components/ui/TextAreaField';
import { TextField } from '../../../components/ui/TextField';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/use-error-message';
import { maxLength } from '../../../lib/validators';
import { useCan } from '../../auth/hooks';
import { useCreateThread } from '../hooks';

interface NewThreadDialogProps {
  groupId: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Opens a thread with its first message; announcements are offered to facilitators only. */
export function NewThreadDialog({ groupId, isOpen, onOpenChange }: NewThreadDialogProps) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const create = useCreateThread(groupId);
  const [kind, setKind] = useState<ThreadKind>('discussion');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const { reset } = create;
  const kinds = threadKinds.filter((k) => k !== 'announcement' || can('thread.announce', { groupId }));

  useEffect(() => {
    if (isOpen) {
      setKind('discussion');
      setTitle('');
      setBody('');
      reset();
    }
  }, [isOpen, reset]);

  return (
    <ModalDialog title={t('discussions.create.title')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <Form
        className="form"
        validationErrors={isApiError(create.error) ? create.error.fieldErrorMap : undefined}
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(
            { kind, title: title.trim(), body: body.trim(), clientId: crypto.randomUUID() },
            {
              onSuccess: (thread) => {
                onOpenChange(false);
                navigate(`/discussions/${thread.id}`);
              },
            },
          );
        }}
      >
        <SelectField
          label={t('discussions.create.kind')}
          options={kinds.map((k) => ({
            id: k,
            label: t(`discussions.kind.${k}`),
            description: t(`discussions.kindHelp.${k}`),
          }))}
          value={kind}
          onChange={(value) => value && setKind(value as ThreadKind)}
        />
        <TextField
          name="title"
          label={t('discussions.create.titleLabel')}
          value={title}
          onChange={setTitle}
          isRequired
          autoFocus
          validate={maxLength(t, 200)}
        />
        <TextAreaField
          label={t('discussions.create.body')}
          description={t('discussions.composer.markdownHint')}
          name="body"
          rows={5}
          value={body}
          onChange={setBody}
          isRequired
        />
        <FormError message={create.error ? errorMessage(create.error) : null} />
        <div className="dialog__actions">
          <Button onPress={() => onOpenChange(false)} isDisabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isPending={create.isPending}>
            {t('discussions.create.submit')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
