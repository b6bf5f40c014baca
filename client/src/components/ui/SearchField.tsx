import {
  SearchField as AriaSearchField,
  type SearchFieldProps as AriaSearchFieldProps,
  Input,
} from 'react-aria-components';
import { FieldFrame, type FieldFrameProps, fieldClass } from './FieldFrame';

export interface SearchFieldProps
  extends Omit<AriaSearchFieldProps, 'className' | 'children'>,
    FieldFrameProps {
  placeholder?: string;
  className?: string;
}

/** A labelled search box (role searchbox; Escape clears it) with its help text. */
export function SearchField({
  label,
  description,
  isLabelHidden,
  placeholder,
  className,
  ...props
}: SearchFieldProps) {
  return (
    <AriaSearchField {...props} className={fieldClass(className)}>
      <FieldFrame label={label} description={description} isLabelHidden={isLabelHidden}>
        <Input className="field__input" placeholder={placeholder} />
      </FieldFrame>
    </AriaSearchField>
  );
}
