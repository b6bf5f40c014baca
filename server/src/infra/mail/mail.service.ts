import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type MailAttachment, MailOutboxEntity } from './mail-outbox.entity';
import type { RenderedMail } from './mail-templates';

/** Queues mail in the outbox, inside the caller's transaction, so a mail exists only if its cause does. */
@Injectable()
export class MailService {
  /** Adds a rendered mail (and its attached files, if any) to the outbox through the given transaction's manager. */
  async enqueue(
    manager: EntityManager,
    to: string,
    template: string,
    mail: RenderedMail,
    attachments: MailAttachment[] = [],
  ): Promise<void> {
    await manager.getRepository(MailOutboxEntity).insert({
      to,
      template,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      attachments,
      status: 'pending',
      nextAttemptAt: new Date(),
    });
  }
}
