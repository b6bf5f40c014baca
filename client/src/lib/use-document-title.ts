import { useEffect } from 'react';

/** Sets the browser tab title, so each screen is told apart in history and by screen readers. */
export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Affluents` : 'Affluents';
  }, [title]);
}
