import { FieldError, Label, Radio, RadioGroup, type RadioGroupProps, Text } from 'react-aria-components';
import styles from './RadioGroupField.module.css';

export interface RadioOption {
  id: string;
  label: string;
  description?: string;
}

export interface RadioGroupFieldProps
  extends Omit<RadioGroupProps, 'className' | 'children' | 'value' | 'onChange'> {
  label: string;
  description?: string;
  options: readonly RadioOption[];
  value: string | null;
  onChange: (value: string) => void;
  className?: string;
  /** Options side by side (wrapping) instead of one per line. */
  inline?: boolean;
}

/** A labelled group of radio buttons (arrow keys move between them), each option with optional help. */
export function RadioGroupField({
  label,
  description,
  options,
  value,
  onChange,
  className,
  inline = false,
  ...props
}: RadioGroupFieldProps) {
  return (
    <RadioGroup
      {...props}
      value={value}
      onChange={onChange}
      className={['radio-group', className ?? ''].filter(Boolean).join(' ')}
    >
      <Label className="field__label">{label}</Label>
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <div className={inline ? styles.inline : 'radio-group__items'}>
        {options.map((option) => (
          <Radio key={option.id} value={option.id} className="radio">
            <span className="radio__circle" aria-hidden="true" />
            <span className="radio__text">
              {option.description ? (
                <>
                  <span className="radio__label">{option.label}</span>{' '}
                  <span className="radio__help">{option.description}</span>
                </>
              ) : (
                option.label
              )}
            </span>
          </Radio>
        ))}
      </div>
      <FieldError className="field__error" />
    </RadioGroup>
  );
}
