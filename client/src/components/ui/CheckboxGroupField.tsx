import {
  Checkbox,
  CheckboxGroup,
  type CheckboxGroupProps,
  FieldError,
  Label,
  Text,
} from 'react-aria-components';
import styles from './CheckboxGroupField.module.css';

export interface CheckboxOption {
  id: string;
  label: string;
}

export interface CheckboxGroupFieldProps
  extends Omit<CheckboxGroupProps, 'className' | 'children' | 'value' | 'onChange'> {
  label: string;
  description?: string;
  options: readonly CheckboxOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  className?: string;
}

/** A labelled group of checkboxes for choosing several options at once. */
export function CheckboxGroupField({
  label,
  description,
  options,
  value,
  onChange,
  className,
  ...props
}: CheckboxGroupFieldProps) {
  return (
    <CheckboxGroup
      {...props}
      value={[...value]}
      onChange={onChange}
      className={['checkbox-group', className ?? ''].filter(Boolean).join(' ')}
    >
      <Label className="field__label">{label}</Label>
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <div className={styles.items}>
        {options.map((option) => (
          <Checkbox key={option.id} value={option.id} className={`checkbox ${styles.checkbox}`}>
            <span className="checkbox__box" aria-hidden="true">
              <svg viewBox="0 0 18 18" aria-hidden="true">
                <polyline points="2 9 7 14 16 4" />
              </svg>
            </span>
            <span>{option.label}</span>
          </Checkbox>
        ))}
      </div>
      <FieldError className="field__error" />
    </CheckboxGroup>
  );
}
