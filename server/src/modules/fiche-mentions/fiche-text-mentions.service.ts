import type { PersonRef } from '@affluents/contracts';
import { mentionedUserIds } from '@affluents/editor/template';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import { FicheDocuments } from '../fiches/fiche-documents.port';
import { insertFirstMentions } from './fiche-text-mention-rows';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Documents whose last contributor is remembered; the oldest are forgotten first. */
const MAX_REMEMBERED_DOCUMENTS = 10_000;

/**
 * Tells (`fiche-text.mentioned`) of members mentioned in the text of a fiche, once per member and fiche. The stored document is
 * the truth (never a client's word): its mention ids are compared with `fiche_text_mentions`, and only
 * the ids recorded for the first time are notified. The insert is the claim, so two nodes storing the
 * same document never notify twice.
 */
@Injectable()
export class FicheTextMentionsService {
  private readonly logger = new Logger('FicheTextMentions');
  /** docName -> the user who last started changing it on this node (the likely author of a mention). */
  private readonly lastContributor = new Map<string, PersonRef>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: FicheDocuments,
    private readonly events: DomainEventBus,
  ) {}

  /** Remembers who last changed a document. */
  contributed(docName: string, user: PersonRef): void {
    this.lastContributor.delete(docName);
    this.lastContributor.set(docName, user);
    if (this.lastContributor.size > MAX_REMEMBERED_DOCUMENTS) {
      const oldest = this.lastContributor.keys().next().value;
      if (oldest !== undefined) this.lastContributor.delete(oldest);
    }
  }

  /** After a fiche's document was stored: announces the members it mentions for the first time. Never throws. */
  async stored(docName: string): Promise<void> {
    if (!docName.startsWith('fiche:')) return;
    try {
      const mentioned = await this.mentionsIn(docName);
      if (mentioned.length === 0) return;
      const fresh = await this.recordFirstMentions(docName, mentioned);
      if (fresh.userIds.length === 0 || !fresh.fiche) return;
      void this.events.emit('fiche-text.mentioned', {
        ficheId: fresh.fiche.id,
        groupId: fresh.fiche.groupId,
        ficheTitle: fresh.fiche.title,
        userIds: fresh.userIds,
        actor: this.lastContributor.get(docName) ?? null,
      });
    } catch (err) {
      this.logger.warn(`mentions of ${docName}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** User ids mentioned in the stored text; anything that is not a user id is ignored. */
  private async mentionsIn(docName: string): Promise<string[]> {
    // Runs every few seconds while a fiche is edited: read in place, without copying the document.
    return this.documents.inspect(docName, (doc) => mentionedUserIds(doc).filter((id) => UUID.test(id)));
  }

  /** Records the mentions of existing accounts; returns the fiche and those recorded now (first seen). */
  private async recordFirstMentions(
    docName: string,
    userIds: string[],
  ): Promise<{ fiche: { id: string; groupId: string; title: string } | null; userIds: string[] }> {
    const rows = await insertFirstMentions(this.dataSource.manager, docName, userIds);
    const [first] = rows;
    return {
      fiche: first ? { id: first.id, groupId: first.groupId, title: first.title } : null,
      userIds: rows.map((r) => r.userId),
    };
  }
}
