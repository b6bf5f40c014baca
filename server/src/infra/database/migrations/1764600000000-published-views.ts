import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The published views: each table has one owning module (docs/ARCHITECTURE.md, "Who owns which table"),
 * and the only SQL another module may write about that data reads these views, which the owner keeps
 * stable while its tables change. They expose what other modules need to show and filter (names, the
 * group a thing belongs to, who is a member), never a secret (no password hash). A later migration that
 * changes a column a view names drops and re-creates the view in the same migration.
 */
export const publishedViews: Record<string, { owner: string; sql: string }> = {
  user_cards: {
    owner: 'identity',
    sql: `SELECT id, email, display_name, job_title, platform_role, organisation_id, disabled_at, created_at
            FROM users`,
  },
  group_cards: {
    owner: 'modules/groups',
    sql: 'SELECT id, bassin_id, kind, archived_at, created_at FROM groups',
  },
  group_members: {
    owner: 'modules/groups',
    sql: 'SELECT id, user_id, group_id, role, created_at FROM memberships',
  },
  bassin_cards: {
    owner: 'modules/bassins',
    sql: 'SELECT id, name, slug, archived_at, merged_into_id FROM bassins',
  },
  organisation_cards: {
    owner: 'modules/organisations',
    sql: `SELECT id, name, kind, bassin_id, street, postal_code, city, sectors, publics, website
            FROM organisations`,
  },
  fiche_cards: {
    owner: 'modules/fiches',
    sql: `SELECT id, title, group_id, status, reach, doc_name, created_by_id, published_version_id,
                 created_at, updated_at
            FROM fiches`,
  },
  poll_cards: {
    owner: 'modules/polls',
    sql: 'SELECT id, thread_id, kind, question, closes_at, closed_at, author_id, created_at FROM polls',
  },
};

export class PublishedViews1764600000000 implements MigrationInterface {
  name = 'PublishedViews1764600000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, view] of Object.entries(publishedViews)) {
      await q.query(`CREATE VIEW ${name} AS ${view.sql}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of Object.keys(publishedViews).reverse()) await q.query(`DROP VIEW IF EXISTS ${name}`);
  }
}
