import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files attached to an outbox mail (the invitation's .ics): a small JSON list of
 * {filename, contentType, content}, kept with the mail so the dispatcher sends it as written.
 */
export class MailAttachments1764200000200 implements MigrationInterface {
  name = 'MailAttachments1764200000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mail_outbox ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE mail_outbox DROP COLUMN attachments');
  }
}
