import { mentionedUserIds } from '@affluents/editor/template';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FicheDocuments } from '../fiches/fiche-documents.port';
import { Notifier } from '../notifications/notifier';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Documents whose last contributor is remembered; the oldest are forgotten first. */
const MAX_REMEMBERED_DOCUMENTS = 10_000;

/**
 * Notifies members mentioned in the text of a fiche, once per member and fiche. The stored document is
 * the truth (never a client's word): its mention ids are compared with `fiche_text_mentions`, and only
 * the ids recorded for the first time are notified. The insert is the claim, so two nodes storing the
 * same document never notify twice.
 */
@Injectable()
export class FicheTextMentionsService {
  private readonly logger = new Logger('FicheTextMentions');
  /** docName -> the user who last started changing it on this node (the likely author of a mention). */
  private readonly lastContributor = new Map<string, string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: FicheDocuments,
    private readonly notifier: Notifier,
  ) {}

  /** Remembers who last changed a document. */
  contributed(docName: string, userId: string): void {
    this.lastContributor.delete(docName);
    this.lastContributor.set(docName, userId);
    if (this.lastContributor.size > MAX_REMEMBERED_DOCUMENTS) {
      const oldest = this.lastContributor.keys().next().value;
      if (oldest !== undefined) this.lastContributor.delete(oldest);
    }
  }

  /** After a fiche's document was stored: notifies the members it mentions for the first time. Never throws. */
  async stored(docName: string): Promise<void> {
    if (!docName.startsWith('fiche:')) return;
    try {
      const mentioned = await this.mentionsIn(docName);
      if (mentioned.length === 0) return;
      const fresh = await this.recordFirstMentions(docName, mentioned);
      if (fresh.userIds.length === 0 || !fresh.ficheId) return;
      await this.notifier.ficheTextMentioned({
        ficheId: fresh.ficheId,
        userIds: fresh.userIds,
        actorId: this.lastContributor.get(docName) ?? null,
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

  /** Records the mentions of existing accounts; returns those recorded now (first seen). */
  private async recordFirstMentions(
    docName: string,
    userIds: string[],
  ): Promise<{ ficheId: string | null; userIds: string[] }> {
    const rows = (await this.dataSource.query(
      `INSERT INTO fiche_text_mentions (fiche_id, user_id)
       SELECT f.id, u.id FROM fiches f JOIN users u ON u.id = ANY($2::uuid[])
        WHERE f.doc_name = $1
       ON CONFLICT (fiche_id, user_id) DO NOTHING
       RETURNING fiche_id AS "ficheId", user_id AS "userId"`,
      [docName, userIds],
    )) as Array<{ ficheId: string; userId: string }>;
    return { ficheId: rows[0]?.ficheId ?? null, userIds: rows.map((r) => r.userId) };
  }
}
