import type { FicheDetail } from '@affluents/contracts';
import type { Socket } from 'socket.io-client';
import type TestAgent from 'supertest/lib/agent';
import { factories, type TestUser } from './support/factories';
import { ack, nextEvent, type SocketTestApp, startSocketTestApp } from './support/socket-client';

describe('fiche pages learn from the server that a fiche changed (fiche:updated)', () => {
  let t: SocketTestApp;
  let fiche: FicheDetail;
  let colleague: Socket;
  let reader: Socket;
  let people: Record<'amina' | 'ines' | 'marc', TestUser>;
  let aminaAgent: TestAgent;

  beforeAll(async () => {
    t = await startSocketTestApp({ seed: false });
    const make = factories(t);
    const group = await make.group('social_workers');
    const other = await make.group('managers', { bassinId: group.bassinId });
    const amina = await make.user();
    const thomas = await make.user();
    await make.membership(amina, group);
    await make.membership(thomas, group);
    const ines = await make.user();
    await make.membership(ines, group, 'facilitator');
    const marc = await make.user();
    await make.membership(marc, other);
    people = { amina, ines, marc };
    aminaAgent = await make.signIn(amina);
    fiche = (await aminaAgent.post('/api/fiches').send({ title: 'Potager', groupId: group.id }).expect(201))
      .body;
    // A member of the group and an administrator (who reads the document) have the fiche open.
    colleague = await t.connectAs(thomas);
    reader = await t.connectAs(await make.user({ platformRole: 'admin' }));
    expect(await ack(colleague, 'fiche:join', { ficheId: fiche.id })).toMatchObject({ ok: true });
    expect(await ack(reader, 'fiche:join', { ficheId: fiche.id })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  const updated = (socket: Socket) =>
    nextEvent<{ ficheId: string }>(socket, 'fiche:updated', (e) => e.ficheId === fiche.id);

  it('after a metadata change, a status change and a new version over HTTP', async () => {
    const amina = aminaAgent;
    let events = [updated(colleague), updated(reader)];
    await amina.patch(`/api/fiches/${fiche.id}`).send({ title: 'Potager partagé' }).expect(200);
    expect(await Promise.all(events)).toEqual([{ ficheId: fiche.id }, { ficheId: fiche.id }]);

    events = [updated(colleague)];
    await amina.post(`/api/fiches/${fiche.id}/versions`).send({ label: 'Première version' }).expect(201);
    await Promise.all(events);

    events = [updated(colleague)];
    const facilitator = await t.signIn(people.ines.email, people.ines.password);
    await facilitator.post(`/api/fiches/${fiche.id}/status`).send({ status: 'archived' }).expect(200);
    await Promise.all(events);
  });

  it('not to a socket that cannot open the fiche', async () => {
    const outsider = await t.connectAs(people.marc);
    const joined = await ack(outsider, 'fiche:join', { ficheId: fiche.id });
    expect(joined).toMatchObject({ ok: false, error: { status: 403 } });
  });
});
