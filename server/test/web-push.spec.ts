import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  type ECDH,
  hkdfSync,
  randomBytes,
  randomUUID,
  verify,
} from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PushMessage } from '@affluents/contracts';
import type TestAgent from 'supertest/lib/agent';
import { DomainEventBus } from '../src/common/events/domain-event-bus';
import type { DeliveredNotification } from '../src/common/events/domain-events';
import { claimVapidKeys } from '../src/modules/push/push-store';
import { factories, type TestUser } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

/** One POST the local push service received. */
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A push service on 127.0.0.1, as a browser's vendor runs one: it records each POST and answers 201, or
 * the status set for a path (410 for a subscription that is gone).
 */
async function startPushService(): Promise<{
  server: Server;
  origin: string;
  received: Received[];
  answer: Map<string, number>;
}> {
  const received: Received[] = [];
  const answer = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = answer.get(path) ?? 201;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}`, received, answer };
}

/** A browser's push subscription keys: a P-256 key pair and a 16-byte auth secret, as the browser makes them. */
interface DeviceKeys {
  ecdh: ECDH;
  auth: Buffer;
}

function newDevice(): DeviceKeys {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { ecdh, auth: randomBytes(16) };
}

/**
 * Decrypts an aes128gcm push message body the way the browser does (RFC 8291 with RFC 8188), from the
 * device's private key and auth secret only.
 */
function decryptPushBody(body: Buffer, device: DeviceKeys): string {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const serverPublicKey = body.subarray(21, 21 + idLength);
  const cipherText = body.subarray(21 + idLength);
  const devicePublicKey = device.ecdh.getPublicKey();
  const sharedSecret = device.ecdh.computeSecret(serverPublicKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), devicePublicKey, serverPublicKey]);
  const ikm = Buffer.from(hkdfSync('sha256', sharedSecret, device.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(cipherText.subarray(cipherText.length - 16));
  const padded = Buffer.concat([
    decipher.update(cipherText.subarray(0, cipherText.length - 16)),
    decipher.final(),
  ]);
  // One record: the text, then the last-record delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  expect(padded[end]).toBe(2);
  return padded.subarray(0, end).toString('utf8');
}

/** Checks a `vapid t=<JWT>, k=<key>` header's signature with `publicKey`; returns the JWT's claims. */
function verifiedVapidClaims(authorization: string, publicKey: string): Record<string, unknown> {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization);
  if (!match) throw new Error(`not a VAPID header: ${authorization}`);
  const [, jwt, key] = match;
  expect(key).toBe(publicKey);
  const [header, claims, signature] = jwt.split('.');
  expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({ alg: 'ES256' });
  const point = Buffer.from(publicKey, 'base64url');
  const verifier = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${header}.${claims}`),
    { key: verifier, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  expect(signed).toBe(true);
  return JSON.parse(Buffer.from(claims, 'base64url').toString());
}

describe('Web Push to members’ devices', () => {
  let t: TestApp;
  let push: Awaited<ReturnType<typeof startPushService>>;
  let events: DomainEventBus;
  let claire: TestUser;
  let claireAgent: TestAgent;
  let storedPublicKey: string;

  beforeAll(async () => {
    push = await startPushService();
    t = await startTestApp({
      seed: false,
      env: { PUSH_ALLOW_LOCAL_ENDPOINTS: 'true', PUSH_SUBJECT: 'mailto:contact@affluents.test' },
    });
    events = t.app.get(DomainEventBus);
    const f = factories(t);
    claire = await f.user({ displayName: 'Claire Dubois' });
    claireAgent = await f.signIn(claire);
    const [keys] = await t.dataSource.query('SELECT public_key FROM push_vapid_keys');
    storedPublicKey = keys.public_key;
  });

  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => push?.server.close(resolve));
  });

  beforeEach(() => {
    push.received.length = 0;
  });

  /** Subscribes a new device of `agent` at `path` of the local push service. */
  async function subscribe(agent: TestAgent, path: string): Promise<DeviceKeys> {
    const device = newDevice();
    await agent
      .put('/api/me/push-subscription')
      .send({
        endpoint: `${push.origin}${path}`,
        keys: {
          p256dh: device.ecdh.getPublicKey().toString('base64url'),
          auth: device.auth.toString('base64url'),
        },
        label: 'Chrome sur Android',
      })
      .expect(204);
    return device;
  }

  function delivered(userId: string, overrides: Partial<DeliveredNotification> = {}): DeliveredNotification {
    return {
      id: randomUUID(),
      userId,
      kind: 'mention',
      title: 'Sophie vous a mentionnée',
      excerpt: 'Pouvez-vous relire la fiche « Accueil des stagiaires » avant jeudi ?',
      link: '/discussions/d0c5e7a1-0000-4000-8000-000000000001#m-3',
      push: true,
      ...overrides,
    };
  }

  async function emitDelivered(notifications: DeliveredNotification[]): Promise<void> {
    await events.emit('notifications.delivered', { notifications });
    await events.settled();
  }

  it('generates the VAPID key pair at start, stores it once, and gives its public half to members', async () => {
    const rows = await t.dataSource.query('SELECT public_key, private_key FROM push_vapid_keys');
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0].public_key, 'base64url')).toHaveLength(65);
    expect(Buffer.from(rows[0].private_key, 'base64url')).toHaveLength(32);
    const answer = await claireAgent.get('/api/push/public-key').expect(200);
    expect(answer.body).toEqual({ publicKey: rows[0].public_key });
    await t.agent().get('/api/push/public-key').expect(401);
  });

  it('keeps the first pair stored when two nodes propose theirs at the same time', async () => {
    const before = await t.dataSource.query('SELECT public_key, private_key FROM push_vapid_keys');
    await t.dataSource.query('DELETE FROM push_vapid_keys');
    const proposals = [0, 1].map(() => {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      return { publicKey: ecdh.getPublicKey('base64url'), privateKey: ecdh.getPrivateKey('base64url') };
    });
    const [a, b] = await Promise.all(proposals.map((p) => claimVapidKeys(t.dataSource.manager, p)));
    expect(a).toEqual(b);
    expect(proposals).toContainEqual(a);
    // Put the app's own pair back: its subscriptions are tied to it.
    await t.dataSource.query('UPDATE push_vapid_keys SET public_key = $1, private_key = $2', [
      before[0].public_key,
      before[0].private_key,
    ]);
  });

  it('sends a notification to the device, signed with the stored key and readable only with the device’s keys', async () => {
    const device = await subscribe(claireAgent, '/claire-phone');
    const notification = delivered(claire.id);
    await emitDelivered([notification]);

    expect(push.received).toHaveLength(1);
    const [request] = push.received;
    expect(request.path).toBe('/claire-phone');
    expect(request.headers['content-encoding']).toBe('aes128gcm');
    expect(request.headers.ttl).toBe('86400');
    expect(request.headers.urgency).toBe('normal');
    const claims = verifiedVapidClaims(String(request.headers.authorization), storedPublicKey);
    expect(claims.aud).toBe(push.origin);
    expect(claims.sub).toBe('mailto:contact@affluents.test');
    expect(Number(claims.exp)).toBeGreaterThan(Date.now() / 1000);
    expect(Number(claims.exp)).toBeLessThanOrEqual(Date.now() / 1000 + 24 * 3600);

    const message: PushMessage = JSON.parse(decryptPushBody(request.body, device));
    expect(message).toEqual({
      title: 'Sophie vous a mentionnée',
      body: 'Pouvez-vous relire la fiche « Accueil des stagiaires » avant jeudi ?',
      link: notification.link,
      tag: notification.id,
    });
    // Another device's keys cannot read it.
    expect(() => decryptPushBody(request.body, newDevice())).toThrow();

    const [row] = await t.dataSource.query(
      'SELECT last_success_at, label FROM push_subscriptions WHERE endpoint = $1',
      [`${push.origin}/claire-phone`],
    );
    expect(row.last_success_at).not.toBeNull();
    expect(row.label).toBe('Chrome sur Android');
  });

  it('sends nothing for a kind the recipient keeps off their devices, and only to the recipient’s devices', async () => {
    const f = factories(t);
    const marc = await f.user({ displayName: 'Marc Lambert' });
    await subscribe(await f.signIn(marc), '/marc-phone');
    await emitDelivered([delivered(claire.id, { push: false }), delivered(marc.id, { push: false })]);
    expect(push.received).toHaveLength(0);

    await emitDelivered([delivered(marc.id)]);
    expect(push.received.map((r) => r.path)).toEqual(['/marc-phone']);
  });

  it('pushes a real notification of a kind the member keeps on her phone, and stops once she turns it off', async () => {
    const f = factories(t);
    const bassin = await f.bassin({ groupKinds: ['social_workers'] });
    const group = { id: bassin.groups[0].id };
    const sophie = await f.member(group, 'facilitator', { displayName: 'Sophie Martin' });
    const amina = await f.member(group, 'member', { displayName: 'Amina Lahlou' });
    const device = await subscribe(amina.agent, '/amina-phone');
    const plan = (title: string, day: string) =>
      sophie.agent
        .post(`/api/groups/${group.id}/meetings`)
        .send({
          title,
          startsAt: `${day}T08:00:00.000Z`,
          endsAt: `${day}T11:00:00.000Z`,
          place: { type: 'address', address: 'Rue Haute 1, Mons' },
        })
        .expect(201);

    // A meeting planned: Amina is told (by default on her phone too), through the notifier and the bus.
    await plan('Rencontre de mars', '2027-03-10');
    await events.settled();
    expect(push.received.map((r) => r.path)).toEqual(['/amina-phone']);
    const message: PushMessage = JSON.parse(decryptPushBody(push.received[0].body, device));
    expect(message.title).toMatch(/Rencontre de mars/);
    expect(message.link).toMatch(/^\/rencontres\//);

    // She keeps meetings planned in the app only: the next one reaches the bell, not her phone.
    await amina.agent
      .put('/api/me/notification-preferences')
      .send({ kinds: { meeting_planned: { delivery: 'app', push: false } } })
      .expect(200);
    push.received.length = 0;
    await plan('Rencontre d’avril', '2027-04-14');
    await events.settled();
    expect(push.received).toHaveLength(0);
    const bell = await amina.agent.get('/api/notifications').expect(200);
    expect(bell.body.items.map((n: { title: string }) => n.title).join(' ')).toMatch(/Rencontre d’avril/);
  });

  it('shortens a long excerpt so the message stays small', async () => {
    const f = factories(t);
    const nadia = await f.user();
    const device = await subscribe(await f.signIn(nadia), '/nadia-phone');
    await emitDelivered([delivered(nadia.id, { excerpt: 'Très long message. '.repeat(200) })]);
    const message: PushMessage = JSON.parse(decryptPushBody(push.received[0].body, device));
    expect(message.body.length).toBeLessThanOrEqual(160);
    expect(message.body.endsWith('…')).toBe(true);
    expect(push.received[0].body.length).toBeLessThan(4096);
  });

  it('forgets a subscription the push service says is gone (410), and logs other refusals without failing', async () => {
    const f = factories(t);
    const paul = await f.user();
    const paulAgent = await f.signIn(paul);
    await subscribe(paulAgent, '/paul-old-phone');
    await subscribe(paulAgent, '/paul-tablet');
    push.answer.set('/paul-old-phone', 410);
    push.answer.set('/paul-tablet', 500);
    await emitDelivered([delivered(paul.id)]);
    expect(push.received.map((r) => r.path).sort()).toEqual(['/paul-old-phone', '/paul-tablet']);
    const endpoints = await t.dataSource.query('SELECT endpoint FROM push_subscriptions WHERE user_id = $1', [
      paul.id,
    ]);
    expect(endpoints).toEqual([{ endpoint: `${push.origin}/paul-tablet` }]);
  });

  it('refuses an endpoint that is not an https address of a push service, naming the field', async () => {
    const device = newDevice();
    const keys = {
      p256dh: device.ecdh.getPublicKey().toString('base64url'),
      auth: device.auth.toString('base64url'),
    };
    for (const endpoint of [
      'http://push.example.org/abc',
      'ftp://push.example.org/abc',
      'https://10.0.0.8/x',
      'pas une adresse',
    ]) {
      const answer = await claireAgent.put('/api/me/push-subscription').send({ endpoint, keys }).expect(400);
      expect(answer.body.fieldErrors).toEqual([
        { path: 'endpoint', message: expect.stringMatching(/adresse/i) },
      ]);
    }
    const badKey = await claireAgent
      .put('/api/me/push-subscription')
      .send({ endpoint: 'https://push.example.org/abc', keys: { p256dh: 'pas*une*clé', auth: keys.auth } })
      .expect(400);
    expect(badKey.body.fieldErrors[0].path).toBe('keys.p256dh');
    await t
      .agent()
      .put('/api/me/push-subscription')
      .send({ endpoint: 'https://push.example.org/abc', keys })
      .expect(401);
  });

  it('lets a member remove only their own subscription', async () => {
    const f = factories(t);
    const lea = await f.user();
    const leaAgent = await f.signIn(lea);
    await subscribe(leaAgent, '/lea-phone');
    // Claire cannot remove Léa's device, even knowing its address.
    await claireAgent
      .delete('/api/me/push-subscription')
      .send({ endpoint: `${push.origin}/lea-phone` })
      .expect(204);
    await emitDelivered([delivered(lea.id)]);
    expect(push.received.map((r) => r.path)).toEqual(['/lea-phone']);

    push.received.length = 0;
    await leaAgent
      .delete('/api/me/push-subscription')
      .send({ endpoint: `${push.origin}/lea-phone` })
      .expect(204);
    await emitDelivered([delivered(lea.id)]);
    expect(push.received).toHaveLength(0);
  });

  it('stops a device’s notifications when its session signs out, and every device of a disabled account', async () => {
    const f = factories(t);
    const yves = await f.user();
    const phone = await f.signIn(yves);
    const laptop = await f.signIn(yves);
    await subscribe(phone, '/yves-phone');
    await subscribe(laptop, '/yves-laptop');

    await phone.post('/api/auth/logout').expect(204);
    await emitDelivered([delivered(yves.id)]);
    expect(push.received.map((r) => r.path)).toEqual(['/yves-laptop']);

    push.received.length = 0;
    const admin = await f.signIn(await f.user({ platformRole: 'admin' }));
    await admin.patch(`/api/users/${yves.id}`).send({ disabled: true }).expect(200);
    await emitDelivered([delivered(yves.id)]);
    expect(push.received).toHaveLength(0);
    const left = await t.dataSource.query('SELECT 1 FROM push_subscriptions WHERE user_id = $1', [yves.id]);
    expect(left).toHaveLength(0);
  });
});
