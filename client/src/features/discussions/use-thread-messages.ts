import type { AttachedFile, Message, ThreadDetail } from '@affluents/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { request, SocketRequestError, useSocketEvent } from '../../realtime/socket';
import { discussionsApi } from './api/discussions-api';
import {
  cursorOf,
  emptyMessages,
  type MessagesState,
  mergeMessages,
  type PendingMessage,
  upsertPending,
} from './merge-messages';

const PAGE = 50;
const SEND_TIMEOUT_MS = 8_000;

/**
 * The messages of one open thread: first page over HTTP (enough to reach the first unread), then the
 * socket room. On every (re)connection it joins with the cursor held here, so a dropped connection
 * catches up in order without duplicates; sends are shown at once as pending and resent with the same
 * client id, which the server uses to make a resend idempotent.
 */
export function useThreadMessages(thread: ThreadDetail) {
  const threadId = thread.id;
  const [state, setState] = useState<MessagesState>(emptyMessages);
  const [hasOlder, setHasOlder] = useState(false);
  const [loadState, setLoadState] = useState<'loading' | 'ready' | 'error'>('loading');
  // The latest state for callbacks that run outside render (join on reconnect).
  const stateRef = useRef(state);
  stateRef.current = state;
  const loaded = useRef(false);

  const apply = useCallback(
    (update: { added?: readonly Message[]; changed?: readonly Message[] }) =>
      setState((current) => {
        const next = mergeMessages(current, update);
        stateRef.current = next;
        return next;
      }),
    [],
  );

  const join = useCallback(async () => {
    if (!loaded.current) return;
    try {
      const result = await request('thread:join', { threadId, ...cursorOf(stateRef.current) });
      apply({ added: result.messages, changed: result.changed });
      let truncated = result.truncated;
      // A long absence: the rest comes over HTTP, page after page.
      for (let guard = 0; truncated && guard < 20; guard++) {
        const page = await discussionsApi.listMessages(threadId, {
          afterSeq: cursorOf(stateRef.current).afterSeq,
          limit: 200,
        });
        apply({ added: page.items });
        truncated = page.items.length === 200;
      }
    } catch {
      // Offline or refused: the next `connect` joins again.
    }
  }, [threadId, apply]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page is sized once, from the thread as opened.
  useEffect(() => {
    let cancelled = false;
    loaded.current = false;
    stateRef.current = emptyMessages;
    setState(emptyMessages);
    setLoadState('loading');
    const limit = Math.min(200, Math.max(PAGE, thread.unreadCount + 20));
    discussionsApi
      .listMessages(threadId, { limit })
      .then((page) => {
        if (cancelled) return;
        apply({ added: page.items });
        setHasOlder(page.hasOlder);
        setLoadState('ready');
        loaded.current = true;
        void join();
      })
      .catch(() => !cancelled && setLoadState('error'));
    return () => {
      cancelled = true;
      request('thread:leave', { threadId }).catch(() => {});
    };
  }, [threadId]);

  useSocketEvent('connect', () => void join());
  useSocketEvent('message:new', (message) => {
    if (message.threadId !== threadId || !loaded.current) return;
    const { afterSeq } = cursorOf(stateRef.current);
    // A gap means events were missed: the join brings them (and this one) in order.
    if (message.seq > afterSeq + 1) void join();
    else apply({ added: [message] });
  });
  useSocketEvent('message:updated', (message) => {
    if (message.threadId === threadId) apply({ changed: [message] });
  });

  const loadOlder = useCallback(async () => {
    const first = stateRef.current.messages[0];
    if (!first) return;
    const page = await discussionsApi.listMessages(threadId, { beforeSeq: first.seq, limit: PAGE });
    apply({ added: page.items });
    setHasOlder(page.hasOlder);
  }, [threadId, apply]);

  const setPending = useCallback(
    (pending: PendingMessage) =>
      setState((current) => {
        const next = upsertPending(current, pending);
        stateRef.current = next;
        return next;
      }),
    [],
  );

  const deliver = useCallback(
    (pending: PendingMessage) => {
      setPending({ ...pending, status: 'sending', error: undefined });
      request(
        'message:send',
        {
          threadId,
          clientId: pending.clientId,
          body: pending.body,
          replyToId: pending.replyToId,
          ...(pending.files.length > 0 ? { fileIds: pending.files.map((file) => file.id) } : {}),
        },
        SEND_TIMEOUT_MS,
      )
        .then((message) => apply({ added: [message] }))
        .catch((error: unknown) =>
          setPending({
            ...pending,
            status: 'failed',
            error: error instanceof SocketRequestError ? error.message : undefined,
          }),
        );
    },
    [threadId, apply, setPending],
  );

  const send = useCallback(
    (body: string, replyTo: Message | null, files: AttachedFile[] = []) =>
      deliver({
        clientId: crypto.randomUUID(),
        body,
        files,
        replyToId: replyTo?.id,
        replyTo: replyTo && {
          id: replyTo.id,
          seq: replyTo.seq,
          author: replyTo.author,
          excerpt: replyTo.body.slice(0, 140),
        },
        createdAt: new Date().toISOString(),
        status: 'sending',
      }),
    [deliver],
  );

  const retry = useCallback(
    (clientId: string) => {
      const pending = stateRef.current.pending.find((p) => p.clientId === clientId);
      if (pending) deliver(pending);
    },
    [deliver],
  );

  return { ...state, hasOlder, loadState, loadOlder, send, retry, apply };
}

export type ThreadMessages = ReturnType<typeof useThreadMessages>;
