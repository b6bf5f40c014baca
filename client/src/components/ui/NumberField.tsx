import {
  NumberField as AriaNumberField,
  type NumberFieldProps as AriaNumberFieldProps,
  Input,
} from 'react-aria-components';
import { FieldFrame, fieldClass } from './FieldFrame';
import styles from './NumberField.module.css';

export interface NumberFieldProps
  extends Omit<AriaNumberFieldProps, 'className' | 'children' | 'value' | 'onChange'> {
  label: string;
  description?: string;
  /** `null` while the field is empty. */
  value: number | null;
  onChange: (value: number | null) => void;
  className?: string;
  /** The label is read by screen readers but not shown (the row around the field says what it is). */
  isLabelHidden?: boolean;
}

/** A labelled whole-number field (arrow keys step it, min and max are enforced on blur). */
export function NumberField({
  label,
  description,
  value,
  onChange,
  className,
  isLabelHidden = false,
  ...props
}: NumberFieldProps) {
  return (
    <AriaNumberField
      formatOptions={{ maximumFractionDigits: 0, useGrouping: false }}
      {...props}
      value={value ?? Number.NaN}
      onChange={(next) => onChange(Number.isNaN(next) ? null : next)}
      className={fieldClass(className)}
    >
      <FieldFrame label={label} description={description} isLabelHidden={isLabelHidden}>
        <Input className={`field__input ${styles.input}`} />
      </FieldFrame>
    </AriaNumberField>
  );
}
