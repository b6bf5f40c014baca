import type { Key } from 'react-aria-components';
import {
  Button,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  type SelectProps,
  SelectValue,
  Text,
} from 'react-aria-components';
import { FieldFrame, fieldClass } from './FieldFrame';
import styles from './SelectField.module.css';

export interface SelectOption {
  id: string;
  label: string;
  description?: string;
}

export interface SelectFieldProps
  extends Omit<SelectProps<SelectOption>, 'className' | 'children' | 'items' | 'value' | 'onChange'> {
  label: string;
  description?: string;
  options: readonly SelectOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  className?: string;
  /** The label is read by screen readers but not shown (a cell whose column header says it all). */
  isLabelHidden?: boolean;
}

/** A labelled single-choice list built on react-aria's Select (keyboard and screen-reader ready). */
export function SelectField({
  label,
  description,
  options,
  value,
  onChange,
  className,
  isLabelHidden = false,
  ...props
}: SelectFieldProps) {
  return (
    <Select
      {...props}
      value={value}
      onChange={(key: Key | null) => onChange(key === null ? null : String(key))}
      className={fieldClass(className)}
    >
      <FieldFrame label={label} description={description} isLabelHidden={isLabelHidden}>
        <Button className={`field__input ${styles.button}`}>
          <SelectValue className={`select__value ${styles.value}`} />
          <span aria-hidden="true">▾</span>
        </Button>
      </FieldFrame>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem className="listbox__item" id={option.id} textValue={option.label}>
              <Text slot="label">{option.label}</Text>
              {option.description && (
                <Text slot="description" className="listbox__description">
                  {option.description}
                </Text>
              )}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
