import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/TextField';
import styles from '../meetings.module.css';

export interface TimesDraft {
  date: string;
  start: string;
  end: string;
}

/** Day, start and end of a meeting in Brussels time, as native date and time inputs (keyboard and phone friendly). */
export function TimeFields({
  value,
  onChange,
}: {
  value: TimesDraft;
  onChange: (value: TimesDraft) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className={styles.formTimes}>
      <legend className="field__label">
        {t('meetings.form.times')} <span className="muted">({t('meetings.form.timesHelp')})</span>
      </legend>
      <TextField
        type="date"
        label={t('meetings.form.date')}
        className={styles.formMini}
        value={value.date}
        onChange={(date) => onChange({ ...value, date })}
      />
      <TextField
        type="time"
        label={t('meetings.form.start')}
        className={styles.formMini}
        value={value.start}
        onChange={(start) => onChange({ ...value, start })}
      />
      <TextField
        type="time"
        label={t('meetings.form.end')}
        className={styles.formMini}
        value={value.end}
        onChange={(end) => onChange({ ...value, end })}
      />
    </fieldset>
  );
}
