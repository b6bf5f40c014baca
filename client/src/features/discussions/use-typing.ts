import { useCallback, useEffect, useRef, useState } from 'react';
import { request, useSocketEvent } from '../../realtime/socket';

const SEND_EVERY_MS = 3_000;
const SHOWN_FOR_MS = 5_000;

/** Tells the thread that I am typing, at most every few seconds (the server fans it out). */
export function useSendTyping(threadId: string) {
  const last = useRef(0);
  return useCallback(() => {
    const now = Date.now();
    if (now - last.current < SEND_EVERY_MS) return;
    last.current = now;
    request('typing:start', { threadId }).catch(() => {});
  }, [threadId]);
}

/** Who else is typing in the thread right now (names, oldest first). */
export function useTypingNames(threadId: string, myId: string | undefined): string[] {
  const [typing, setTyping] = useState<Map<string, { name: string; until: number }>>(new Map());
  useSocketEvent('typing:started', ({ threadId: id, user }) => {
    if (id !== threadId || user.id === myId) return;
    setTyping((current) =>
      new Map(current).set(user.id, { name: user.displayName, until: Date.now() + SHOWN_FOR_MS }),
    );
  });
  useSocketEvent('message:new', (message) => {
    // Whoever just sent has stopped typing.
    setTyping((current) => {
      if (!current.has(message.author.id)) return current;
      const next = new Map(current);
      next.delete(message.author.id);
      return next;
    });
  });
  useEffect(() => {
    if (typing.size === 0) return;
    const timer = setInterval(() => {
      const now = Date.now();
      setTyping((current) => new Map([...current].filter(([, entry]) => entry.until > now)));
    }, 1_000);
    return () => clearInterval(timer);
  }, [typing.size]);
  return [...typing.values()].map((entry) => entry.name);
}
