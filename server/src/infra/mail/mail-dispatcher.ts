import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { RecurringJob } from '../../common/recurring-job';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MailOutboxEntity } from './mail-outbox.entity';

const POLL_MS = 2000;
const BATCH = 10;
/** The web addresses in a mail's text, in order, each once. */
export function linksIn(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s<>"]+/g) ?? [];
  return [...new Set(found.map((link) => link.replace(/[).,;:!?»]+$/, '')))];
}

const MAX_ATTEMPTS = 8;
// A claimed row is leased for this long: if the node dies mid-send, another node retries it later.
const LEASE_SECONDS = 120;

/**
 * Sends what the outbox holds: by SMTP when SMTP_URL is set, otherwise writes the mail (and its link)
 * to the log. Rows are claimed with SKIP LOCKED, so several nodes never send the same mail twice.
 */
@Injectable()
export class MailDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private transport: Transporter | null = null;
  private readonly poll: RecurringJob;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.poll = new RecurringJob('Mail', () => this.sendBatch(), {
      intervalMs: POLL_MS,
      ready: () => dataSource.isInitialized,
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.mail.smtpUrl) this.transport = createTransport(this.config.mail.smtpUrl);
    this.poll.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.poll.stop();
    this.transport?.close();
  }

  /** Sends every due mail now (also used by tests instead of waiting for the poll). */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.sendBatch();
      total += sent;
      if (sent < BATCH) return total;
    }
  }

  private async sendBatch(): Promise<number> {
    const claimed: MailOutboxEntity[] = await this.dataSource.query(
      `UPDATE mail_outbox SET next_attempt_at = now() + make_interval(secs => $1), attempts = attempts + 1
       WHERE id IN (SELECT id FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= now()
                    ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id, to_address AS "to", subject, text_body AS "textBody", html_body AS "htmlBody",
                 attachments, attempts`,
      [LEASE_SECONDS, BATCH],
    );
    const rows = Array.isArray(claimed[0]) ? (claimed[0] as MailOutboxEntity[]) : claimed;
    for (const mail of rows) await this.deliver(mail);
    return rows.length;
  }

  private async deliver(mail: MailOutboxEntity): Promise<void> {
    const outbox = this.dataSource.getRepository(MailOutboxEntity);
    try {
      if (this.transport) {
        await this.transport.sendMail({
          from: this.config.mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.textBody,
          html: mail.htmlBody,
          attachments: mail.attachments.map((file) => ({
            filename: file.filename,
            contentType: file.contentType,
            content: file.content,
          })),
        });
        await outbox.update({ id: mail.id }, { status: 'sent', sentAt: new Date(), lastError: null });
      } else {
        const files = mail.attachments.length
          ? `\nPièces jointes : ${mail.attachments.map((file) => file.filename).join(', ')}`
          : '';
        this.logger.log(
          `Courriel (pas de SMTP_URL) à ${mail.to} : ${mail.subject}\n${mail.textBody}${files}`,
        );
        // Each link of the mail (an invitation, a password link) alone on its own log line, to copy as is.
        for (const link of linksIn(mail.textBody)) this.logger.log(link);
        await outbox.update({ id: mail.id }, { status: 'logged', sentAt: new Date() });
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const failed = mail.attempts >= MAX_ATTEMPTS;
      const backoffSeconds = Math.min(3600, 30 * 2 ** mail.attempts);
      await outbox.update(
        { id: mail.id },
        {
          status: failed ? 'failed' : 'pending',
          lastError: message.slice(0, 500),
          nextAttemptAt: new Date(Date.now() + backoffSeconds * 1000),
        },
      );
      this.logger.warn(`mail to ${mail.to} failed (attempt ${mail.attempts}): ${message}`);
    }
  }
}
