import type { AgendaItem } from '@affluents/contracts';
import { readAgenda } from '@affluents/editor/template';
import { Injectable } from '@nestjs/common';
import { CollabDocuments } from '../../../collab/collab-documents';

/** Reads a meeting's agenda from its shared document (the one source of the items and their order). */
@Injectable()
export class MeetingAgenda {
  constructor(private readonly documents: CollabDocuments) {}

  async items(agendaDocName: string): Promise<AgendaItem[]> {
    const doc = await this.documents.readDocument(agendaDocName);
    try {
      return readAgenda(doc);
    } finally {
      doc.destroy();
    }
  }
}
