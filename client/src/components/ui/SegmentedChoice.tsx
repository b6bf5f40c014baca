import { Radio, RadioGroup, type RadioGroupProps } from 'react-aria-components';
import styles from './SegmentedChoice.module.css';

export interface SegmentedChoiceProps extends Omit<RadioGroupProps, 'className' | 'children' | 'onChange'> {
  /** The group's name: there is no visible label, the row it sits in says what is chosen. */
  'aria-label': string;
  options: readonly { id: string; label: string }[];
  onChange: (value: string) => void;
  className?: string;
}

/**
 * A compact row of radio buttons drawn as pills, the chosen one filled (an attendance: present, excused,
 * absent): react-aria's RadioGroup, arrow keys move the choice.
 */
export function SegmentedChoice({
  options,
  className,
  orientation = 'horizontal',
  ...props
}: SegmentedChoiceProps) {
  return (
    <RadioGroup
      {...props}
      orientation={orientation}
      className={[styles.group, className ?? ''].filter(Boolean).join(' ')}
    >
      {options.map((option) => (
        <Radio key={option.id} value={option.id} className={styles.choice}>
          {option.label}
        </Radio>
      ))}
    </RadioGroup>
  );
}
