import { CheckboxGroup, type CheckboxGroupProps, FieldError, Label, Text } from 'react-aria-components';
import { Checkbox } from './Checkbox';
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
          <Checkbox key={option.id} value={option.id} className={styles.checkbox}>
            {option.label}
          </Checkbox>
        ))}
      </div>
      <FieldError className="field__error" />
    </CheckboxGroup>
  );
}
