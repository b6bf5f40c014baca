import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Tout le réseau" no longer includes the outside guests: `network` now reaches the members of the
 * network's groups, and `network_and_guests` also the guests invited to a meeting or a thread. What was
 * published for the network before reached the guests: it becomes `network_and_guests`, so that no
 * reader loses a fiche they could read (and the versions, which record the reach of their publication).
 */
export class NetworkReachWithoutGuests1764960000100 implements MigrationInterface {
  name = 'NetworkReachWithoutGuests1764960000100';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['fiches', 'fiche_versions']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${table}_reach_check`);
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_reach_check
           CHECK (reach IN ('group', 'bassin', 'network', 'network_and_guests'))`,
      );
      await q.query(`UPDATE ${table} SET reach = 'network_and_guests' WHERE reach = 'network'`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['fiches', 'fiche_versions']) {
      await q.query(`UPDATE ${table} SET reach = 'network' WHERE reach = 'network_and_guests'`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${table}_reach_check`);
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_reach_check CHECK (reach IN ('group', 'bassin', 'network'))`,
      );
    }
  }
}
