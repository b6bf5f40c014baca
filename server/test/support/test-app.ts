import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { type AppConfig, loadConfig } from '../../src/config/app-config';
import { MailDispatcher } from '../../src/infra/mail/mail-dispatcher';
import { DemoSeeder } from '../../src/seed/demo-seeder';
import { createTestDatabase } from './test-database';

/** A running application on a fresh database, with helpers to sign in and read the mail it sent. */
export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  dataSource: DataSource;
  /** A cookie-keeping HTTP client (not signed in). */
  agent(): TestAgent;
  /** A cookie-keeping HTTP client signed in as `email` with `password`. */
  signIn(email: string, password: string): Promise<TestAgent>;
  /** Sends pending outbox mail now and returns every mail sent to `to`, newest first. */
  mailsTo(to: string): Promise<Array<{ subject: string; textBody: string; template: string }>>;
  close(): Promise<void>;
}

/**
 * Starts the real application (real PostgreSQL when DATABASE_URL is set, embedded otherwise; real Redis
 * when REDIS_URL is set) on a fresh database, with the demo data unless `seed: false`.
 */
export async function startTestApp(
  options: { seed?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    DATA_DIR: ':memory:',
    PUBLIC_URL: 'http://localhost:3000',
    REDIS_KEY_PREFIX: `affluents-test-${randomBytes(4).toString('hex')}:`,
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...options.env,
  });
  const { app } = await createApp(config);
  if (options.seed !== false) await app.get(DemoSeeder).seedIfEmpty();
  const dataSource = app.get(DataSource);
  const server = app.getHttpServer();
  const agent = () => request.agent(server);
  return {
    app,
    config,
    dataSource,
    agent,
    signIn: (email, password) => signInAgent(agent(), email, password),
    async mailsTo(to) {
      await app.get(MailDispatcher).flush();
      return dataSource.query(
        `SELECT subject, text_body AS "textBody", template FROM mail_outbox WHERE to_address = $1
         ORDER BY created_at DESC`,
        [to],
      );
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** Signs `agent` in as `email` with `password` (expecting success) and returns it. */
export async function signInAgent(agent: TestAgent, email: string, password: string): Promise<TestAgent> {
  await signInSession(agent, email, password);
  return agent;
}

/**
 * Signs `agent` in as `email` with `password` (expecting success) and resolves with the session cookie
 * (`name=value`), for a socket or a document provider.
 */
export async function signInSession(agent: TestAgent, email: string, password: string): Promise<string> {
  const res = await agent.post('/api/auth/login').send({ email, password }).expect(200);
  return String(res.headers['set-cookie']).split(';')[0];
}

/** Extracts the token of the first Affluents link of the given path in a mail body. */
export function linkToken(textBody: string, path: 'invitation' | 'reinitialiser'): string {
  const match = textBody.match(new RegExp(`/${path}/([A-Za-z0-9_-]+)`));
  if (!match) throw new Error(`no /${path}/ link in mail:\n${textBody}`);
  return match[1];
}
