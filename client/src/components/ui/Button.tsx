import type { ReactNode } from 'react';
import {
  Button as AriaButton,
  type ButtonProps as AriaButtonProps,
  composeRenderProps,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

export interface ButtonProps extends Omit<AriaButtonProps, 'className' | 'children'> {
  variant?: ButtonVariant;
  size?: 'md' | 'sm';
  className?: string;
  children: ReactNode;
}

/** The app's button: react-aria's Button with a visual variant and a spinner while `isPending`. */
export function Button({ variant = 'secondary', size = 'md', className, children, ...props }: ButtonProps) {
  const { t } = useTranslation();
  return (
    <AriaButton
      {...props}
      className={['button', `button--${variant}`, size === 'sm' ? 'button--sm' : '', className ?? '']
        .filter(Boolean)
        .join(' ')}
    >
      {composeRenderProps(children, (content, { isPending }) => (
        <>
          {isPending && <span className="spinner" aria-hidden="true" />}
          <span>{content}</span>
          {isPending && <span className="visually-hidden">{t('common.pending')}</span>}
        </>
      ))}
    </AriaButton>
  );
}
