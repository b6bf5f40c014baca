import type { PlannedMeeting } from '@affluents/contracts';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ModalDialog } from '../../../components/ui/Dialog';
import { FormError } from '../../../components/ui/FormError';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useGroup } from '../../groups/hooks';
import { groupOrganisations } from '../group-organisations';
import { useCreateMeeting, usePlanYear } from '../hooks';
import { brusselsToIso, formatMeetingRange } from '../meeting-time';

const NO_HOST = '';

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
  const id = useId();
  const errorMessage = useErrorMessage();
  const group = useGroup(groupId, { enabled: isOpen });
  const plan = usePlanYear(groupId);
  const create = useCreateMeeting(groupId);
  const [date, setDate] = useState('');
  const [start, setStart] = useState('09:30');
  const [duration, setDuration] = useState('180');
  const [every, setEvery] = useState('2');
  const [count, setCount] = useState('6');
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
        durationMinutes: Number(duration) || 180,
        everyMonths: Number(every) || 2,
        count: Number(count) || 6,
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
          hostOrganisationId: chosen[i] || null,
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
        <form className="form meeting-plan__form" onSubmit={propose} noValidate>
          <div className="meeting-plan__grid">
            <label className="meeting-form__mini" htmlFor={`${id}-title`}>
              <span>{t('meetings.plan.prefix')}</span>
              <input
                id={`${id}-title`}
                className="field__input"
                maxLength={120}
                value={prefix}
                onChange={(e) => setPrefix(e.currentTarget.value)}
              />
            </label>
            <label className="meeting-form__mini" htmlFor={`${id}-date`}>
              <span>{t('meetings.plan.firstDate')}</span>
              <input
                id={`${id}-date`}
                type="date"
                className="field__input"
                required
                value={date}
                onChange={(e) => setDate(e.currentTarget.value)}
              />
            </label>
            <label className="meeting-form__mini" htmlFor={`${id}-start`}>
              <span>{t('meetings.plan.start')}</span>
              <input
                id={`${id}-start`}
                type="time"
                className="field__input"
                required
                value={start}
                onChange={(e) => setStart(e.currentTarget.value)}
              />
            </label>
            <label className="meeting-form__mini" htmlFor={`${id}-duration`}>
              <span>{t('meetings.plan.duration')}</span>
              <input
                id={`${id}-duration`}
                type="number"
                min={30}
                max={600}
                step={15}
                className="field__input"
                value={duration}
                onChange={(e) => setDuration(e.currentTarget.value)}
              />
            </label>
            <label className="meeting-form__mini" htmlFor={`${id}-every`}>
              <span>{t('meetings.plan.every')}</span>
              <input
                id={`${id}-every`}
                type="number"
                min={1}
                max={6}
                className="field__input"
                value={every}
                onChange={(e) => setEvery(e.currentTarget.value)}
              />
            </label>
            <label className="meeting-form__mini" htmlFor={`${id}-count`}>
              <span>{t('meetings.plan.count')}</span>
              <input
                id={`${id}-count`}
                type="number"
                min={1}
                max={12}
                className="field__input"
                value={count}
                onChange={(e) => setCount(e.currentTarget.value)}
              />
            </label>
          </div>
          <div>
            <Button type="submit" isPending={plan.isPending}>
              {t('meetings.plan.propose')}
            </Button>
          </div>
        </form>
        {rows && rows.length > 0 && (
          <div className="table-wrap">
            <table className="table meeting-plan__table">
              <caption className="visually-hidden">{t('meetings.plan.proposal')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('meetings.plan.colTitle')}</th>
                  <th scope="col">{t('meetings.plan.colDate')}</th>
                  <th scope="col">{t('meetings.plan.colHost')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={row.startsAt}>
                    <td>{row.title}</td>
                    <td>{formatMeetingRange(row.startsAt, row.endsAt, i18n.language)}</td>
                    <td>
                      <select
                        className="field__input"
                        aria-label={t('meetings.plan.hostFor', { title: row.title })}
                        value={hosts[i] ?? NO_HOST}
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          setHosts((list) => list.map((h, j) => (j === i ? value : h)));
                        }}
                      >
                        <option value={NO_HOST}>{t('meetings.form.noHost')}</option>
                        {hostOptions.map((o) => (
                          <option key={o.id} value={o.id}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
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
