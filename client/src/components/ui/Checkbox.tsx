import type { ReactNode } from 'react';
import { Checkbox as AriaCheckbox, type CheckboxProps as AriaCheckboxProps } from 'react-aria-components';

export interface CheckboxProps extends Omit<AriaCheckboxProps, 'className' | 'children'> {
  className?: string;
  /** What the box says: its accessible name. */
  children: ReactNode;
}

/** A checkbox with its drawn box (react-aria's Checkbox: a native input, Space toggles it). */
export function Checkbox({ className, children, ...props }: CheckboxProps) {
  return (
    <AriaCheckbox {...props} className={['checkbox', className ?? ''].filter(Boolean).join(' ')}>
      <span className="checkbox__box" aria-hidden="true">
        <svg viewBox="0 0 18 18" aria-hidden="true">
          <polyline points="2 9 7 14 16 4" />
        </svg>
      </span>
      <span>{children}</span>
    </AriaCheckbox>
  );
}
