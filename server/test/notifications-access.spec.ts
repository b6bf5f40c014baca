import { randomUUID } from 'node:crypto';
import type { Notification, NotificationPage } from '@affluents/contracts';
import type TestAgent from 'supertest/lib/agent';
import { DomainEventBus } from '../src/common/events/domain-event-bus';
import { waitFor } from './support/collab-client';
import { discussionRows } from './support/discussion-rows';
import { factories, type TestUser } from './support/factories';
import { type NotificationCauses, notificationCauses } from './support/notification-causes';
import { nextEvent, type SocketTestApp, startSocketTestApp } from './support/socket-client';

// Threads, messages, polls and comments are written with SQL and reported on the event bus the way their
// services do (as in notifications.spec.ts); the removal, the grant and the minutes review go through
// the real routes.
describe('notifications after access is lost (issue 11, item 9)', () => {
  let t: SocketTestApp;
  let causes: NotificationCauses;
  let thomas: TestAgent;
  let ines: TestAgent;
  let thomasAccount: TestUser;
  const ids: Record<string, string> = {};
  let groupId: string;

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    t.dataSource.query(sql, params) as Promise<T[]>;

  const createThread = (title: string) =>
    discussionRows(t.dataSource, causes).createThread(groupId, title, ids.amina);
  const post = async (...args: Parameters<ReturnType<typeof discussionRows>['post']>) =>
    (await discussionRows(t.dataSource, causes).post(...args)).id;

  const follow = (userId: string, threadId: string) =>
    q(
      `INSERT INTO thread_follows (user_id, thread_id, level) VALUES ($1, $2, 'following')
       ON CONFLICT (user_id, thread_id) DO UPDATE SET level = 'following'`,
      [userId, threadId],
    );

  const feed = async (agent: TestAgent, query = '') =>
    (await agent.get(`/api/notifications?limit=100${query}`).expect(200)).body as NotificationPage;

  beforeAll(async () => {
    t = await startSocketTestApp({ seed: false, env: { NOTIFY_JOB_INTERVAL_MS: '3600000' } });
    causes = notificationCauses(t.dataSource, t.app.get(DomainEventBus));
    // Amina, Thomas (members) and Inès (facilitator) share a social workers' group.
    const make = factories(t);
    const group = await make.group('social_workers');
    groupId = group.id;
    const amina = await make.member(group, 'member', { displayName: 'Amina Lahlou' });
    const thomasUser = await make.member(group, 'member', { displayName: 'Thomas Dubois' });
    const inesUser = await make.member(group, 'facilitator', { displayName: 'Inès Moreau' });
    Object.assign(ids, { amina: amina.id, thomas: thomasUser.id, ines: inesUser.id });
    thomasAccount = thomasUser;
    thomas = thomasUser.agent;
    ines = inesUser.agent;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('hides every kind about the group once removed, counts none, and shows again what a grant gives back', async () => {
    // One notification of each kind for Thomas, each with its own title and excerpt.
    const followed = await createThread('Budget 2027 (suivi)');
    await follow(ids.thomas, followed);
    await post(followed, ids.amina, 'Le budget prévoit 3 ETP supplémentaires.');

    const mentioned = await createThread('Situation de la famille M.');
    await post(mentioned, ids.thomas, 'Je suis la famille depuis mars.');
    await post(mentioned, ids.amina, 'Thomas, la visite à domicile est confirmée ?', {
      mentions: [ids.thomas],
    });

    const groupWide = await createThread('Convention CPAS');
    await post(groupWide, ids.amina, '@groupe la convention CPAS est signée', { mentionsGroup: true });

    const replied = await createThread('Sanctions ONEM');
    const thomasMessage = await post(replied, ids.thomas, 'Trois dossiers en recours.');
    await post(replied, ids.amina, 'Le recours de Mme D. est rejeté.', { replyToId: thomasMessage });

    const [poll] = await q<{ id: string }>(
      `INSERT INTO polls (thread_id, kind, question, closes_at, author_id)
       VALUES ($1, 'proposal', 'Fermer l’antenne de Binche ?', now() + interval '2 days', $2) RETURNING id`,
      [followed, ids.amina],
    );
    await causes.pollOpened(poll.id);
    await q(`INSERT INTO poll_votes (poll_id, user_id, position) VALUES ($1, $2, 'block')`, [
      poll.id,
      ids.thomas,
    ]);
    await q(`UPDATE polls SET closed_at = now(), outcome = 'Antenne fermée en juin' WHERE id = $1`, [
      poll.id,
    ]);
    await causes.pollClosed(poll.id);

    const [fiche] = await q<{ id: string }>(
      `INSERT INTO fiches (group_id, title, doc_name, created_by_id)
       VALUES ($1, 'Accompagnement des sortants de prison', 'fiche:' || gen_random_uuid(), $2) RETURNING id`,
      [groupId, ids.amina],
    );
    const [comment] = await q<{ id: string }>(
      `INSERT INTO fiche_comments (fiche_id, anchor_start, anchor_end, author_id, body, mentions)
       VALUES ($1, 'AAAA', 'AAAA', $2, 'Thomas, le passage sur la libération conditionnelle est à revoir.', $3::uuid[])
       RETURNING id`,
      [fiche.id, ids.amina, [ids.thomas]],
    );
    await causes.commentPosted({ commentId: comment.id, replyId: null });
    await causes.ficheTextMentioned({ ficheId: fiche.id, userIds: [ids.thomas], actorId: ids.amina });

    // A meeting of the group whose minutes go to review: announced in its thread, which Thomas follows.
    const meetingId = randomUUID();
    const [meetingThread] = await q<{ id: string }>(
      `INSERT INTO threads (group_id, kind, title, author_id, subject_type, subject_id)
       VALUES ($1, 'discussion', 'Rencontre de crise du 12 mars', $2, 'meeting', $3) RETURNING id`,
      [groupId, ids.ines, meetingId],
    );
    await q(
      `INSERT INTO meetings (id, group_id, title, starts_at, ends_at, agenda_doc_name, notes_doc_name,
                             created_by_id, thread_id, status, place_type)
       VALUES ($1, $2, 'Rencontre de crise du 12 mars', '2026-03-12T08:30:00Z', '2026-03-12T11:30:00Z', $3, $4, $5,
               $6, 'done', 'host')`,
      [
        meetingId,
        groupId,
        `meeting-agenda:${meetingId}`,
        `meeting-notes:${meetingId}`,
        ids.ines,
        meetingThread.id,
      ],
    );
    await follow(ids.thomas, meetingThread.id);
    await ines.post(`/api/meetings/${meetingId}/minutes/review`).send({ reviewDays: 3 }).expect(200);
    // Its thread's announcement (followed) and the review itself (Thomas was invited; no attendance taken).
    await waitFor(
      async () =>
        (await feed(thomas)).items.filter((n) => n.title === 'Rencontre de crise du 12 mars').length === 2,
      'the minutes review notifications',
    );

    const before = await feed(thomas);
    const secrets = before.items.flatMap((n) => [n.title, n.excerpt]);
    expect(new Set(before.items.map((n) => n.kind))).toEqual(
      new Set([
        'followed_thread',
        'mention',
        'group_mention',
        'reply',
        'poll_opened',
        'poll_closed',
        'comment_mention',
        'fiche_mention',
        'minutes_review',
      ]),
    );
    expect(before.items).toHaveLength(10);
    expect(before.unreadCount).toBe(10);
    expect(secrets).toEqual(expect.arrayContaining(['Rencontre de crise du 12 mars']));
    expect(secrets.some((s) => s.includes('procès-verbal'))).toBe(true);

    const socket = await t.connectAs(thomasAccount);
    const revoked = nextEvent(socket, 'access:revoked');
    await ines.delete(`/api/groups/${groupId}/members/${ids.thomas}`).expect(204);
    await revoked;

    const after = await feed(thomas);
    expect(after.items).toEqual([]);
    expect(after.unreadCount).toBe(0);
    expect((await feed(thomas, '&unreadOnly=true')).items).toEqual([]);
    const raw = JSON.stringify(after);
    for (const secret of secrets) expect(raw).not.toContain(secret);

    // A facilitator lets the former member keep reading the thread he took part in: its notification is back.
    await ines
      .post(`/api/threads/${mentioned}/access-grants`)
      .send({ userId: ids.thomas, kind: 'former_member' })
      .expect(201);
    const granted = await feed(thomas);
    expect(granted.items.map((n) => [n.kind, n.title])).toEqual([['mention', 'Situation de la famille M.']]);
    expect(granted.unreadCount).toBe(1);

    // Live: what he can no longer read is not pushed; what the grant covers is (events arrive in order).
    const pushed = nextEvent<Notification>(socket, 'notification:new');
    await post(groupWide, ids.amina, '@groupe réunion annulée', { mentionsGroup: true });
    await post(mentioned, ids.amina, 'Thomas, merci pour le suivi.', { mentions: [ids.thomas] });
    expect(await pushed).toMatchObject({ kind: 'mention', title: 'Situation de la famille M.' });
    expect((await feed(thomas)).unreadCount).toBe(2);
  });
});
