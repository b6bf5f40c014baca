import type { Poll } from '@affluents/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { Form } from '../../../components/ui/Form';
import { FormError } from '../../../components/ui/FormError';
import { TextAreaField } from '../../../components/ui/TextAreaField';
import { notify } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/use-error-message';
import { maxLength } from '../../../lib/validators';
import { useClosePoll } from '../hooks';

interface ClosePollDialogProps {
  poll: Poll;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Closes a poll with the outcome its author or a facilitator writes for the group. */
export function ClosePollDialog({ poll, isOpen, onOpenChange }: ClosePollDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const close = useClosePoll(poll.id);
  const [outcome, setOutcome] = useState('');
  const { reset } = close;

  useEffect(() => {
    if (isOpen) {
      setOutcome('');
      reset();
    }
  }, [isOpen, reset]);

  return (
    <ModalDialog title={t('polls.close.title')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <Form
        className="form"
        validationErrors={isApiError(close.error) ? close.error.fieldErrorMap : undefined}
        onSubmit={(event) => {
          event.preventDefault();
          close.mutate(
            { outcome: outcome.trim() },
            {
              onSuccess: () => {
                notify.success(t('polls.close.done'));
                onOpenChange(false);
              },
            },
          );
        }}
      >
        <p className="muted">{t('polls.close.intro', { question: poll.question })}</p>
        <TextAreaField
          name="outcome"
          label={t('polls.close.outcome')}
          description={t('polls.close.outcomeHelp')}
          rows={4}
          value={outcome}
          onChange={setOutcome}
          isRequired
          autoFocus
          validate={maxLength(t, 4000)}
        />
        <FormError message={close.error ? errorMessage(close.error) : null} />
        <div className="dialog__actions">
          <Button onPress={() => onOpenChange(false)} isDisabled={close.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isPending={close.isPending}>
            {t('polls.close.submit')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
