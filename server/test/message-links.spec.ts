import { randomUUID } from 'node:crypto';
import type { Message } from '@affluents/contracts';
import type TestAgent from 'supertest/lib/agent';
import { factories } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

// Only http(s), mailto and the app's own paths may become links or previews (issue 11, item 12).
describe('links in a message', () => {
  let t: TestApp;
  let amina: TestAgent;
  let threadId: string;

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    const make = factories(t);
    const group = await make.group('social_workers');
    amina = (await make.member(group)).agent;
    threadId = (
      await amina
        .post(`/api/groups/${group.id}/threads`)
        .send({ title: 'Liens utiles', body: 'Rassemblons nos liens ici.' })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = async (body: string): Promise<Message> =>
    (await amina.post(`/api/threads/${threadId}/messages`).send({ clientId: randomUUID(), body }).expect(201))
      .body;

  /** The message read back from the thread, as others will see it (not as the post answered). */
  const readBack = async (message: Message): Promise<Message> =>
    (
      (
        await amina
          .get(`/api/threads/${threadId}/messages`)
          .query({ afterSeq: message.seq - 1 })
          .expect(200)
      ).body as { items: Message[] }
    ).items[0];

  it.each([
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'javascript:alert(document.cookie)',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/phish',
  ])('[x](%s) gives no anchor and no preview', async (href) => {
    const message = await post(`Voir [x](${href}) pour le détail.`);
    expect(message.html).not.toMatch(/<a\b/);
    expect(message.previews).toEqual([]);
    // Read back as others will see it, not only as the post answered.
    expect(await readBack(message)).toMatchObject({ id: message.id, previews: [] });
  });

  it('http(s), mailto and app paths become links, and previews for the web and the app', async () => {
    const message = await post(
      '[le FOREm](https://www.forem.be/offres), [le blog](http://example.org/x), ' +
        '[écrire](mailto:accueil@cpas.be) et [la fiche](/fiches/0b6f6d52-3c8e-4c1f-9a55-6f9f7a3e1a10)',
    );
    for (const href of [
      'https://www.forem.be/offres',
      'http://example.org/x',
      'mailto:accueil@cpas.be',
      '/fiches/0b6f6d52-3c8e-4c1f-9a55-6f9f7a3e1a10',
    ])
      expect(message.html).toContain(`href="${href}"`);
    expect(message.previews.map((p) => p.url)).toEqual([
      'https://www.forem.be/offres',
      'http://example.org/x',
      '/fiches/0b6f6d52-3c8e-4c1f-9a55-6f9f7a3e1a10',
    ]);
  });

  it('a data: preview stored before the rule is not served', async () => {
    const message = await post('Un message ordinaire.');
    await t.dataSource.query('UPDATE messages SET previews = $2::jsonb WHERE id = $1', [
      message.id,
      JSON.stringify([
        { url: 'data:text/html,<b>x</b>', title: '', internal: false },
        { url: 'https://www.forem.be', title: 'www.forem.be', internal: false },
      ]),
    ]);
    expect((await readBack(message)).previews).toEqual([
      { url: 'https://www.forem.be', title: 'www.forem.be', internal: false },
    ]);
  });
});
