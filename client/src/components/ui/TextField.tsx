import type { Ref } from 'react';
import {
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  Input,
} from 'react-aria-components';
import { FieldFrame, type FieldFrameProps, fieldClass, refreshErrorWhileTyping } from './FieldFrame';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'className' | 'children'>, FieldFrameProps {
  placeholder?: string;
  className?: string;
  /** Extra class on the input itself (its font or width in a feature). */
  inputClassName?: string;
  /** The input element itself (to focus it or read its caret). */
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled text input with its help text and validation message. */
export function TextField({
  label,
  description,
  isLabelHidden,
  placeholder,
  className,
  inputClassName,
  inputRef,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField {...props} className={fieldClass(className)}>
      <FieldFrame label={label} description={description} isLabelHidden={isLabelHidden}>
        <Input
          ref={inputRef}
          className={['field__input', inputClassName ?? ''].filter(Boolean).join(' ')}
          placeholder={placeholder}
          onInput={refreshErrorWhileTyping}
        />
      </FieldFrame>
    </AriaTextField>
  );
}
