import type { AgendaItem } from '@affluents/contracts';
import { readAgenda } from '@affluents/editor/template';
import { Injectable, Logger } from '@nestjs/common';
import { CollabDocuments } from '../../collab/collab-documents';

/**
 * Reads a meeting's agenda from its shared document, the one source of the items and their order: for the
 * meeting page, the live mode and the minutes (frozen at publication).
 */
@Injectable()
export class MeetingAgenda {
  private readonly logger = new Logger('MeetingAgenda');

  constructor(private readonly documents: CollabDocuments) {}

  async items(agendaDocName: string): Promise<AgendaItem[]> {
    const doc = await this.documents.readDocument(agendaDocName);
    try {
      return readAgenda(doc);
    } finally {
      doc.destroy();
    }
  }

  /** The items, or none when the document cannot be read: a page must not fail for its agenda (logged). */
  async itemsOrNone(agendaDocName: string): Promise<AgendaItem[]> {
    try {
      return await this.items(agendaDocName);
    } catch (err) {
      this.logger.warn(`agenda ${agendaDocName}: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    }
  }
}
