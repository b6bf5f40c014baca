import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, bassins, groups, organisations, memberships, invitations, sessions and the mail outbox. */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bassins (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        slug text NOT NULL,
        archived_at timestamptz,
        merged_into_id uuid REFERENCES bassins(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX bassins_name_unique ON bassins (lower(name)) WHERE archived_at IS NULL`,
    );
    await q.query(`CREATE UNIQUE INDEX bassins_slug_unique ON bassins (slug)`);

    await q.query(`
      CREATE TABLE groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bassin_id uuid NOT NULL REFERENCES bassins(id),
        kind text NOT NULL CHECK (kind IN ('social_workers', 'managers', 'encadrants')),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX groups_bassin_kind_unique ON groups (bassin_id, kind) WHERE archived_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('cisp', 'eft', 'oisp', 'ei', 'ilde', 'eta', 'ressourcerie', 'ees',
          'cpas', 'mire', 'forem', 'chamber_of_commerce', 'ibefe', 'federation')),
        bassin_id uuid REFERENCES bassins(id),
        street text NOT NULL DEFAULT '',
        postal_code text NOT NULL DEFAULT '',
        city text NOT NULL DEFAULT '',
        sectors text[] NOT NULL DEFAULT '{}',
        publics text[] NOT NULL DEFAULT '{}',
        website text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX organisations_name_unique ON organisations (lower(name))`);
    await q.query(`CREATE INDEX organisations_bassin ON organisations (bassin_id)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        display_name text NOT NULL,
        job_title text,
        password_hash text NOT NULL,
        platform_role text CHECK (platform_role IN ('admin', 'coordinator')),
        organisation_id uuid REFERENCES organisations(id),
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_unique ON users (email)`);

    await q.query(`
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        group_id uuid NOT NULL REFERENCES groups(id),
        role text NOT NULL CHECK (role IN ('member', 'facilitator')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, group_id)
      )`);
    await q.query(`CREATE INDEX memberships_group ON memberships (group_id)`);

    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        group_id uuid NOT NULL REFERENCES groups(id),
        role text NOT NULL CHECK (role IN ('member', 'facilitator')),
        organisation_id uuid REFERENCES organisations(id),
        token_hash text NOT NULL UNIQUE,
        invited_by_id uuid NOT NULL REFERENCES users(id),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by_id uuid REFERENCES users(id),
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX invitations_group ON invitations (group_id)`);

    await q.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        user_agent text,
        ip text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX auth_sessions_user ON auth_sessions (user_id)`);

    await q.query(`
      CREATE TABLE password_reset_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        to_address text NOT NULL,
        template text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'logged', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'mail_outbox',
      'password_reset_tokens',
      'auth_sessions',
      'invitations',
      'memberships',
      'users',
      'organisations',
      'groups',
      'bassins',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
