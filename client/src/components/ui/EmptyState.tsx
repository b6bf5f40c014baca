import type { ReactNode } from 'react';
import styles from './EmptyState.module.css';
import { Icon, type IconName } from './Icon';

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  icon?: IconName;
}

/** What an empty list means and what to do next; never placeholder content. */
export function EmptyState({ title, children, action, headingLevel = 3, icon }: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className={`empty-state ${styles.emptyState}`}>
      {icon && <Icon name={icon} className={styles.icon} />}
      <Heading className={styles.title}>{title}</Heading>
      {children && <div className={styles.text}>{children}</div>}
      {action && <div>{action}</div>}
    </div>
  );
}
