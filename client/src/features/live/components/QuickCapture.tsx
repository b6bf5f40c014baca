import type { Decision, FollowUpAction, Participant } from '@affluents/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { Form } from '../../../components/ui/Form';
import { FormError } from '../../../components/ui/FormError';
import { SelectField } from '../../../components/ui/SelectField';
import { TextAreaField } from '../../../components/ui/TextAreaField';
import { TextField } from '../../../components/ui/TextField';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useAddAction, useAddDecision } from '../hooks';
import styles from '../live.module.css';
import { ActionList, DecisionList } from './MeetingFacts';

interface QuickCaptureProps {
  meetingId: string;
  participants: Participant[];
  decisions: Decision[];
  actions: FollowUpAction[];
  /** Facilitators write decisions and actions; everyone reads them. */
  canManage: boolean;
}

const NOBODY = 'nobody';

/** Decisions and follow-up actions (what, who, by when) noted during the meeting, listed as they come. */
export function QuickCapture({ meetingId, participants, decisions, actions, canManage }: QuickCaptureProps) {
  const { t } = useTranslation();
  return (
    <section className="panel live-capture" aria-labelledby="live-capture-title">
      <h2 id="live-capture-title" className="panel__title">
        {t('live.capture.title')}
      </h2>
      <h3 className={styles.captureHeading}>{t('live.capture.decisions')}</h3>
      <DecisionList decisions={decisions} />
      {canManage && <DecisionForm meetingId={meetingId} />}
      <h3 className={styles.captureHeading}>{t('live.capture.actions')}</h3>
      <ActionList actions={actions} />
      {canManage && <ActionForm meetingId={meetingId} participants={participants} />}
    </section>
  );
}

function DecisionForm({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const add = useAddDecision(meetingId);
  const [text, setText] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const sent = text.trim();
    if (!sent) return;
    // Cleared at once, so the next decision can be typed while this one is saved; given back if refused.
    setText('');
    add.mutate(sent, { onError: () => setText((current) => current || sent) });
  }

  return (
    <Form className={styles.captureForm} onSubmit={submit}>
      <TextAreaField
        label={t('live.capture.decisionLabel')}
        inputClassName={styles.captureTextarea}
        rows={2}
        maxLength={2000}
        value={text}
        onChange={setText}
        isRequired
      />
      <FormError message={add.error ? errorMessage(add.error) : null} />
      <Button type="submit" size="sm" isPending={add.isPending}>
        {t('live.capture.addDecision')}
      </Button>
    </Form>
  );
}

function ActionForm({ meetingId, participants }: { meetingId: string; participants: Participant[] }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const add = useAddAction(meetingId);
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState<string>(NOBODY);
  const [dueOn, setDueOn] = useState('');
  const options = [
    { id: NOBODY, label: t('live.capture.ownerNobody') },
    ...participants.map((p) => ({ id: p.person.id, label: p.person.displayName })),
  ];

  function submit(event: FormEvent) {
    event.preventDefault();
    const sent = { title: title.trim(), owner, dueOn };
    if (!sent.title) return;
    // Cleared at once: the owner and date chosen for the next action while this one is saved are never
    // wiped by its success. If it is refused, what was sent comes back unless the form was filled again.
    setTitle('');
    setOwner(NOBODY);
    setDueOn('');
    add.mutate(
      { title: sent.title, ownerId: sent.owner === NOBODY ? null : sent.owner, dueOn: sent.dueOn || null },
      {
        onError: () => {
          setTitle((current) => current || sent.title);
          setOwner((current) => (current === NOBODY ? sent.owner : current));
          setDueOn((current) => current || sent.dueOn);
        },
      },
    );
  }

  return (
    <Form className={styles.captureForm} onSubmit={submit}>
      <TextField
        label={t('live.capture.actionLabel')}
        value={title}
        onChange={setTitle}
        isRequired
        maxLength={300}
      />
      <div className={styles.captureRow}>
        <SelectField
          label={t('live.capture.owner')}
          options={options}
          value={owner}
          onChange={(value) => setOwner(value ?? NOBODY)}
        />
        <TextField label={t('live.capture.dueOn')} type="date" value={dueOn} onChange={setDueOn} />
      </div>
      <FormError message={add.error ? errorMessage(add.error) : null} />
      <Button type="submit" size="sm" isPending={add.isPending}>
        {t('live.capture.addAction')}
      </Button>
    </Form>
  );
}
