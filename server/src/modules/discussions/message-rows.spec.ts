import { isClientIdTaken, type MessageRow, messageFromRow } from './message-rows';

const row = (over: Partial<MessageRow> = {}): MessageRow => ({
  id: 'm1',
  threadId: 't1',
  seq: 3,
  change: 7,
  clientId: 'c1',
  authorId: 'u1',
  authorName: 'Claire',
  body: 'Bonjour https://exemple.be',
  html: '<p>Bonjour</p>',
  bodyText: 'Bonjour',
  mentions: ['u2'],
  mentionsGroup: true,
  previews: [
    { url: 'https://exemple.be', title: 'Exemple', internal: false },
    { url: 'data:text/html,x', title: 'Piège', internal: false },
  ],
  files: [],
  createdAt: '2026-12-05T09:00:00+01:00',
  editedAt: null,
  deletedAt: null,
  hiddenAt: null,
  movedToId: null,
  movedToTitle: null,
  replyId: null,
  replySeq: null,
  replyAuthorId: null,
  replyAuthorName: null,
  replyText: null,
  reactions: [{ emoji: '👍', count: 1, userIds: ['u2'] }],
  ...over,
});

describe('messageFromRow', () => {
  it('gives timestamps in UTC ISO form and keeps only the previews the link rule allows', () => {
    const message = messageFromRow(row({ editedAt: new Date('2026-12-05T08:30:00Z') }));
    expect(message.createdAt).toBe('2026-12-05T08:00:00.000Z');
    expect(message.editedAt).toBe('2026-12-05T08:30:00.000Z');
    expect(message.previews.map((p) => p.url)).toEqual(['https://exemple.be']);
  });

  it.each([
    ['deleted', { deletedAt: new Date() }],
    ['hidden', { hiddenAt: new Date() }],
    ['moved', { movedToId: 't2', movedToTitle: 'Ailleurs' }],
  ])('empties a %s message for everyone, keeping its place', (_kind, over) => {
    const message = messageFromRow(row(over));
    expect(message).toMatchObject({ seq: 3, body: '', html: '', mentions: [], mentionsGroup: false });
    expect(message.reactions).toEqual([]);
    expect(message.previews).toEqual([]);
  });
});

describe('isClientIdTaken', () => {
  it('recognises the unique violation of an author’s client id, from the driver or wrapped by TypeORM', () => {
    expect(isClientIdTaken({ code: '23505', constraint: 'messages_author_id_client_id_key' })).toBe(true);
    expect(
      isClientIdTaken({ driverError: { code: '23505', constraint: 'messages_author_id_client_id_key' } }),
    ).toBe(true);
  });

  it('leaves other errors to their caller', () => {
    expect(isClientIdTaken({ code: '23505', constraint: 'messages_thread_id_seq_key' })).toBe(false);
    expect(isClientIdTaken({ code: '23503' })).toBe(false);
    expect(isClientIdTaken(new Error('boom'))).toBe(false);
  });
});
