import {
  type BassinSummary,
  defaultNotificationChoices,
  type GroupKind,
  type Notification,
  type NotificationPage,
} from '@affluents/contracts';
import { DomainEventBus } from '../src/common/events/domain-event-bus';
import { DailyDigestJob } from '../src/modules/notifications/daily-digest.job';
import { NotificationEmailJob } from '../src/modules/notifications/notification-email.job';
import { NotificationsService } from '../src/modules/notifications/notifications.service';
import { discussionRows } from './support/discussion-rows';
import { type Factories, factories, type TestUser } from './support/factories';
import { type NotificationCauses, notificationCauses } from './support/notification-causes';
import { nextEvent, type SocketTestApp, startSocketTestApp } from './support/socket-client';

// Threads and messages are written with SQL here, as the discussions module stores them, so these tests
// exercise the notifications module alone: their domain events are emitted the way their modules emit them.
describe('notifications', () => {
  let t: SocketTestApp;
  let causes: NotificationCauses;
  let make: Factories;
  let people: Record<'amina' | 'thomas' | 'ines' | 'marc' | 'claire' | 'olivier' | 'julie', TestUser>;
  const ids: Record<string, string> = {};
  let groupId: string;
  const MINUTE = 60_000;

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    t.dataSource.query(sql, params) as Promise<T[]>;

  const createThread = (title: string, authorId = ids.amina) =>
    discussionRows(t.dataSource, causes).createThread(groupId, title, authorId);
  const post = (...args: Parameters<ReturnType<typeof discussionRows>['post']>) =>
    discussionRows(t.dataSource, causes).post(...args);

  const follow = (userId: string, threadId: string, level: 'following' | 'muted') =>
    q(
      `INSERT INTO thread_follows (user_id, thread_id, level) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, thread_id) DO UPDATE SET level = $3`,
      [userId, threadId, level],
    );

  const notificationsOf = (userId: string, threadId?: string) =>
    q<{ id: string; kind: string; link: string; email_due_at: Date | null; read_at: Date | null }>(
      `SELECT id, kind, link, email_due_at, read_at FROM notifications
        WHERE user_id = $1 AND ($2::uuid IS NULL OR thread_id = $2) ORDER BY created_at`,
      [userId, threadId ?? null],
    );

  beforeAll(async () => {
    // The periodic jobs stay out of the way: the tests run them with explicit clocks.
    t = await startSocketTestApp({ seed: false, env: { NOTIFY_JOB_INTERVAL_MS: '3600000' } });
    causes = notificationCauses(t.dataSource, t.app.get(DomainEventBus));
    make = factories(t);
    // Amina, Thomas (members) and Inès (facilitator) share the social workers' group of Hainaut Sud;
    // Marc is in the managers' group next door and may not read its discussions. Claire and Olivier are
    // in groups of Namur, Julie in no group.
    const hainaut = await make.bassin({ name: 'Hainaut Sud', groupKinds: ['social_workers', 'managers'] });
    const namur = await make.bassin({ name: 'Namur', groupKinds: ['social_workers', 'encadrants'] });
    const groupOf = (bassin: BassinSummary, kind: GroupKind) =>
      bassin.groups.find((g) => g.kind === kind) as { id: string };
    groupId = groupOf(hainaut, 'social_workers').id;
    people = {
      amina: await make.user({ displayName: 'Amina Lahlou' }),
      thomas: await make.user({ displayName: 'Thomas Dubois' }),
      ines: await make.user({ displayName: 'Inès Moreau' }),
      marc: await make.user({ displayName: 'Marc Delvaux' }),
      claire: await make.user({ displayName: 'Claire Renard' }),
      olivier: await make.user({ displayName: 'Olivier Lejeune' }),
      julie: await make.user({ displayName: 'Julie Mertens' }),
    };
    await make.membership(people.amina, { id: groupId });
    await make.membership(people.thomas, { id: groupId });
    await make.membership(people.ines, { id: groupId }, 'facilitator');
    await make.membership(people.marc, groupOf(hainaut, 'managers'));
    await make.membership(people.claire, groupOf(namur, 'social_workers'));
    await make.membership(people.olivier, groupOf(namur, 'encadrants'));
    for (const [name, user] of Object.entries(people)) ids[name] = user.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores a mention, pushes it live, and emails it once if still unread after the delay', async () => {
    const thomasSocket = await t.connectAs(people.thomas);
    const threadId = await createThread('Accueil des stagiaires en septembre');
    const live = nextEvent<Notification>(thomasSocket, 'notification:new');
    const message = await post(
      threadId,
      ids.amina,
      'Thomas, peux-tu partager ta grille d’accueil ? Elle nous aiderait beaucoup pour la rentrée.',
      { mentions: [ids.thomas, ids.marc] },
    );

    const pushed = await live;
    expect(pushed).toMatchObject({
      kind: 'mention',
      actor: { id: ids.amina, displayName: 'Amina Lahlou' },
      groupId,
      link: `/discussions/${threadId}#m-${message.seq}`,
      title: 'Accueil des stagiaires en septembre',
      excerpt: 'Thomas, peux-tu partager ta grille d’accueil ? Elle nous aiderait beaucoup pour la rentrée.',
      readAt: null,
    });
    const agent = await make.signIn(people.thomas);
    const page: NotificationPage = (await agent.get('/api/notifications').expect(200)).body;
    expect(page.unreadCount).toBe(1);
    expect(page.items).toEqual([pushed]);
    // Marc was mentioned but cannot read the thread: nothing for him, in-app or by mail.
    expect(await notificationsOf(ids.marc)).toEqual([]);

    const emails = t.app.get(NotificationEmailJob);
    expect(await emails.runDueEmails(new Date())).toBe(0);
    const later = new Date(Date.now() + 3 * MINUTE);
    expect(await emails.runDueEmails(later)).toBe(1);
    expect(await emails.runDueEmails(later)).toBe(0);
    const mails = await t.mailsTo(people.thomas.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].template).toBe('mention');
    expect(mails[0].subject).toBe(
      'Amina Lahlou vous a mentionné·e dans « Accueil des stagiaires en septembre »',
    );
    expect(mails[0].textBody).toContain('peux-tu partager ta grille');
    expect(mails[0].textBody).toContain(`http://localhost:3000/discussions/${threadId}#m-${message.seq}`);
    expect(await t.mailsTo(people.marc.email)).toHaveLength(0);
  });

  it('does not email a mention read in time, nor one whose recipient turned mention emails off', async () => {
    const threadId = await createThread('Partenariat avec le FOREm');
    await post(threadId, ids.amina, 'Thomas, tu as vu la réponse ?', { mentions: [ids.thomas] });
    const [unread] = (await notificationsOf(ids.thomas, threadId)).filter((n) => !n.read_at);
    const thomas = await make.signIn(people.thomas);
    const marked = await thomas
      .post('/api/notifications/read')
      .send({ ids: [unread.id] })
      .expect(200);
    expect(marked.body.unreadCount).toBe(1); // the mention of the first test is still unread (emailed)

    const ines = await make.signIn(people.ines);
    await ines
      .put('/api/me/notification-preferences')
      .send({ kinds: { mention: { delivery: 'app', push: true } } })
      .expect(200);
    await post(threadId, ids.amina, 'Inès, un avis sur la convention ?', { mentions: [ids.ines] });
    const [inesMention] = await notificationsOf(ids.ines, threadId);
    expect(inesMention.kind).toBe('mention');
    expect(inesMention.email_due_at).toBeNull();

    const before = (await t.mailsTo(people.thomas.email)).length;
    expect(await t.app.get(NotificationEmailJob).runDueEmails(new Date(Date.now() + 10 * MINUTE))).toBe(0);
    expect(await t.mailsTo(people.thomas.email)).toHaveLength(before);
    expect(await t.mailsTo(people.ines.email)).toHaveLength(0);
    await ines
      .put('/api/me/notification-preferences')
      .send({ kinds: { mention: { delivery: 'email', push: true } } })
      .expect(200);
  });

  it('gives a muted thread nothing but direct mentions, and one notification per member per message', async () => {
    const threadId = await createThread('Horaires d’été');
    await follow(ids.thomas, threadId, 'following');
    await follow(ids.ines, threadId, 'muted');

    await post(threadId, ids.amina, 'Rappel : horaires d’été dès lundi.');
    await post(threadId, ids.amina, '@groupe merci de confirmer vos présences', { mentionsGroup: true });
    expect((await notificationsOf(ids.thomas, threadId)).map((n) => n.kind)).toEqual([
      'followed_thread',
      'group_mention',
    ]);
    expect(await notificationsOf(ids.ines, threadId)).toEqual([]);
    // The author hears nothing of her own message, even a group mention.
    expect(await notificationsOf(ids.amina, threadId)).toEqual([]);

    await post(threadId, ids.amina, 'Inès, tu valides ?', { mentions: [ids.ines] });
    expect((await notificationsOf(ids.ines, threadId)).map((n) => n.kind)).toEqual(['mention']);

    // Announced twice for the same message (a retry), the notifier stores nothing more.
    const [last] = await q<{ id: string }>('SELECT id FROM messages WHERE thread_id = $1 AND seq = 3', [
      threadId,
    ]);
    await causes.messagePosted(last.id);
    expect(await notificationsOf(ids.ines, threadId)).toHaveLength(1);
  });

  it('rings once per followed thread until read (mentions still one per message), then again', async () => {
    const threadId = await createThread('Covoiturage pour la rencontre');
    await follow(ids.thomas, threadId, 'following');
    const first = await post(threadId, ids.amina, 'Qui part de Charleroi ?');
    await post(threadId, ids.amina, 'Je peux prendre trois personnes.');
    // Posted together, they reach the notifier in one batch: still nothing more for Thomas.
    await Promise.all([
      post(threadId, ids.amina, 'Départ à 8 h.'),
      post(threadId, ids.amina, 'Devant la gare.'),
    ]);
    const linkOf = (seq: number) => `/discussions/${threadId}#m-${seq}`;
    const state = async () =>
      (await notificationsOf(ids.thomas, threadId)).map((n) => [n.kind, n.link, n.read_at === null]);
    // The bell says there is news in the thread and leads to the first unread message.
    expect(await state()).toEqual([['followed_thread', linkOf(first.seq), true]]);

    const mention = await post(threadId, ids.amina, 'Thomas, tu viens ?', { mentions: [ids.thomas] });
    expect(await state()).toEqual([
      ['followed_thread', linkOf(first.seq), true],
      ['mention', linkOf(mention.seq), true],
    ]);

    // Thomas reads the thread: both are read; the next message rings again.
    await t.app.get(NotificationsService).markThreadRead(ids.thomas, threadId, mention.seq);
    const next = await post(threadId, ids.amina, 'Il reste une place.');
    await post(threadId, ids.amina, 'Plus de place.');
    expect(await state()).toEqual([
      ['followed_thread', linkOf(first.seq), false],
      ['mention', linkOf(mention.seq), false],
      ['followed_thread', linkOf(next.seq), true],
    ]);
  });

  it('tells the author of a message when someone replies to it', async () => {
    const threadId = await createThread('Fiche sur le tutorat');
    await follow(ids.thomas, threadId, 'following');
    const question = await post(threadId, ids.thomas, 'Qui a déjà testé le tutorat entre pairs ?');
    await post(threadId, ids.ines, 'Nous, depuis deux ans : je te raconte.', { replyToId: question.id });
    // Thomas both follows and is answered: one notification, the reply.
    expect((await notificationsOf(ids.thomas, threadId)).map((n) => n.kind)).toEqual(['reply']);
  });

  it('notifies nothing of a message deleted or hidden before its turn, nor of replies to a deleted one', async () => {
    const threadId = await createThread('Permanences de juillet');
    await follow(ids.thomas, threadId, 'following');
    // Written and deleted (or hidden) before the notifier's turn: its event finds it gone.
    const [deleted, hidden] = await Promise.all(
      ['Je prends le 3.', 'Je prends le 4.'].map(async (body, i) => {
        const [{ seq }] = await q<{ seq: number }>(
          `WITH next AS (UPDATE threads SET last_seq = last_seq + 1, last_change = last_change + 1
                          WHERE id = $1 RETURNING last_seq)
           SELECT last_seq AS seq FROM next`,
          [threadId],
        );
        const [row] = await q<{ id: string }>(
          `INSERT INTO messages (thread_id, seq, change, client_id, author_id, body, html, body_text, mentions,
                                 mentions_group, deleted_at, hidden_at)
           VALUES ($1, $2, $2, gen_random_uuid()::text, $3, $4, $4, $4, $5::uuid[], false,
                   CASE WHEN $6 THEN now() END, CASE WHEN $6 THEN NULL ELSE now() END)
           RETURNING id`,
          [threadId, seq, ids.ines, body, [ids.thomas], i === 0],
        );
        return row.id;
      }),
    );
    await causes.messagePosted(deleted);
    await causes.messagePosted(hidden);
    expect(await notificationsOf(ids.thomas, threadId)).toEqual([]);

    await q('UPDATE messages SET deleted_at = NULL WHERE id = $1', [deleted]);
    const question = await post(threadId, ids.ines, 'Qui prend le 5 ?');
    await q('UPDATE messages SET deleted_at = now() WHERE id = $1', [question.id]);
    await post(threadId, ids.amina, 'Moi.', { replyToId: question.id });
    // Inès deleted her question: the answer is news for Thomas, no reply for her.
    expect((await notificationsOf(ids.thomas, threadId)).map((n) => n.kind)).toEqual(['followed_thread']);
    expect(await notificationsOf(ids.ines, threadId)).toEqual([]);
  });

  it('never notifies someone who cannot view the thread, until a facilitator grants access', async () => {
    const threadId = await createThread('Bilan des formations');
    // Marc follows (he was a member once) but has no access any more.
    await follow(ids.marc, threadId, 'following');
    await post(threadId, ids.amina, 'Premier bilan en pièce jointe.', { mentions: [ids.marc] });
    expect(await notificationsOf(ids.marc)).toEqual([]);

    await q(
      `INSERT INTO thread_access_grants (thread_id, user_id, kind, granted_by_id) VALUES ($1, $2, 'former_member', $3)`,
      [threadId, ids.marc, ids.ines],
    );
    await post(threadId, ids.amina, 'Marc, tu peux relire ?', { mentions: [ids.marc] });
    expect((await notificationsOf(ids.marc)).map((n) => n.kind)).toEqual(['mention']);
  });

  it('notifies a mention in a fiche comment to members who may comment it', async () => {
    const [fiche] = await q<{ id: string }>(
      `INSERT INTO fiches (title, group_id, doc_name, created_by_id)
       VALUES ('Accueillir un stagiaire', $1, 'fiche:' || gen_random_uuid(), $2) RETURNING id`,
      [groupId, ids.amina],
    );
    const [comment] = await q<{ id: string }>(
      `INSERT INTO fiche_comments (fiche_id, anchor_start, anchor_end, author_id, body, mentions)
       VALUES ($1, 'a', 'b', $2, 'Thomas, à compléter avec ton exemple', $3::uuid[]) RETURNING id`,
      [fiche.id, ids.amina, [ids.thomas, ids.marc]],
    );
    await causes.commentPosted({ commentId: comment.id, replyId: null });
    const [row] = await q<{ kind: string; link: string; title: string }>(
      'SELECT kind, link, title FROM notifications WHERE fiche_id = $1 AND user_id = $2',
      [fiche.id, ids.thomas],
    );
    expect(row).toEqual({
      kind: 'comment_mention',
      link: `/fiches/${fiche.id}?comment=${comment.id}`,
      title: 'Accueillir un stagiaire',
    });
    expect(
      await q('SELECT 1 FROM notifications WHERE fiche_id = $1 AND user_id = $2', [fiche.id, ids.marc]),
    ).toEqual([]);
  });

  it('announces a poll to followers and to members following all threads, and its result to voters', async () => {
    const threadId = await createThread('Date de la prochaine rencontre');
    await follow(ids.thomas, threadId, 'following');
    await q(
      'INSERT INTO group_member_settings (group_id, user_id, follow_all_new_threads) VALUES ($1, $2, true)',
      [groupId, ids.ines],
    );
    const [poll] = await q<{ id: string }>(
      `INSERT INTO polls (thread_id, kind, question, closes_at, author_id)
       VALUES ($1, 'single', 'Mardi ou jeudi ?', now() + interval '2 days', $2) RETURNING id`,
      [threadId, ids.amina],
    );
    await causes.pollOpened(poll.id);
    const kinds = async (userId: string) => (await notificationsOf(userId, threadId)).map((n) => n.kind);
    expect(await kinds(ids.thomas)).toEqual(['poll_opened']);
    expect(await kinds(ids.ines)).toEqual(['poll_opened']);
    expect(await kinds(ids.amina)).toEqual([]);

    await q(`INSERT INTO poll_votes (poll_id, user_id) VALUES ($1, $2)`, [poll.id, ids.amina]);
    await follow(ids.ines, threadId, 'muted');
    await causes.pollClosed(poll.id);
    expect(await kinds(ids.amina)).toEqual(['poll_closed']);
    expect(await kinds(ids.thomas)).toEqual(['poll_opened', 'poll_closed']);
    expect(await kinds(ids.ines)).toEqual(['poll_opened']);
  });

  it('sends a due mention once even when several runs race for it', async () => {
    const emails = t.app.get(NotificationEmailJob);
    const later = new Date(Date.now() + 5 * MINUTE);
    await emails.runDueEmails(later); // mentions of the earlier tests first
    const threadId = await createThread('Course aux courriels');
    await post(threadId, ids.ines, 'Thomas, urgent', { mentions: [ids.thomas] });
    const before = (await t.mailsTo(people.thomas.email)).length;
    const runs = await Promise.all([1, 2, 3].map(() => emails.runDueEmails(later)));
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    const mails = await t.mailsTo(people.thomas.email);
    expect(mails).toHaveLength(before + 1);
    expect(mails[0].subject).toBe('Inès Moreau vous a mentionné·e dans « Course aux courriels »');
  });

  it('marks the notifications of a thread read when the member reads it', async () => {
    const threadId = await createThread('Matériel de cuisine');
    const first = await post(threadId, ids.amina, 'Thomas ?', { mentions: [ids.thomas] });
    await post(threadId, ids.amina, 'Thomas, encore moi', { mentions: [ids.thomas] });
    await t.app.get(NotificationsService).markThreadRead(ids.thomas, threadId, first.seq);
    expect((await notificationsOf(ids.thomas, threadId)).map((n) => n.read_at !== null)).toEqual([
      true,
      false,
    ]);
  });

  it('pages notifications newest first with a cursor, and filters unread ones', async () => {
    const thomas = await make.signIn(people.thomas);
    const all: NotificationPage = (await thomas.get('/api/notifications?limit=100').expect(200)).body;
    expect(all.items.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/notifications?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page: NotificationPage = (await thomas.get(url).expect(200)).body;
      seen.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((n) => n.id));
    const unread: NotificationPage = (await thomas.get('/api/notifications?unreadOnly=true').expect(200))
      .body;
    expect(unread.items.every((n) => n.readAt === null)).toBe(true);
    expect(unread.items).toHaveLength(all.unreadCount);

    await thomas.get('/api/notifications?cursor=nimporte-quoi').expect(400);
    await thomas.post('/api/notifications/read').send({ all: true }).expect(200, { unreadCount: 0 });
    await t.agent().get('/api/notifications').expect(401);
  });

  it('round-trips preferences and rejects bad input', async () => {
    const julie = await make.signIn(people.julie);
    const defaults = defaultNotificationChoices();
    await julie.get('/api/me/notification-preferences').expect(200, { kinds: defaults, dailyDigest: true });
    const changed = {
      kinds: {
        ...defaults,
        mention: { delivery: 'app', push: false },
        fiche_review: { delivery: 'none', push: false },
      },
      dailyDigest: false,
    };
    await julie
      .put('/api/me/notification-preferences')
      .send({
        kinds: { mention: { delivery: 'app', push: false }, fiche_review: { delivery: 'none', push: false } },
        dailyDigest: false,
      })
      .expect(200, changed);
    await julie.get('/api/me/notification-preferences').expect(200, changed);
    // A partial update keeps the other kinds' choices.
    await julie
      .put('/api/me/notification-preferences')
      .send({ kinds: { reply: { delivery: 'email', push: true } } })
      .expect(200, { ...changed, kinds: { ...changed.kinds, reply: { delivery: 'email', push: true } } });
    await julie
      .put('/api/me/notification-preferences')
      .send({ kinds: { reply: defaults.reply } })
      .expect(200, changed);

    const bad = await julie
      .put('/api/me/notification-preferences')
      .send({ kinds: { mention: { delivery: 'oui', push: true } }, dailyDigest: 'non' })
      .expect(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.fieldErrors.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['kinds.mention.delivery', 'dailyDigest']),
    );
    await julie
      .put('/api/me/notification-preferences')
      .send({ kinds: { sms: { delivery: 'email', push: true } } })
      .expect(400);
    await julie.put('/api/me/notification-preferences').send({ dailyDigest: true, sms: true }).expect(400);
    await julie.post('/api/notifications/read').send({}).expect(400);
    await julie.get('/api/me/notification-preferences').expect(200, changed);
  });

  it('sends one daily digest of what is unread, by group, newest first, not twice a day, none when nothing is new or when off', async () => {
    const threadId = await createThread('Recrutement d’un formateur');
    await follow(ids.claire, threadId, 'following'); // Claire is in Namur: she may not read it
    await q('INSERT INTO memberships (user_id, group_id, role) VALUES ($1, $2, $3)', [
      ids.olivier,
      groupId,
      'member',
    ]);
    await follow(ids.olivier, threadId, 'following');
    await post(threadId, ids.amina, 'L’offre d’emploi est en ligne depuis ce matin.');
    await post(threadId, ids.ines, 'Je la relaie auprès du réseau.');
    await post(threadId, ids.olivier, 'Merci à vous deux.');
    await post(threadId, ids.ines, 'Olivier, tu prends les candidatures ?', { mentions: [ids.olivier] });
    // Julie does not want the digest: her unread mention gives her none.
    await q('INSERT INTO memberships (user_id, group_id, role) VALUES ($1, $2, $3)', [
      ids.julie,
      groupId,
      'member',
    ]);
    const julie = await make.signIn(people.julie);
    await julie.put('/api/me/notification-preferences').send({ dailyDigest: false }).expect(200);
    await post(threadId, ids.ines, 'Julie, tu valides ?', { mentions: [ids.julie] });

    // The first hour from now that is past 7:00 in Brussels.
    let at = new Date(Date.now() + 60 * MINUTE);
    const brusselsHour = (d: Date) =>
      Number(
        new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Europe/Brussels',
          hour: 'numeric',
          hourCycle: 'h23',
        }).format(d),
      );
    while (brusselsHour(at) < 7 || brusselsHour(at) === 23) at = new Date(at.getTime() + 60 * MINUTE);

    const digests = t.app.get(DailyDigestJob);
    const digestsTo = async (user: TestUser) =>
      (await t.mailsTo(user.email)).filter((m) => m.template === 'daily_digest');
    expect(await digests.runDigests(at)).toBeGreaterThanOrEqual(1);
    const mails = await digestsTo(people.olivier);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Affluents : 2 notifications non lues');
    expect(mails[0].textBody).toContain('Travailleurs sociaux — Hainaut Sud — 2 notifications non lues');
    // Newest first: the mention, then the followed thread (one until read, from its first unread message).
    const body = mails[0].textBody;
    const mention = body.indexOf('Inès Moreau vous a mentionné·e : « Recrutement d’un formateur »');
    const followed = body.indexOf(
      'Amina Lahlou a écrit dans une discussion suivie : « Recrutement d’un formateur »',
    );
    expect(mention).toBeGreaterThan(-1);
    expect(followed).toBeGreaterThan(mention);
    // His own message is no news to him.
    expect(body).not.toContain('Merci à vous deux');
    expect(body).not.toContain('Olivier Lejeune a écrit');
    expect(await digestsTo(people.claire)).toHaveLength(0);
    expect(await digestsTo(people.julie)).toHaveLength(0);

    // Later the same day: already sent.
    await digests.runDigests(new Date(at.getTime() + 30 * MINUTE));
    expect(await digestsTo(people.olivier)).toHaveLength(1);
    // The next morning, nothing new and unread since: no mail.
    await digests.runDigests(new Date(at.getTime() + 24 * 60 * MINUTE));
    expect(await digestsTo(people.olivier)).toHaveLength(1);
  });
});
