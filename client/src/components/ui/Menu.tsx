import type { ReactNode } from 'react';
import {
  Menu as AriaMenu,
  MenuItem as AriaMenuItem,
  type MenuItemProps as AriaMenuItemProps,
  type MenuProps as AriaMenuProps,
  MenuSection as AriaMenuSection,
  type MenuSectionProps as AriaMenuSectionProps,
  Header,
  Popover,
  type PopoverProps,
  Separator,
} from 'react-aria-components';

export { MenuTrigger } from 'react-aria-components';

const join = (...classes: (string | undefined)[]) => classes.filter(Boolean).join(' ');

/** The popover a menu opens in, under its trigger (inside a `MenuTrigger`, after the trigger button). */
export function MenuPopover({
  className,
  placement = 'bottom end',
  ...props
}: Omit<PopoverProps, 'className'> & { className?: string }) {
  return <Popover {...props} placement={placement} className={join('popover popover--menu', className)} />;
}

/** A menu of actions (arrow keys move, Enter runs, Escape closes): react-aria's Menu on the kit's look. */
export function Menu<T extends object>({
  className,
  ...props
}: Omit<AriaMenuProps<T>, 'className'> & { className?: string }) {
  return <AriaMenu {...props} className={join('menu', className)} />;
}

export function MenuItem<T extends object>({
  className,
  ...props
}: Omit<AriaMenuItemProps<T>, 'className'> & { className?: string }) {
  return <AriaMenuItem {...props} className={join('menu__item', className)} />;
}

export function MenuSection<T extends object>({
  className,
  ...props
}: Omit<AriaMenuSectionProps<T>, 'className'> & { className?: string }) {
  return <AriaMenuSection {...props} className={join('menu__section', className)} />;
}

/** The heading of a menu section (who is signed in, above the account menu). */
export function MenuHeader({ className, children }: { className?: string; children: ReactNode }) {
  return <Header className={join('menu__header', className)}>{children}</Header>;
}

export function MenuSeparator() {
  return <Separator className="menu__separator" />;
}
