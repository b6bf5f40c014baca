import { randomUUID } from 'node:crypto';
import {
  type BassinSummary,
  type GroupKind,
  type MembershipRole,
  type Organisation,
  type OrganisationKind,
  type PlatformRole,
  type Subject,
} from '@affluents/contracts';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { hashPassword } from '../../src/common/auth/password-hasher';
import { loadConfig } from '../../src/config/app-config';
import { UserEntity } from '../../src/identity/user.entity';
import { BassinsService } from '../../src/modules/bassins/bassins.service';
import { GroupEntity } from '../../src/modules/groups/group.entity';
import { GroupsService } from '../../src/modules/groups/groups.service';
import { OrganisationsService } from '../../src/modules/organisations/organisations.service';
import { signInAgent, signInSession, type TestApp } from './test-app';

/** An account a factory made, with the password it signs in with. */
export interface TestUser {
  id: string;
  email: string;
  password: string;
  displayName: string;
}

/** An account a factory made, already signed in. */
export type SignedInUser = TestUser & { agent: TestAgent };

/** A group a factory made. */
export interface TestGroup {
  id: string;
  bassinId: string;
  kind: GroupKind;
}

export interface Factories {
  /** A bassin with the given group kinds (all three unless told), through BassinsService. */
  bassin(input?: { name?: string; groupKinds?: GroupKind[] }): Promise<BassinSummary>;
  /** A group of `kind` in a new bassin of its own, or in `bassinId` when given. */
  group(kind?: GroupKind, options?: { bassinId?: string }): Promise<TestGroup>;
  /** An organisation, through OrganisationsService. */
  organisation(input?: {
    name?: string;
    kind?: OrganisationKind;
    bassinId?: string | null;
  }): Promise<Organisation>;
  /** An active account with a password and a unique email. */
  user(input?: {
    displayName?: string;
    password?: string;
    platformRole?: PlatformRole | null;
    organisationId?: string | null;
  }): Promise<TestUser>;
  /** Makes `user` a member (or facilitator) of `group`, through GroupsService. */
  membership(user: { id: string }, group: { id: string }, role?: MembershipRole): Promise<void>;
  /** A cookie-keeping HTTP client signed in as `user`. */
  signIn(user: TestUser): Promise<TestAgent>;
  /** The same, with its session cookie (`name=value`) for a socket or a document provider. */
  session(user: TestUser): Promise<{ agent: TestAgent; cookie: string }>;
  /** A new account in `group` with `role`, signed in: the usual cast of a suite. */
  member(
    group: { id: string },
    role?: MembershipRole,
    input?: Parameters<Factories['user']>[0],
  ): Promise<SignedInUser>;
}

/**
 * What the factories build on: a running app with its data source, and cookie-keeping HTTP clients to
 * sign in with. A test app (startTestApp) is one; `nodeHost` makes one of any other node.
 */
export type FactoryHost = Pick<TestApp, 'app' | 'dataSource' | 'agent'>;

/** A node a test started itself (startCollabNode, createApp) as a factory host. */
export function nodeHost(app: NestExpressApplication): FactoryHost {
  return { app, dataSource: app.get(DataSource), agent: () => request.agent(app.getHttpServer()) };
}

let sequence = 0;
/** A suffix no other call of this process, and no other test database, will repeat. */
const unique = () => `${++sequence}-${randomUUID().slice(0, 8)}`;

/** The platform acting on its own, for what a test sets up before anyone signs in. */
const platform: Subject = { userId: randomUUID(), platformRole: 'admin', memberships: [] };

/** Test data built through the app's own services and repositories, never the demo accounts. */
export function factories(t: FactoryHost): Factories {
  const f: Factories = {
    bassin: ({ name, groupKinds } = {}) =>
      t.app.get(BassinsService).create(
        {
          name: name ?? `Bassin ${unique()}`,
          groupKinds: groupKinds ?? ['social_workers', 'managers', 'encadrants'],
        },
        platform,
      ),

    async group(kind = 'social_workers', { bassinId } = {}) {
      if (bassinId) {
        const saved = await t.dataSource
          .getRepository(GroupEntity)
          .save({ bassinId, kind, archivedAt: null });
        return { id: saved.id, bassinId, kind };
      }
      const bassin = await f.bassin({ groupKinds: [kind] });
      return { id: bassin.groups[0].id, bassinId: bassin.id, kind };
    },

    organisation: ({ name, kind, bassinId } = {}) =>
      t.app.get(OrganisationsService).create({
        name: name ?? `Structure ${unique()}`,
        kind: kind ?? 'cisp',
        bassinId: bassinId ?? null,
        address: { street: '', postalCode: '', city: '' },
        sectors: [],
        publics: [],
        website: null,
      }),

    async user({ displayName, password, platformRole, organisationId } = {}) {
      const id = unique();
      const secret = password ?? `mot-de-passe-${id}`;
      const saved = await t.dataSource.getRepository(UserEntity).save({
        email: `personne-${id}@factory.test`,
        displayName: displayName ?? `Personne ${id}`,
        jobTitle: null,
        passwordHash: await hashPassword(secret),
        platformRole: platformRole ?? null,
        organisationId: organisationId ?? null,
        disabledAt: null,
      });
      return { id: saved.id, email: saved.email, password: secret, displayName: saved.displayName };
    },

    async membership(user, group, role = 'member') {
      await t.app.get(GroupsService).addMember(group.id, { userId: user.id, role }, platform);
    },

    signIn: (user) => signInAgent(t.agent(), user.email, user.password),

    async session(user) {
      const agent = t.agent();
      return { agent, cookie: await signInSession(agent, user.email, user.password) };
    },

    async member(group, role = 'member', input = {}) {
      const user = await f.user(input);
      await f.membership(user, group, role);
      return { ...user, agent: await f.signIn(user) };
    },
  };
  return f;
}

/**
 * Builds test data on the database of nodes a test runs as processes (the built server, child nodes):
 * `build` gets factories of an app in this process on the same storage (`DATABASE_URL`, or an embedded
 * `DATA_DIR`), not listening (on Redis when REDIS_URL is set, under a prefix of its own, as test apps
 * are), closed once `build` is done, so that a process can then open even an embedded data directory
 * (one connection at a time). The first call creates the schema.
 */
export async function buildOnStorage<T>(
  storageEnv: Record<string, string>,
  build: (make: Factories) => Promise<T>,
): Promise<T> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://localhost:3000',
    SEED_DEMO: 'false',
    REDIS_KEY_PREFIX: `affluents-factories-${unique()}:`,
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...storageEnv,
  });
  const { app } = await createApp(config);
  try {
    return await build(factories(nodeHost(app)));
  } finally {
    await app.close();
  }
}
