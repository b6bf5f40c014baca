import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface TimesDraft {
  date: string;
  start: string;
  end: string;
}

/** Day, start and end of a meeting in Brussels time, as native inputs (keyboard and phone friendly). */
export function TimeFields({
  value,
  onChange,
}: {
  value: TimesDraft;
  onChange: (value: TimesDraft) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="meeting-form__times">
      <legend className="field__label">
        {t('meetings.form.times')} <span className="muted">({t('meetings.form.timesHelp')})</span>
      </legend>
      <label className="meeting-form__mini" htmlFor={`${id}-date`}>
        <span>{t('meetings.form.date')}</span>
        <input
          id={`${id}-date`}
          type="date"
          className="field__input"
          value={value.date}
          onChange={(e) => onChange({ ...value, date: e.currentTarget.value })}
        />
      </label>
      <label className="meeting-form__mini" htmlFor={`${id}-start`}>
        <span>{t('meetings.form.start')}</span>
        <input
          id={`${id}-start`}
          type="time"
          className="field__input"
          value={value.start}
          onChange={(e) => onChange({ ...value, start: e.currentTarget.value })}
        />
      </label>
      <label className="meeting-form__mini" htmlFor={`${id}-end`}>
        <span>{t('meetings.form.end')}</span>
        <input
          id={`${id}-end`}
          type="time"
          className="field__input"
          value={value.end}
          onChange={(e) => onChange({ ...value, end: e.currentTarget.value })}
        />
      </label>
    </fieldset>
  );
}
