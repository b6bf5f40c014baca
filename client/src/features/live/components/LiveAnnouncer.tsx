import type { LiveState } from '@affluents/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { liveAnnouncement } from '../queue-display';

/** A polite live region that says the new item and the new speaker ("Thomas a la parole."). */
export function LiveAnnouncer({ state }: { state: LiveState | null }) {
  const { t } = useTranslation();
  const previous = useRef<LiveState | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!state) return;
    const said = liveAnnouncement(previous.current, state, {
      item: (title) => t('live.announce.item', { title }),
      speaker: (name) => t('live.announce.speaker', { name }),
      ended: t('live.announce.ended'),
    });
    previous.current = state;
    if (said) setMessage(said);
  }, [state, t]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
