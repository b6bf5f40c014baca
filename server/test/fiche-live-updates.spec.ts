import type { FicheDetail } from '@affluents/contracts';
import type { Socket } from 'socket.io-client';
import { ack, nextEvent, type SocketTestApp, startSocketTestApp } from './support/socket-client';

describe('fiche pages learn from the server that a fiche changed (fiche:updated)', () => {
  let t: SocketTestApp;
  let fiche: FicheDetail;
  let colleague: Socket;
  let reader: Socket;

  beforeAll(async () => {
    t = await startSocketTestApp();
    const amina = await t.signIn('amina@affluents.test');
    const bassins = (await amina.get('/api/bassins').expect(200)).body;
    const hainaut = bassins.find((b: { name: string }) => b.name === 'Hainaut Sud');
    const groupId = hainaut.groups.find((g: { kind: string }) => g.kind === 'social_workers').id;
    fiche = (await amina.post('/api/fiches').send({ title: 'Potager', groupId }).expect(201)).body;
    // A member of the group and an administrator (who reads the document) have the fiche open.
    colleague = await t.connectAs('thomas@affluents.test');
    reader = await t.connectAs('admin@affluents.test');
    expect(await ack(colleague, 'fiche:join', { ficheId: fiche.id })).toMatchObject({ ok: true });
    expect(await ack(reader, 'fiche:join', { ficheId: fiche.id })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  const updated = (socket: Socket) =>
    nextEvent<{ ficheId: string }>(socket, 'fiche:updated', (e) => e.ficheId === fiche.id);

  it('after a metadata change, a status change and a new version over HTTP', async () => {
    const amina = await t.signIn('amina@affluents.test');
    let events = [updated(colleague), updated(reader)];
    await amina.patch(`/api/fiches/${fiche.id}`).send({ title: 'Potager partagé' }).expect(200);
    expect(await Promise.all(events)).toEqual([{ ficheId: fiche.id }, { ficheId: fiche.id }]);

    events = [updated(colleague)];
    await amina.post(`/api/fiches/${fiche.id}/versions`).send({ label: 'Première version' }).expect(201);
    await Promise.all(events);

    events = [updated(colleague)];
    const facilitator = await t.signIn('ines@affluents.test');
    await facilitator.post(`/api/fiches/${fiche.id}/status`).send({ status: 'archived' }).expect(200);
    await Promise.all(events);
  });

  it('not to a socket that cannot open the fiche', async () => {
    const outsider = await t.connectAs('marc@affluents.test');
    const joined = await ack(outsider, 'fiche:join', { ficheId: fiche.id });
    expect(joined).toMatchObject({ ok: false, error: { status: 403 } });
  });
});
