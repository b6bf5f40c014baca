import { Switch as AriaSwitch, type SwitchProps as AriaSwitchProps } from 'react-aria-components';

export interface SwitchProps extends Omit<AriaSwitchProps, 'className' | 'children'> {
  label: string;
  className?: string;
}

/** An on/off setting named by its label (a checkbox with the switch role; Space toggles it). */
export function Switch({ label, className, ...props }: SwitchProps) {
  return (
    <AriaSwitch {...props} className={['switch', className ?? ''].filter(Boolean).join(' ')}>
      <span className="switch__track" aria-hidden="true">
        <span className="switch__thumb" />
      </span>
      {label}
    </AriaSwitch>
  );
}
