import type { AttachedFile, Message } from '@affluents/contracts';

/** A message typed here and not yet acknowledged by the server. */
export interface PendingMessage {
  clientId: string;
  body: string;
  replyTo: Message['replyTo'];
  replyToId?: string;
  /** The files it carries, already stored: shown while it is on its way. */
  files: AttachedFile[];
  createdAt: string;
  status: 'sending' | 'failed';
  /** Why the last attempt failed (the server's refusal), shown next to "Réessayer". */
  error?: string;
}

/** What the thread screen holds: confirmed messages by ascending seq, then the pending ones. */
export interface MessagesState {
  messages: Message[];
  pending: PendingMessage[];
}

export const emptyMessages: MessagesState = { messages: [], pending: [] };

/**
 * Merges what the server sent into the local state, whatever the order it arrived in (HTTP page, join
 * catch-up, live event, acknowledgement): one entry per id, ascending seq, the newest `change` of each
 * message wins. `added` may bring new messages; `changed` only updates messages already held, so that
 * an edit of a message older than the loaded window does not leave a gap. A confirmed message replaces
 * the pending one with its client id.
 */
export function mergeMessages(
  state: MessagesState,
  { added = [], changed = [] }: { added?: readonly Message[]; changed?: readonly Message[] },
): MessagesState {
  if (added.length === 0 && changed.length === 0) return state;
  const byId = new Map(state.messages.map((m) => [m.id, m]));
  const keepNewest = (incoming: Message, insert: boolean) => {
    const current = byId.get(incoming.id);
    if (current ? incoming.change >= current.change : insert) byId.set(incoming.id, incoming);
  };
  for (const message of added) keepNewest(message, true);
  for (const message of changed) keepNewest(message, false);
  const messages = [...byId.values()].sort((a, b) => a.seq - b.seq);
  const confirmed = new Set(added.map((m) => m.clientId));
  const pending = state.pending.filter((p) => !confirmed.has(p.clientId));
  return { messages, pending: pending.length === state.pending.length ? state.pending : pending };
}

/** Adds or updates (e.g. sending → failed) a pending message, keeping the order they were typed in. */
export function upsertPending(state: MessagesState, next: PendingMessage): MessagesState {
  // Acknowledged already (the live event may beat the ack): nothing to show as pending.
  if (state.messages.some((m) => m.clientId === next.clientId)) return state;
  const index = state.pending.findIndex((p) => p.clientId === next.clientId);
  const pending =
    index === -1 ? [...state.pending, next] : state.pending.map((p, i) => (i === index ? next : p));
  return { ...state, pending };
}

/** The catch-up cursor of the loaded window: last seq held and newest change seen. */
export function cursorOf(state: MessagesState): { afterSeq: number; afterChange: number } {
  let afterChange = 0;
  for (const m of state.messages) afterChange = Math.max(afterChange, m.change);
  return { afterSeq: state.messages.at(-1)?.seq ?? 0, afterChange };
}
