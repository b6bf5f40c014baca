import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import sidePanel from '../../../components/layout/side-panel.module.css';
import { Link } from '../../../components/ui';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { Form } from '../../../components/ui/Form';
import { FormError } from '../../../components/ui/FormError';
import { TextAreaField } from '../../../components/ui/TextAreaField';
import { TextField } from '../../../components/ui/TextField';
import { notify } from '../../../components/ui/toast';
import { isApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/dates';
import { useErrorMessage } from '../../../lib/use-error-message';
import { maxLength } from '../../../lib/validators';
import questionStyles from '../fiche-questions.module.css';
import { useAskFicheQuestion, useFicheQuestions } from '../hooks';
import listStyles from '../thread-list.module.css';
import { ThreadKindBadge } from './ThreadKindBadge';

/**
 * "Questions et réponses" on a published fiche: the questions the viewer may read (all of them for the
 * fiche's group, their own for other readers), and, for readers, a form to ask the authors. A question is a
 * thread the authors follow; the asker reads and answers in it. `forGroup`: the list in the group's own
 * fiche page (side panel), without the form.
 */
export function FicheQuestions({ ficheId, forGroup = false }: { ficheId: string; forGroup?: boolean }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const [asking, setAsking] = useState(false);
  const questions = useFicheQuestions(ficheId);
  return (
    <section
      className={forGroup ? 'side-panel__section' : questionStyles.questions}
      aria-labelledby={titleId}
    >
      <h2 id={titleId} className={forGroup ? sidePanel.title : questionStyles.questionsTitle}>
        {t('discussions.questions.title')}
      </h2>
      <p className={questionStyles.questionsIntro}>
        {t(forGroup ? 'discussions.questions.groupIntro' : 'discussions.questions.intro')}
      </p>
      {!forGroup && (
        <Button variant="primary" onPress={() => setAsking(true)}>
          {t('discussions.questions.ask')}
        </Button>
      )}
      {questions.isError && <p role="alert">{t('discussions.questions.failed')}</p>}
      {questions.data && questions.data.length === 0 && (
        <p className={questionStyles.questionsNone}>{t('discussions.questions.none')}</p>
      )}
      {questions.data && questions.data.length > 0 && (
        <ul className={`${listStyles.threadList} ${questionStyles.questionsList}`}>
          {questions.data.map((q) => (
            <li key={q.id} className={`thread-row ${listStyles.threadRow}`}>
              <div className={listStyles.threadRowHead}>
                <Link href={`/discussions/${q.id}`} className={listStyles.threadRowTitle}>
                  {q.title}
                </Link>
                <ThreadKindBadge thread={q} statusOnly />
              </div>
              <div className={listStyles.threadRowMeta}>
                <span>
                  {t('discussions.questions.askedBy', {
                    name: q.author.displayName,
                    date: formatDate('day', q.createdAt, i18n.language),
                  })}
                </span>
                <span>{t('discussions.questions.replies', { count: q.messageCount })}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {!forGroup && <AskQuestionDialog ficheId={ficheId} isOpen={asking} onOpenChange={setAsking} />}
    </section>
  );
}

interface AskQuestionDialogProps {
  ficheId: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}

/** The question's subject and message; once sent, the asker lands in its thread. */
function AskQuestionDialog({ ficheId, isOpen, onOpenChange }: AskQuestionDialogProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const ask = useAskFicheQuestion(ficheId);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const { reset } = ask;

  useEffect(() => {
    if (isOpen) {
      setTitle('');
      setBody('');
      reset();
    }
  }, [isOpen, reset]);

  return (
    <ModalDialog title={t('discussions.questions.dialogTitle')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <Form
        className="form"
        validationErrors={isApiError(ask.error) ? ask.error.fieldErrorMap : undefined}
        onSubmit={(event) => {
          event.preventDefault();
          ask.mutate(
            { title: title.trim(), body: body.trim(), clientId: crypto.randomUUID() },
            {
              onSuccess: (thread) => {
                onOpenChange(false);
                notify.success(t('discussions.questions.sent'));
                navigate(`/discussions/${thread.id}`);
              },
            },
          );
        }}
      >
        <TextField
          name="title"
          label={t('discussions.questions.subject')}
          value={title}
          onChange={setTitle}
          isRequired
          autoFocus
          validate={maxLength(t, 200)}
        />
        <TextAreaField
          label={t('discussions.questions.message')}
          name="body"
          rows={6}
          value={body}
          onChange={setBody}
          isRequired
        />
        <FormError message={ask.error ? errorMessage(ask.error) : null} />
        <div className="dialog__actions">
          <Button onPress={() => onOpenChange(false)} isDisabled={ask.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" isPending={ask.isPending}>
            {t('discussions.questions.submit')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
