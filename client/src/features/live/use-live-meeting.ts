import type { LiveState } from '@affluents/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../components/ui/toast';
import { useErrorMessage } from '../../lib/use-error-message';
import { getSocket, request, SocketRequestError, useSocketEvent } from '../../realtime/socket';
import { clockOffset } from './live-clock';

export interface LiveMeeting {
  state: LiveState | null;
  /** How far the server's clock is ahead of this screen's (ms). */
  offset: number;
  /** The join was refused (no access, unknown meeting): the message to show. */
  joinError: string | null;
  /** The command under way, to show its button pending. */
  pending: LiveCommand | null;
  start(): void;
  goto(index: number): void;
  end(): void;
  raiseHand(): void;
  lowerHand(): void;
  giveFloor(userId: string | null): void;
}

export type LiveCommand = 'start' | 'goto' | 'end' | 'hand' | 'floor';

/**
 * Follows a meeting's live mode: joins its room on mount and again on every socket (re)connection, so a
 * reload or a lost connection restores the state; keeps the newest state, whether it came as an ack or as a
 * 'meeting:live' push; leaves the room on unmount.
 */
export function useLiveMeeting(meetingId: string): LiveMeeting {
  const { t } = useTranslation();
  const apiErrorMessage = useErrorMessage();
  // The server words its refusals in French ("Seul·e l’animateur·rice…"); other failures get ours.
  const errorMessage = useCallback(
    (error: unknown) => (error instanceof SocketRequestError ? error.message : apiErrorMessage(error)),
    [apiErrorMessage],
  );
  const [state, setState] = useState<LiveState | null>(null);
  const [offset, setOffset] = useState(0);
  const [joinError, setJoinError] = useState<string | null>(null);
  const [pending, setPending] = useState<LiveCommand | null>(null);
  const newest = useRef<number>(0);

  const accept = useCallback(
    (next: LiveState) => {
      if (next.meetingId !== meetingId) return;
      // An ack and a push of the same change may arrive in either order: keep the later server state.
      const stamp = Date.parse(next.serverTime);
      if (stamp < newest.current) return;
      newest.current = stamp;
      setOffset(clockOffset(next.serverTime, Date.now()));
      setState(next);
    },
    [meetingId],
  );

  const join = useCallback(() => {
    request('meeting:join', { meetingId })
      .then((joined) => {
        setJoinError(null);
        accept(joined);
      })
      .catch((error: unknown) => setJoinError(errorMessage(error)));
  }, [meetingId, accept, errorMessage]);

  useSocketEvent('connect', join);
  useSocketEvent('meeting:live', accept);

  useEffect(() => {
    newest.current = 0;
    setState(null);
    // Not connected yet: the 'connect' handler joins.
    if (getSocket().connected) join();
    return () => {
      if (getSocket().connected) request('meeting:leave', { meetingId }).catch(() => {});
    };
  }, [meetingId, join]);

  const run = useCallback(
    (command: LiveCommand, send: () => Promise<LiveState>) => {
      setPending(command);
      send()
        .then(accept)
        .catch((error: unknown) => notify.error(t('live.errors.command'), errorMessage(error)))
        .finally(() => setPending(null));
    },
    [accept, errorMessage, t],
  );

  return {
    state,
    offset,
    joinError,
    pending,
    start: () => run('start', () => request('meeting:start', { meetingId })),
    goto: (index) => run('goto', () => request('meeting:goto', { meetingId, index })),
    end: () => run('end', () => request('meeting:end', { meetingId })),
    raiseHand: () => run('hand', () => request('hand:raise', { meetingId })),
    lowerHand: () => run('hand', () => request('hand:lower', { meetingId })),
    giveFloor: (userId) => run('floor', () => request('floor:give', { meetingId, userId })),
  };
}
