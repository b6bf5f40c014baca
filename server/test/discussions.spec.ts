import { randomUUID } from 'node:crypto';
import type { GroupKind, Message, ThreadDetail } from '@affluents/contracts';
import type TestAgent from 'supertest/lib/agent';
import { DomainEventBus } from '../src/common/events/domain-event-bus';
import type { PostedMessage } from '../src/common/events/domain-events';
import { factories, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('discussions over HTTP: access, posting, Markdown, unread, moderation, search', () => {
  let t: TestApp;
  const as: Record<string, TestAgent> = {};
  const ids: Record<string, string> = {};
  let namurSocial: string;
  let namurEncadrants: string;
  let hainautSocial: string;
  let thread: ThreadDetail;

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    const make = factories(t);
    // Namur: Sophie facilitates its three groups, Claire is a social worker, Olivier an encadrant. Amina is
    // a social worker of another bassin, Nadia in no group, and an administrator.
    const namur = await make.bassin({ name: 'Namur' });
    const group = (kind: GroupKind) => namur.groups.find((g) => g.kind === kind) as { id: string };
    namurSocial = group('social_workers').id;
    namurEncadrants = group('encadrants').id;
    hainautSocial = (await make.bassin({ name: 'Hainaut Sud', groupKinds: ['social_workers'] })).groups[0].id;
    const people: Record<string, TestUser> = {
      sophie: await make.user({ displayName: 'Sophie Lambert' }),
      claire: await make.user({ displayName: 'Claire Renard' }),
      olivier: await make.user({ displayName: 'Olivier Lejeune' }),
      amina: await make.user({ displayName: 'Amina Lahlou' }),
      admin: await make.user({ platformRole: 'admin' }),
      nadia: await make.user({ displayName: 'Nadia Vandenbergh' }),
    };
    for (const g of namur.groups) await make.membership(people.sophie, g, 'facilitator');
    await make.membership(people.claire, group('social_workers'));
    await make.membership(people.olivier, group('encadrants'));
    await make.membership(people.amina, { id: hainautSocial });
    for (const [name, user] of Object.entries(people)) {
      as[name] = await make.signIn(user);
      ids[name] = user.id;
    }
  });
  afterAll(() => t.close());

  it('lets members open threads; announcements only for the facilitator; questions start open', async () => {
    const res = await as.claire
      .post(`/api/groups/${namurSocial}/threads`)
      .send({
        kind: 'question',
        title: 'Formations en alternance',
        body: 'Qui connaît des **formations** pour notre équipe ?',
      })
      .expect(201);
    thread = res.body;
    expect(thread).toMatchObject({
      kind: 'question',
      status: 'open',
      lastSeq: 1,
      unreadCount: 0,
      canPost: true,
    });
    expect(thread.canModerate).toBe(false);
    await as.claire
      .post(`/api/groups/${namurSocial}/threads`)
      .send({ kind: 'announcement', title: 'Annonce', body: 'x' })
      .expect(403);
    await as.sophie
      .post(`/api/groups/${namurSocial}/threads`)
      .send({ kind: 'announcement', title: 'Prochaine rencontre', body: 'Le 12 à Namur' })
      .expect(201);
    await as.amina
      .post(`/api/groups/${namurSocial}/threads`)
      .send({ title: 'Intrus', body: 'x' })
      .expect(403);
    await as.claire.post(`/api/groups/${namurSocial}/threads`).send({ title: '', body: '' }).expect(400);
  });

  it('applies the authorization matrix on list, read and post', async () => {
    const list = (await as.sophie.get(`/api/groups/${namurSocial}/threads`).expect(200)).body;
    expect(list.items.map((i: { title: string }) => i.title)).toEqual(
      expect.arrayContaining(['Formations en alternance', 'Prochaine rencontre']),
    );
    // Other group of the same bassin, other bassin, coordinator (admin): neither list nor read nor post.
    for (const name of ['olivier', 'amina', 'admin', 'nadia']) {
      await as[name].get(`/api/groups/${namurSocial}/threads`).expect(403);
      await as[name].get(`/api/threads/${thread.id}`).expect(404);
      await as[name].get(`/api/threads/${thread.id}/messages`).expect(404);
      await as[name]
        .post(`/api/threads/${thread.id}/messages`)
        .send({ clientId: `x-${name}-0001`, body: 'hé' })
        .expect(404);
    }
    await t.agent().get(`/api/threads/${thread.id}`).expect(401);
    await t.agent().get(`/api/groups/${namurSocial}/threads`).expect(401);

    // A guest grant may read and post; granting is the facilitator's.
    await as.claire
      .post(`/api/threads/${thread.id}/access-grants`)
      .send({ userId: ids.nadia, kind: 'guest' })
      .expect(403);
    await as.sophie
      .post(`/api/threads/${thread.id}/access-grants`)
      .send({ userId: ids.nadia, kind: 'guest' })
      .expect(201);
    await as.nadia.get(`/api/threads/${thread.id}`).expect(200);
    const guestList = (await as.nadia.get(`/api/groups/${namurSocial}/threads`).expect(200)).body;
    expect(guestList.items.map((i: { id: string }) => i.id)).toEqual([thread.id]);
    await as.nadia
      .post(`/api/threads/${thread.id}/messages`)
      .send({ clientId: 'nadia-msg-0001', body: 'Merci de l’invitation' })
      .expect(201);

    // A former member may only read, and only if they took part.
    await as.sophie
      .post(`/api/threads/${thread.id}/access-grants`)
      .send({ userId: ids.amina, kind: 'former_member' })
      .expect(400);
    await t.dataSource.query(`INSERT INTO memberships (user_id, group_id, role) VALUES ($1, $2, 'member')`, [
      ids.olivier,
      namurSocial,
    ]);
    await as.olivier
      .post(`/api/threads/${thread.id}/messages`)
      .send({ clientId: 'olivier-msg-01', body: 'Je passe chez les encadrants' })
      .expect(201);
    await t.dataSource.query('DELETE FROM memberships WHERE user_id = $1 AND group_id = $2', [
      ids.olivier,
      namurSocial,
    ]);
    await as.olivier.get(`/api/threads/${thread.id}`).expect(404);
    // The facilitator is offered exactly the people who wrote here and left the group.
    await as.claire.get(`/api/threads/${thread.id}/former-participants`).expect(403);
    const former = (await as.sophie.get(`/api/threads/${thread.id}/former-participants`).expect(200)).body;
    expect(former.map((p: { id: string }) => p.id)).toEqual([ids.olivier]);
    await as.sophie
      .post(`/api/threads/${thread.id}/access-grants`)
      .send({ userId: ids.olivier, kind: 'former_member' })
      .expect(201);
    expect((await as.sophie.get(`/api/threads/${thread.id}/former-participants`)).body).toEqual([]);
    const page = (await as.olivier.get(`/api/threads/${thread.id}/messages`).expect(200)).body;
    expect(page.items.map((m: Message) => m.author.displayName)).toHaveLength(3);
    await as.olivier
      .post(`/api/threads/${thread.id}/messages`)
      .send({ clientId: 'olivier-msg-02', body: 'encore' })
      .expect(403);
    const grants = (await as.sophie.get(`/api/threads/${thread.id}/access-grants`).expect(200)).body;
    expect(grants.map((g: { kind: string }) => g.kind).sort()).toEqual(['former_member', 'guest']);
    await as.sophie.delete(`/api/threads/${thread.id}/access-grants/${ids.olivier}`).expect(204);
    await as.olivier.get(`/api/threads/${thread.id}`).expect(404);
    // Sophie does not run the encadrants of another bassin, but she does run Namur's: olivier's group stays apart.
    await as.claire.get(`/api/groups/${namurEncadrants}/threads`).expect(403);
  });

  it('stores one message per client id, even for concurrent resends; 409 across threads', async () => {
    const body = { clientId: 'claire-resend-0001', body: 'Une seule fois' };
    const [a, b] = await Promise.all([
      as.claire.post(`/api/threads/${thread.id}/messages`).send(body),
      as.claire.post(`/api/threads/${thread.id}/messages`).send(body),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    const again = await as.claire.post(`/api/threads/${thread.id}/messages`).send(body).expect(201);
    expect(again.body.id).toBe(a.body.id);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM messages WHERE client_id = $1', [
      body.clientId,
    ]);
    expect(n).toBe(1);
    const seqs = (await as.claire.get(`/api/threads/${thread.id}/messages`).expect(200)).body.items.map(
      (m: Message) => m.seq,
    );
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
    const other = (
      await as.claire
        .post(`/api/groups/${namurSocial}/threads`)
        .send({ title: 'Autre sujet', body: 'Bonjour' })
        .expect(201)
    ).body;
    await as.claire.post(`/api/threads/${other.id}/messages`).send(body).expect(409);
  });

  it('stores malicious Markdown harmlessly and renders the subset, mentions and previews', async () => {
    const bodies = [
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(1)">',
      '[x](javascript:alert(1))',
      '<a href="javascript:alert(1)" onclick="alert(2)">clic</a> <b style="color:red">gras</b>',
      '![image](https://evil.test/x.png) # Titre\n\n# Titre\n\n| a | b |\n|---|---|\n| 1 | 2 |',
      `Bonjour @[Claire](user:${ids.claire}) et @[Amina](user:${ids.amina}), @[groupe](group) : *voir* ~~ça~~ \`code\` https://example.org/page et [fiche](/fiches/00000000-0000-4000-8000-000000000000) [fil](/discussions/${thread.id})\n\n> cité\n\n- un\n- deux\n\n\`\`\`\n<script>x</script>\n\`\`\``,
    ];
    const stored: Message[] = [];
    for (const [i, body] of bodies.entries()) {
      stored.push(
        (
          await as.sophie
            .post(`/api/threads/${thread.id}/messages`)
            .send({ clientId: `sophie-md-${i}-0000`, body })
            .expect(201)
        ).body,
      );
    }
    for (const m of stored) {
      // Escaped text may quote them; no real tag, attribute or link may carry them.
      expect(m.html).not.toMatch(
        /<(script|img|h1|table|b)\b|<[a-z][^>]*\s(on\w+|style)=|<a\s[^>]*href="javascript:/i,
      );
    }
    expect(stored[0].html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    const rich = stored[5];
    expect(rich.html).toContain(`<span class="mention" data-user-id="${ids.claire}">@Claire</span>`);
    expect(rich.html).not.toContain(ids.amina);
    expect(rich.html).toContain('@Amina');
    expect(rich.mentions).toEqual([ids.claire]);
    expect(rich.mentionsGroup).toBe(true);
    expect(rich.html).toMatch(/<em>voir<\/em>.*<s>ça<\/s>.*<code>code<\/code>/);
    expect(rich.html).toContain(
      '<a href="https://example.org/page" rel="noopener noreferrer nofollow" target="_blank">',
    );
    expect(rich.html).toMatch(/<blockquote>[\s\S]*<ul>[\s\S]*<pre><code>&lt;script&gt;/);
    expect(rich.previews).toEqual([
      { url: 'https://example.org/page', title: 'example.org', internal: false },
      { url: '/fiches/00000000-0000-4000-8000-000000000000', title: 'Affluents', internal: true },
      { url: `/discussions/${thread.id}`, title: 'Formations en alternance', internal: true },
    ]);
    // Mentioned members follow the thread.
    const claireView = (await as.claire.get(`/api/threads/${thread.id}`).expect(200)).body;
    expect(claireView.follow).toBe('following');
  });

  it('counts unread messages per thread and group, clears them when read, skips muted threads', async () => {
    const before = (await as.claire.get(`/api/threads/${thread.id}`).expect(200)).body as ThreadDetail;
    expect(before.unreadCount).toBe(before.lastSeq - before.lastReadSeq);
    expect(before.unreadCount).toBeGreaterThan(0);
    const news = (await as.claire.get('/api/discussions/news').expect(200)).body;
    expect(news.items.map((i: { id: string }) => i.id)).toContain(thread.id);
    const read = (await as.claire.post(`/api/threads/${thread.id}/read`).send({ seq: 10_000 }).expect(200))
      .body;
    expect(read.seq).toBe(before.lastSeq);
    const after = (await as.claire.get(`/api/threads/${thread.id}`).expect(200)).body;
    expect(after.unreadCount).toBe(0);
    await as.sophie
      .post(`/api/threads/${thread.id}/messages`)
      .send({ clientId: 'sophie-unread-01', body: 'Nouveau' })
      .expect(201);
    const list = (await as.claire.get(`/api/groups/${namurSocial}/threads`).expect(200)).body;
    expect(list.items.find((i: { id: string }) => i.id === thread.id).unreadCount).toBe(1);
    const withThread = list.groupUnread;
    await as.claire.put(`/api/threads/${thread.id}/follow`).send({ follow: 'muted' }).expect(200);
    const muted = (await as.claire.get(`/api/groups/${namurSocial}/threads`).expect(200)).body;
    expect(muted.groupUnread).toBe(withThread - 1);
    await as.claire.put(`/api/threads/${thread.id}/follow`).send({ follow: 'following' }).expect(200);
    // Posting moves the poster's own read position.
    const mine = (
      await as.claire
        .post(`/api/threads/${thread.id}/messages`)
        .send({ clientId: 'claire-own-0001', body: 'Lu' })
        .expect(201)
    ).body;
    expect((await as.claire.get(`/api/threads/${thread.id}`).expect(200)).body).toMatchObject({
      lastReadSeq: mine.seq,
      unreadCount: 0,
    });
  });

  it('follows new threads for members who asked to', async () => {
    expect((await as.claire.get(`/api/groups/${namurSocial}/discussion-settings`).expect(200)).body).toEqual({
      followAllNewThreads: false,
    });
    await as.claire
      .put(`/api/groups/${namurSocial}/discussion-settings`)
      .send({ followAllNewThreads: true })
      .expect(200);
    await as.amina.get(`/api/groups/${namurSocial}/discussion-settings`).expect(403);
    const created = (
      await as.sophie
        .post(`/api/groups/${namurSocial}/threads`)
        .send({ title: 'Nouveau fil', body: 'Salut' })
        .expect(201)
    ).body;
    expect((await as.claire.get(`/api/threads/${created.id}`).expect(200)).body.follow).toBe('following');
  });

  it('edits with revisions, deletes softly, and lets only the author do so', async () => {
    const m = (
      await as.claire
        .post(`/api/threads/${thread.id}/messages`)
        .send({ clientId: 'claire-edit-0001', body: 'Première version' })
        .expect(201)
    ).body;
    await as.sophie.patch(`/api/messages/${m.id}`).send({ body: 'Piratage' }).expect(403);
    const edited = (
      await as.claire.patch(`/api/messages/${m.id}`).send({ body: 'Deuxième version' }).expect(200)
    ).body;
    expect(edited.editedAt).not.toBeNull();
    expect(edited.change).toBeGreaterThan(m.change);
    expect(
      (await as.claire.get(`/api/messages/${m.id}/revisions`).expect(200)).body.map(
        (r: { body: string }) => r.body,
      ),
    ).toEqual(['Première version']);
    await as.sophie.delete(`/api/messages/${m.id}`).expect(403);
    const deleted = (await as.claire.delete(`/api/messages/${m.id}`).expect(200)).body;
    expect(deleted).toMatchObject({ body: '', html: '', seq: m.seq });
    expect(deleted.deletedAt).not.toBeNull();
    await as.amina.get(`/api/messages/${m.id}/revisions`).expect(404);
  });

  it('lets the facilitator hide, lock, pin, solve and move', async () => {
    const m = (
      await as.claire
        .post(`/api/threads/${thread.id}/messages`)
        .send({ clientId: 'claire-mod-0001', body: 'À masquer' })
        .expect(201)
    ).body;
    await as.claire.post(`/api/messages/${m.id}/hide`).expect(403);
    const hidden = (await as.sophie.post(`/api/messages/${m.id}/hide`).expect(200)).body;
    expect(hidden).toMatchObject({ body: '', html: '' });
    const [audit] = await t.dataSource.query('SELECT body, hidden_by_id FROM messages WHERE id = $1', [m.id]);
    expect(audit).toEqual({ body: 'À masquer', hidden_by_id: ids.sophie });
    expect((await as.sophie.post(`/api/messages/${m.id}/unhide`).expect(200)).body.body).toBe('À masquer');

    await as.claire.patch(`/api/threads/${thread.id}`).send({ locked: true }).expect(403);
    await as.claire.patch(`/api/threads/${thread.id}`).send({ pinned: true }).expect(403);
    expect(
      (await as.sophie.patch(`/api/threads/${thread.id}`).send({ locked: true, pinned: true }).expect(200))
        .body,
    ).toMatchObject({ locked: true, pinned: true });
    await as.claire
      .post(`/api/threads/${thread.id}/messages`)
      .send({ clientId: 'claire-locked-01', body: 'refusé' })
      .expect(403);
    await as.sophie
      .post(`/api/threads/${thread.id}/messages`)
      .send({ clientId: 'sophie-locked-01', body: 'accepté' })
      .expect(201);
    const list = (await as.claire.get(`/api/groups/${namurSocial}/threads`).expect(200)).body;
    expect(list.items[0].id).toBe(thread.id);
    await as.sophie.patch(`/api/threads/${thread.id}`).send({ locked: false }).expect(200);

    // The question's author marks the answer.
    const solved = (
      await as.claire.patch(`/api/threads/${thread.id}`).send({ solvedMessageId: m.id }).expect(200)
    ).body;
    expect(solved).toMatchObject({ status: 'solved', solvedMessageId: m.id });
    await as.claire
      .patch(`/api/threads/${thread.id}`)
      .send({ title: 'Formations en alternance (résolu)' })
      .expect(200);

    const target = (
      await as.sophie
        .post(`/api/groups/${namurSocial}/threads`)
        .send({ title: 'Hors sujet', body: 'Ici' })
        .expect(201)
    ).body;
    await as.claire.post(`/api/messages/${m.id}/move`).send({ toThreadId: target.id }).expect(403);
    const { marker, moved } = (
      await as.sophie.post(`/api/messages/${m.id}/move`).send({ toThreadId: target.id }).expect(200)
    ).body;
    expect(marker).toMatchObject({
      id: m.id,
      seq: m.seq,
      threadId: thread.id,
      movedTo: { threadId: target.id, title: 'Hors sujet' },
      body: '',
    });
    // Numbered as any new message of the destination: its next sequence number and change.
    expect(moved).toMatchObject({
      threadId: target.id,
      seq: 2,
      change: 2,
      author: { id: ids.claire },
      body: 'À masquer',
    });
    const otherGroup = (
      await as.sophie
        .post(`/api/groups/${namurEncadrants}/threads`)
        .send({ title: 'Ailleurs', body: 'x' })
        .expect(201)
    ).body;
    await as.sophie.post(`/api/messages/${moved.id}/move`).send({ toThreadId: otherGroup.id }).expect(400);
  });

  it('searches in French across my threads only', async () => {
    await as.amina
      .post(`/api/groups/${hainautSocial}/threads`)
      .send({ title: 'Formations à Charleroi', body: 'Notre équipe cherche une formation' })
      .expect(201);
    const hit = (await as.claire.get('/api/discussions/search').query({ q: 'formation' }).expect(200)).body;
    expect(hit.total).toBeGreaterThan(0);
    expect(hit.items.some((i: { snippet: string }) => /\[formations\]/i.test(i.snippet))).toBe(true);
    for (const item of hit.items) expect(item.thread.groupId).toBe(namurSocial);
    const accents = (await as.claire.get('/api/discussions/search').query({ q: 'equipe' }).expect(200)).body;
    expect(accents.items.some((i: { snippet: string }) => i.snippet.includes('[équipe]'))).toBe(true);
    const outsider = (await as.amina.get('/api/discussions/search').query({ q: 'formation' }).expect(200))
      .body;
    expect(outsider.total).toBeGreaterThan(0);
    for (const item of outsider.items) expect(item.thread.groupId).toBe(hainautSocial);
    await as.claire.get('/api/discussions/search').query({ q: '' }).expect(400);
  });

  it('opens one thread per fiche, concurrently, for its group only', async () => {
    const fiche = (
      await as.claire
        .post('/api/fiches')
        .send({ title: 'Potager partagé', groupId: namurSocial, year: 2026 })
        .expect(201)
    ).body;
    const [a, b] = await Promise.all([
      as.claire.get(`/api/fiches/${fiche.id}/thread`),
      as.sophie.get(`/api/fiches/${fiche.id}/thread`),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.id).toBe(b.body.id);
    expect(a.body.subject).toEqual({ type: 'fiche', id: fiche.id, title: 'Potager partagé' });
    await as.amina.get(`/api/fiches/${fiche.id}/thread`).expect(403);
    await as.olivier.get(`/api/fiches/${fiche.id}/thread`).expect(403);
  });

  it('previews a link to a fiche with its title only for those who may view it', async () => {
    const fiche = (
      await as.claire
        .post('/api/fiches')
        .send({ title: 'Jardin des voisins', groupId: namurSocial, year: 2026 })
        .expect(201)
    ).body;
    const link = `[la fiche](/fiches/${fiche.id})`;
    const member: Message = (
      await as.claire
        .post(`/api/threads/${thread.id}/messages`)
        .send({ clientId: randomUUID(), body: link })
        .expect(201)
    ).body;
    expect(member.previews).toEqual([
      { url: `/fiches/${fiche.id}`, title: 'Jardin des voisins', internal: true },
    ]);
    // Olivier is in another group of the bassin and the fiche is not published: its title stays hidden.
    const other: ThreadDetail = (
      await as.olivier
        .post(`/api/groups/${namurEncadrants}/threads`)
        .send({ title: 'Lien', body: link })
        .expect(201)
    ).body;
    const [first] = (await as.olivier.get(`/api/threads/${other.id}/messages`).expect(200)).body.items;
    expect(first.previews).toEqual([{ url: `/fiches/${fiche.id}`, title: 'Affluents', internal: true }]);
  });

  it('tells the domain of each posted message with what its notifications need', async () => {
    const bus = t.app.get(DomainEventBus);
    const heard: PostedMessage[] = [];
    const off = bus.on('message.posted', (m) => void heard.push(m));
    try {
      const opened: ThreadDetail = (
        await as.claire
          .post(`/api/groups/${namurSocial}/threads`)
          .send({ title: 'Stages d’été', body: 'Des **places** pour juillet ?' })
          .expect(201)
      ).body;
      const [first]: Message[] = (await as.claire.get(`/api/threads/${opened.id}/messages`).expect(200)).body
        .items;
      const reply: Message = (
        await as.sophie
          .post(`/api/threads/${opened.id}/messages`)
          .send({
            clientId: 'sophie-domain-event-01',
            body: `@[Claire](user:${ids.claire}) oui, *trois* places`,
            replyToId: first.id,
          })
          .expect(201)
      ).body;
      await bus.settled();
      const about = { threadId: opened.id, groupId: namurSocial, threadTitle: 'Stages d’été' };
      expect(heard).toEqual([
        {
          ...about,
          messageId: first.id,
          seq: 1,
          author: first.author,
          text: 'Des places pour juillet ?',
          mentions: [],
          mentionsGroup: false,
          replyTo: null,
        },
        {
          ...about,
          messageId: reply.id,
          seq: 2,
          author: { id: ids.sophie, displayName: reply.author.displayName },
          text: '@Claire oui, trois places',
          mentions: [ids.claire],
          mentionsGroup: false,
          replyTo: { messageId: first.id, authorId: ids.claire },
        },
      ]);
      // The same plain text as stored for search and emails.
      const [stored] = await t.dataSource.query('SELECT body_text AS text FROM messages WHERE id = $1', [
        reply.id,
      ]);
      expect(heard[1].text).toBe(stored.text);
    } finally {
      off();
    }
  });
});
