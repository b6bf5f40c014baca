import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../lib/use-document-title';
import styles from './PageHeader.module.css';

interface PageHeaderProps {
  title: string;
  /** Shown above the title, e.g. the bassin of a group. */
  eyebrow?: ReactNode;
  lede?: ReactNode;
  actions?: ReactNode;
  documentTitle?: string;
}

/** The one `h1` of a screen, which also names the browser tab. */
export function PageHeader({ title, eyebrow, lede, actions, documentTitle }: PageHeaderProps) {
  useDocumentTitle(documentTitle ?? title);
  return (
    <div className={`page-header ${styles.header}`}>
      <div className={styles.text}>
        {eyebrow && <p className={`page-header__eyebrow ${styles.eyebrow}`}>{eyebrow}</p>}
        <h1 className={styles.title}>{title}</h1>
        {lede && <p className={styles.lede}>{lede}</p>}
      </div>
      {actions && <div>{actions}</div>}
    </div>
  );
}
