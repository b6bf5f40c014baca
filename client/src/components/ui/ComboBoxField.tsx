import {
  Button,
  ComboBox,
  type ComboBoxProps,
  Input,
  type Key,
  ListBox,
  ListBoxItem,
  Popover,
} from 'react-aria-components';
import styles from './ComboBoxField.module.css';
import { FieldFrame, fieldClass } from './FieldFrame';
import type { SelectOption } from './SelectField';

export interface ComboBoxFieldProps
  extends Omit<ComboBoxProps<SelectOption>, 'className' | 'children' | 'items' | 'value' | 'onChange'> {
  label: string;
  description?: string;
  options: readonly SelectOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  className?: string;
  /**
   * `local` filters `options` by the text typed; `remote` shows `options` as given, for a server search that
   * the caller runs from `onInputChange`.
   */
  filter?: 'local' | 'remote';
  /** Shown in the open list when no option matches. */
  emptyText?: string;
  /** Shown in the empty field, e.g. what no choice means. */
  placeholder?: string;
}

/** A searchable single-choice list (react-aria ComboBox), for long lists such as organisations or accounts. */
export function ComboBoxField({
  label,
  description,
  options,
  value,
  onChange,
  className,
  filter = 'local',
  emptyText,
  placeholder,
  ...props
}: ComboBoxFieldProps) {
  return (
    <ComboBox
      {...props}
      defaultItems={filter === 'local' ? options : undefined}
      items={filter === 'remote' ? options : undefined}
      allowsEmptyCollection={emptyText !== undefined}
      value={value}
      onChange={(key: Key | null) => onChange(key === null ? null : String(key))}
      className={fieldClass(className)}
      menuTrigger="focus"
    >
      <FieldFrame label={label} description={description}>
        <div className={styles.group}>
          <Input className={`field__input ${styles.input}`} placeholder={placeholder} />
          <Button className={styles.button}>
            <span aria-hidden="true">▾</span>
          </Button>
        </div>
      </FieldFrame>
      <Popover className="popover">
        <ListBox
          className="listbox"
          renderEmptyState={emptyText ? () => <p className="listbox__empty">{emptyText}</p> : undefined}
        >
          {(option: SelectOption) => (
            // No label and description slots: the option is named by all its visible text (WCAG 2.5.3).
            <ListBoxItem className="listbox__item" id={option.id} textValue={option.label}>
              <span>{option.label}</span>
              {option.description && <span className="listbox__description">{option.description}</span>}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
