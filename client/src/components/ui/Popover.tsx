import {
  Popover as AriaPopover,
  type PopoverProps as AriaPopoverProps,
  Dialog,
  type DialogProps,
} from 'react-aria-components';

export { DialogTrigger } from 'react-aria-components';

export interface PopoverProps extends Omit<AriaPopoverProps, 'className'> {
  className?: string;
}

/** A panel opened beside its trigger (inside a `DialogTrigger`); holds a `PopoverDialog`. */
export function Popover({ className, ...props }: PopoverProps) {
  return <AriaPopover {...props} className={['popover', className ?? ''].filter(Boolean).join(' ')} />;
}

/** The non-modal dialog inside a `Popover`: named by `aria-label` or a `Heading slot="title"`; Escape closes it. */
export function PopoverDialog({
  className,
  ...props
}: Omit<DialogProps, 'className'> & { className?: string }) {
  return <Dialog {...props} className={className} />;
}
