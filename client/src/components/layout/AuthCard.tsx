import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../lib/use-document-title';

/** The narrow centred card of the signed-out screens. */
export function AuthCard({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <div className="auth-page">
      <div className="auth-card">
        <h1 className="auth-card__title">{title}</h1>
        {intro && <div className="auth-card__intro">{intro}</div>}
        {children}
      </div>
    </div>
  );
}
