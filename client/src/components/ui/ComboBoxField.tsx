import {
  Button,
  ComboBox,
  type ComboBoxProps,
  FieldError,
  Input,
  type Key,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import type { SelectOption } from './SelectField';

export interface ComboBoxFieldProps
  extends Omit<ComboBoxProps<SelectOption>, 'className' | 'children' | 'items' | 'value' | 'onChange'> {
  label: string;
  description?: string;
  options: readonly SelectOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  className?: string;
}

/** A searchable single-choice list (react-aria ComboBox), for long lists such as organisations. */
export function ComboBoxField({
  label,
  description,
  options,
  value,
  onChange,
  className,
  ...props
}: ComboBoxFieldProps) {
  return (
    <ComboBox
      {...props}
      defaultItems={options}
      value={value}
      onChange={(key: Key | null) => onChange(key === null ? null : String(key))}
      className={['field', className ?? ''].filter(Boolean).join(' ')}
      menuTrigger="focus"
    >
      <Label className="field__label">{label}</Label>
      <div className="combobox__group">
        <Input className="field__input combobox__input" />
        <Button className="combobox__button">
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <FieldError className="field__error" />
      <Popover className="popover">
        <ListBox className="listbox">
          {(option: SelectOption) => (
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
    </ComboBox>
  );
}
