import type { ReactNode } from 'react';
import { Link, type LinkProps } from 'react-aria-components';
import type { ButtonVariant } from './Button';

interface ButtonLinkProps extends Omit<LinkProps, 'className' | 'children'> {
  variant?: ButtonVariant;
  className?: string;
  children: ReactNode;
}

/** A navigation link that looks like a button (it still navigates, so it stays a link). */
export function ButtonLink({ variant = 'secondary', className, children, ...props }: ButtonLinkProps) {
  return (
    <Link {...props} className={['button', `button--${variant}`, className ?? ''].filter(Boolean).join(' ')}>
      {children}
    </Link>
  );
}
