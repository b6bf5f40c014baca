import type { FormEvent, ReactNode } from 'react';
import { FieldError, Label, Text } from 'react-aria-components';

/** What every labelled kit field takes besides its control: the label, its help text and a hidden label. */
export interface FieldFrameProps {
  label: string;
  description?: string;
  /** The label is read by screen readers but not shown (a row of a list whose heading says it all). */
  isLabelHidden?: boolean;
}

/**
 * The one frame of a kit field (text, multi-line, search, number, select, combo box): the label above the
 * control, the help text and the validation message below. It sits inside the react-aria field (TextField,
 * SearchField, NumberField, Select, ComboBox), which wires the label, the help and the error to the control.
 */
export function FieldFrame({
  label,
  description,
  isLabelHidden = false,
  children,
}: FieldFrameProps & { children: ReactNode }) {
  return (
    <>
      <Label className={isLabelHidden ? 'visually-hidden' : 'field__label'}>{label}</Label>
      {children}
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <FieldError className="field__error" />
    </>
  );
}

/**
 * react-aria refreshes a shown error on `change` (blur). Refresh it while typing instead, so a fixed field
 * clears at once and the form does not jump under the pointer when the user clicks submit.
 */
export function refreshErrorWhileTyping(event: FormEvent<HTMLInputElement | HTMLTextAreaElement>) {
  const input = event.currentTarget;
  if (input.getAttribute('aria-invalid') === 'true')
    input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The class of a kit field's outer element: `field` and the caller's own. */
export function fieldClass(className: string | undefined) {
  return ['field', className ?? ''].filter(Boolean).join(' ');
}
