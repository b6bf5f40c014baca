import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { factories, nodeHost, type TestUser } from './support/factories';
import { describeWith } from './support/requires';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// Two stateless nodes need a shared PostgreSQL and Redis: this runs where both are configured (CI).
const shared = describeWith(
  ['DATABASE_URL', 'REDIS_URL'],
  'two server nodes on one PostgreSQL and one Redis',
);

shared('two server nodes on one PostgreSQL and one Redis', () => {
  let database: TestDatabase;
  const nodes: NestExpressApplication[] = [];
  let julie: TestUser;
  let marc: TestUser;
  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url ?? '',
      REDIS_URL: process.env.REDIS_URL ?? '',
      REDIS_KEY_PREFIX: `affluents-2n-${randomBytes(4).toString('hex')}:`,
      LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS: '4',
    };
    for (let i = 0; i < 2; i++) nodes.push((await createApp(loadConfig(env))).app);
    const make = factories(nodeHost(nodes[0]));
    julie = await make.user();
    marc = await make.user();
  });
  afterAll(async () => {
    for (const node of nodes) await node.close();
    await database?.drop();
  });

  it('accepts on node B a meeting opened on node A', async () => {
    const login = await request(nodes[0].getHttpServer())
      .post('/api/auth/login')
      .send({ email: julie.email, password: julie.password })
      .expect(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const me = await request(nodes[1].getHttpServer()).get('/api/auth/me').set('cookie', cookie).expect(200);
    expect(me.body.email).toBe(julie.email);
  });

  it('counts failed sign-ins of one account and address across nodes in Redis', async () => {
    for (let i = 0; i < 4; i++) {
      await request(nodes[i % 2].getHttpServer())
        .post('/api/auth/login')
        .send({ email: marc.email, password: 'mauvais-mot' })
        .expect(401);
    }
    for (const node of nodes) {
      await request(node.getHttpServer())
        .post('/api/auth/login')
        .send({ email: marc.email, password: marc.password })
        .expect(429);
    }
  });

  it('reports Redis up on both nodes', async () => {
    for (const node of nodes) {
      const res = await request(node.getHttpServer()).get('/api/health').expect(200);
      expect(res.body.mode).toEqual({ database: 'postgres', redis: 'redis' });
      expect(res.body.redis.status).toBe('up');
    }
  });
});
