import type { PlannedMeeting } from '@affluents/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { FormError } from '../../../components/ui/FormError';
import { NumberField } from '../../../components/ui/NumberField';
import { SelectField } from '../../../components/ui/SelectField';
import { Cell, Column, Row, Table, TableBody, TableHeader } from '../../../components/ui/Table';
import { TextField } from '../../../components/ui/TextField';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useGroup } from '../../groups/hooks';
import { groupOrganisations } from '../group-organisations';
import { useCreateMeeting, usePlanYear } from '../hooks';
import { brusselsToIso, formatMeetingRange } from '../meeting-time';
import styles from '../meetings.module.css';

const NO_HOST = '__none__';

/**
 * Lays out a year of meetings: the server's dry run proposes dates and hosts, the facilitator changes hosts
 * row by row, then each meeting is created with its chosen host.
 */
export function PlanYearDialog({
  groupId,
  isOpen,
  onOpenChange,
}: {
  groupId: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const group = useGroup(groupId, { enabled: isOpen });
  const plan = usePlanYear(groupId);
  const create = useCreateMeeting(groupId);
  const [date, setDate] = useState('');
  const [start, setStart] = useState('09:30');
  const [duration, setDuration] = useState<number | null>(180);
  const [every, setEvery] = useState<number | null>(2);
  const [count, setCount] = useState<number | null>(6);
  const [prefix, setPrefix] = useState('');
  const [rows, setRows] = useState<PlannedMeeting[] | null>(null);
  const [hosts, setHosts] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const resetPlan = plan.reset;
  const resetCreate = create.reset;

  useEffect(() => {
    if (!isOpen) return;
    setRows(null);
    setHosts([]);
    setProblem(null);
    setPrefix(t('meetings.kinds.regular'));
    resetPlan();
    resetCreate();
  }, [isOpen, resetPlan, resetCreate, t]);

  const organisations = groupOrganisations(group.data);

  function propose(event: FormEvent) {
    event.preventDefault();
    const firstStartsAt = brusselsToIso(date, start);
    if (!firstStartsAt) return setProblem(t('meetings.plan.errors.first'));
    setProblem(null);
    plan.mutate(
      {
        firstStartsAt,
        durationMinutes: duration || 180,
        everyMonths: every || 2,
        count: count || 6,
        titlePrefix: prefix.trim() || undefined,
        dryRun: true,
      },
      {
        onSuccess: (planned) => {
          setRows(planned);
          setHosts(planned.map((p) => p.host?.id ?? NO_HOST));
        },
      },
    );
  }

  // Created one by one with the chosen hosts: the dry run is only a proposal the facilitator adjusts.
  async function createAll() {
    if (!rows) return;
    setCreating(true);
    setProblem(null);
    try {
      const chosen = [...hosts];
      for (const [i, row] of rows.entries()) {
        await create.mutateAsync({
          title: row.title,
          kind: 'regular',
          startsAt: row.startsAt,
          endsAt: row.endsAt,
          place: { type: 'host' },
          hostOrganisationId: chosen[i] && chosen[i] !== NO_HOST ? chosen[i] : null,
        });
        // A failure halfway leaves only the rows still to create: trying again creates no duplicate.
        setRows((list) => list?.slice(1) ?? null);
        setHosts((list) => list.slice(1));
      }
      notify.success(t('meetings.plan.created', { count: rows.length }));
      onOpenChange(false);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setCreating(false);
    }
  }

  const hostOptions = [...organisations];
  for (const row of rows ?? [])
    if (row.host && !hostOptions.some((o) => o.id === row.host?.id))
      hostOptions.push({ id: row.host.id, label: row.host.name });

  return (
    <ModalDialog title={t('meetings.plan.title')} isOpen={isOpen} onOpenChange={onOpenChange} size="lg">
      <div className="stack">
        <p className="muted">{t('meetings.plan.intro')}</p>
        <form className={`form ${styles.planForm}`} onSubmit={propose} noValidate>
          <div className={styles.planGrid}>
            <TextField
              label={t('meetings.plan.prefix')}
              className={styles.formMini}
              maxLength={120}
              value={prefix}
              onChange={setPrefix}
            />
            <TextField
              type="date"
              label={t('meetings.plan.firstDate')}
              className={styles.formMini}
              isRequired
              validationBehavior="aria"
              value={date}
              onChange={setDate}
            />
            <TextField
              type="time"
              label={t('meetings.plan.start')}
              className={styles.formMini}
              isRequired
              validationBehavior="aria"
              value={start}
              onChange={setStart}
            />
            <NumberField
              label={t('meetings.plan.duration')}
              className={styles.formMini}
              minValue={30}
              maxValue={600}
              value={duration}
              onChange={setDuration}
            />
            <NumberField
              label={t('meetings.plan.every')}
              className={styles.formMini}
              minValue={1}
              maxValue={6}
              value={every}
              onChange={setEvery}
            />
            <NumberField
              label={t('meetings.plan.count')}
              className={styles.formMini}
              minValue={1}
              maxValue={12}
              value={count}
              onChange={setCount}
            />
          </div>
          <div>
            <Button type="submit" isPending={plan.isPending}>
              {t('meetings.plan.propose')}
            </Button>
          </div>
        </form>
        {rows && rows.length > 0 && (
          <div className="table-wrap">
            <Table aria-label={t('meetings.plan.proposal')} className={styles.planTable}>
              <TableHeader>
                <Column isRowHeader>{t('meetings.plan.colTitle')}</Column>
                <Column>{t('meetings.plan.colDate')}</Column>
                <Column>{t('meetings.plan.colHost')}</Column>
              </TableHeader>
              <TableBody>
                {rows.map((row, i) => (
                  <Row key={row.startsAt} id={row.startsAt}>
                    <Cell>{row.title}</Cell>
                    <Cell>{formatMeetingRange(row.startsAt, row.endsAt, i18n.language)}</Cell>
                    <Cell>
                      <SelectField
                        label={t('meetings.plan.hostFor', { title: row.title })}
                        isLabelHidden
                        options={[{ id: NO_HOST, label: t('meetings.form.noHost') }, ...hostOptions]}
                        value={hosts[i] ?? NO_HOST}
                        onChange={(value) =>
                          setHosts((list) => list.map((h, j) => (j === i ? (value ?? NO_HOST) : h)))
                        }
                      />
                    </Cell>
                  </Row>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        <FormError message={problem ?? (plan.error ? errorMessage(plan.error) : null)} />
        <div className="dialog__actions">
          <Button variant="secondary" onPress={() => onOpenChange(false)}>
            {t('common.cancel')}
          </Button>
          {rows && rows.length > 0 && (
            <Button variant="primary" onPress={() => void createAll()} isPending={creating}>
              {t('meetings.plan.create', { count: rows.length })}
            </Button>
          )}
        </div>
      </div>
    </ModalDialog>
  );
}
