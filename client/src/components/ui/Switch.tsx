import { Switch as AriaSwitch, type SwitchProps as AriaSwitchProps, Text } from 'react-aria-components';
import styles from './Switch.module.css';

export interface SwitchProps extends Omit<AriaSwitchProps, 'className' | 'children'> {
  label: string;
  /** A line under the label saying what the setting does (part of the switch's name, as it is in its label). */
  description?: string;
  className?: string;
}

/** An on/off setting named by its label (a checkbox with the switch role; Space toggles it). */
export function Switch({ label, description, className, ...props }: SwitchProps) {
  return (
    <AriaSwitch
      {...props}
      className={['switch', description ? styles.described : '', className ?? ''].filter(Boolean).join(' ')}
    >
      <span className="switch__track" aria-hidden="true">
        <span className="switch__thumb" />
      </span>
      {description ? (
        <span className={styles.text}>
          <span>{label}</span>
          <Text slot="description" className={styles.description}>
            {description}
          </Text>
        </span>
      ) : (
        label
      )}
    </AriaSwitch>
  );
}
