import {
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  FieldError,
  Input,
  Label,
  Text,
} from 'react-aria-components';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'className' | 'children'> {
  label: string;
  description?: string;
  placeholder?: string;
  className?: string;
  /** The label is read by screen readers but not shown (a row of a list whose heading says it all). */
  isLabelHidden?: boolean;
  /** Extra class on the input itself (its font or width in a feature). */
  inputClassName?: string;
}

/** A labelled text input with its help text and validation message. */
export function TextField({
  label,
  description,
  placeholder,
  className,
  isLabelHidden = false,
  inputClassName,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField {...props} className={['field', className ?? ''].filter(Boolean).join(' ')}>
      <Label className={isLabelHidden ? 'visually-hidden' : 'field__label'}>{label}</Label>
      <Input
        className={['field__input', inputClassName ?? ''].filter(Boolean).join(' ')}
        placeholder={placeholder}
        onInput={(event) => {
          // react-aria refreshes a shown error on `change` (blur). Refresh it while typing instead, so a fixed
          // field clears at once and the form does not jump under the pointer when the user clicks submit.
          const input = event.currentTarget;
          if (input.getAttribute('aria-invalid') === 'true')
            input.dispatchEvent(new Event('change', { bubbles: true }));
        }}
      />
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <FieldError className="field__error" />
    </AriaTextField>
  );
}
