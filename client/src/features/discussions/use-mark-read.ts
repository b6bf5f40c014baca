import type { ThreadDetail } from '@affluents/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { request } from '../../realtime/socket';
import { discussionKeys } from './hooks';

/**
 * Moves my read position to `seq` once, when the newest message is on screen and the tab has the focus
 * (a message merely delivered to a background tab is not read). Returns a callback for the list.
 */
export function useMarkRead(thread: ThreadDetail) {
  const queryClient = useQueryClient();
  const sent = useRef(thread.lastReadSeq);
  const wanted = useRef(0);

  const flush = useCallback(() => {
    const seq = wanted.current;
    if (seq <= sent.current || document.visibilityState !== 'visible' || !document.hasFocus()) return;
    sent.current = seq;
    request('read:mark', { threadId: thread.id, seq })
      .then(() => queryClient.invalidateQueries({ queryKey: discussionKeys.threads(thread.groupId) }))
      .catch(() => {
        // Retried with the next visible message or focus.
        sent.current = Math.min(sent.current, seq - 1);
      });
  }, [thread.id, thread.groupId, queryClient]);

  useEffect(() => {
    window.addEventListener('focus', flush);
    document.addEventListener('visibilitychange', flush);
    return () => {
      window.removeEventListener('focus', flush);
      document.removeEventListener('visibilitychange', flush);
    };
  }, [flush]);

  /** Called with the newest seq while the end of the list is visible, and with 0 when it is not. */
  return useCallback(
    (visibleSeq: number) => {
      wanted.current = visibleSeq;
      flush();
    },
    [flush],
  );
}
