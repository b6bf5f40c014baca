import type { Message } from '@affluents/contracts';
import { describe, expect, it } from 'vitest';
import { cursorOf, emptyMessages, type MessagesState, mergeMessages, upsertPending } from './merge-messages';

function message(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    threadId: '00000000-0000-4000-8000-aaaaaaaaaaaa',
    seq,
    change: seq,
    clientId: `client-${seq}`,
    author: { id: '00000000-0000-4000-8000-bbbbbbbbbbbb', displayName: 'Claire' },
    body: `message ${seq}`,
    html: `<p>message ${seq}</p>`,
    replyTo: null,
    mentions: [],
    mentionsGroup: false,
    reactions: [],
    previews: [],
    files: [],
    createdAt: '2025-01-01T10:00:00.000Z',
    editedAt: null,
    deletedAt: null,
    hiddenAt: null,
    movedTo: null,
    ...overrides,
  };
}

const seqs = (state: MessagesState) => state.messages.map((m) => m.seq);

describe('mergeMessages', () => {
  it('keeps ascending seq whatever the arrival order', () => {
    const state = mergeMessages(emptyMessages, { added: [message(3), message(1)] });
    expect(seqs(mergeMessages(state, { added: [message(2), message(4)] }))).toEqual([1, 2, 3, 4]);
  });

  it('never duplicates a message received twice (join catch-up and live event)', () => {
    const state = mergeMessages(emptyMessages, { added: [message(1), message(2)] });
    const again = mergeMessages(state, { added: [message(2), message(3)] });
    expect(seqs(again)).toEqual([1, 2, 3]);
  });

  it('replaces the pending message that has the same client id', () => {
    const withPending = upsertPending(emptyMessages, {
      clientId: 'client-1',
      body: 'bonjour',
      replyTo: null,
      files: [],
      createdAt: '2025-01-01T10:00:00.000Z',
      status: 'sending',
    });
    expect(withPending.pending).toHaveLength(1);
    const confirmed = mergeMessages(withPending, { added: [message(1)] });
    expect(confirmed.pending).toHaveLength(0);
    expect(seqs(confirmed)).toEqual([1]);
  });

  it('does not show as pending a message already confirmed (event before the ack)', () => {
    const state = mergeMessages(emptyMessages, { added: [message(1)] });
    const after = upsertPending(state, {
      clientId: 'client-1',
      body: 'x',
      replyTo: null,
      files: [],
      createdAt: '2025-01-01T10:00:00.000Z',
      status: 'failed',
    });
    expect(after.pending).toHaveLength(0);
  });

  it('applies an update only when it is newer', () => {
    const state = mergeMessages(emptyMessages, { added: [message(1), message(2)] });
    const edited = mergeMessages(state, { changed: [message(1, { change: 5, body: 'modifié' })] });
    expect(edited.messages[0]?.body).toBe('modifié');
    const stale = mergeMessages(edited, { changed: [message(1, { change: 3, body: 'ancien' })] });
    expect(stale.messages[0]?.body).toBe('modifié');
  });

  it('ignores a change to a message outside the loaded window', () => {
    const state = mergeMessages(emptyMessages, { added: [message(10), message(11)] });
    const after = mergeMessages(state, { changed: [message(2, { change: 12 })] });
    expect(seqs(after)).toEqual([10, 11]);
    expect(cursorOf(after)).toEqual({ afterSeq: 11, afterChange: 11 });
  });
});
