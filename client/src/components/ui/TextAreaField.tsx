import {
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  FieldError,
  Label,
  Text,
  TextArea,
} from 'react-aria-components';
import styles from './TextAreaField.module.css';

export interface TextAreaFieldProps extends Omit<AriaTextFieldProps, 'className' | 'children'> {
  label: string;
  description?: string;
  rows?: number;
  className?: string;
  /** Extra class on the text area itself (its width or height in a feature). */
  inputClassName?: string;
}

/** A labelled multi-line text field with its help text and validation message. */
export function TextAreaField({
  label,
  description,
  rows = 3,
  className,
  inputClassName,
  ...props
}: TextAreaFieldProps) {
  return (
    <AriaTextField {...props} className={['field', className ?? ''].filter(Boolean).join(' ')}>
      <Label className="field__label">{label}</Label>
      <TextArea
        className={['field__input', styles.textarea, inputClassName ?? ''].filter(Boolean).join(' ')}
        rows={rows}
        onInput={(event) => {
          // As in TextField: refresh a shown error while typing rather than on blur.
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
