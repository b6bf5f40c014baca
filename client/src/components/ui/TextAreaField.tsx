import type { Ref } from 'react';
import {
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  TextArea,
} from 'react-aria-components';
import { FieldFrame, type FieldFrameProps, fieldClass, refreshErrorWhileTyping } from './FieldFrame';
import styles from './TextAreaField.module.css';

export interface TextAreaFieldProps
  extends Omit<AriaTextFieldProps, 'className' | 'children'>,
    FieldFrameProps {
  rows?: number;
  placeholder?: string;
  className?: string;
  /** Extra class on the text area itself (its width or height in a feature). */
  inputClassName?: string;
  /** The text area itself (to focus it, or read and move its caret). */
  inputRef?: Ref<HTMLTextAreaElement>;
}

/** A key pressed in a kit text field (react-aria's event: call `continuePropagation()` to let it bubble on). */
export type FieldKeyboardEvent = Parameters<NonNullable<AriaTextFieldProps['onKeyDown']>>[0];

/** A labelled multi-line text field with its help text and validation message (the frame of TextField). */
export function TextAreaField({
  label,
  description,
  isLabelHidden,
  rows = 3,
  placeholder,
  className,
  inputClassName,
  inputRef,
  ...props
}: TextAreaFieldProps) {
  return (
    <AriaTextField {...props} className={fieldClass(className)}>
      <FieldFrame label={label} description={description} isLabelHidden={isLabelHidden}>
        <TextArea
          ref={inputRef}
          className={['field__input', styles.textarea, inputClassName ?? ''].filter(Boolean).join(' ')}
          rows={rows}
          placeholder={placeholder}
          onInput={refreshErrorWhileTyping}
        />
      </FieldFrame>
    </AriaTextField>
  );
}
