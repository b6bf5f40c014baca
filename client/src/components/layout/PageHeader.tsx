import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../lib/use-document-title';

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
    <div className="page-header">
      <div className="page-header__text">
        {eyebrow && <p className="page-header__eyebrow">{eyebrow}</p>}
        <h1 className="page-header__title">{title}</h1>
        {lede && <p className="page-header__lede">{lede}</p>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </div>
  );
}
