import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/TextField';

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
    <fieldset className="meeting-form__times">
      <legend className="field__label">
        {t('meetings.form.times')} <span className="muted">({t('meetings.form.timesHelp')})</span>
      </legend>
      <TextField
        type="date"
        label={t('meetings.form.date')}
        className="meeting-form__mini"
        value={value.date}
        onChange={(date) => onChange({ ...value, date })}
      />
      <TextField
        type="time"
        label={t('meetings.form.start')}
        className="meeting-form__mini"
        value={value.start}
        onChange={(start) => onChange({ ...value, start })}
      />
      <TextField
        type="time"
        label={t('meetings.form.end')}
        className="meeting-form__mini"
        value={value.end}
        onChange={(end) => onChange({ ...value, end })}
      />
    </fieldset>
  );
}
