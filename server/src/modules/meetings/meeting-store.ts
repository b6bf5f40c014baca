import type { MeetingKind, MeetingPlace } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { CollabDocuments } from '../../collab/collab-documents';
import { ThreadsService } from '../discussions/threads.service';
import type { HostHistory } from './host-rotation';

/** Partners from outside the network join focus meetings; they are not in the hosting rotation. */
const PARTNER_KINDS = ['cpas', 'mire', 'forem', 'chamber_of_commerce', 'ibefe', 'federation'];

export const agendaDocName = (meetingId: string) => `meeting-agenda:${meetingId}`;
export const notesDocName = (meetingId: string) => `meeting-notes:${meetingId}`;

export interface NewMeeting {
  groupId: string;
  title: string;
  kind: MeetingKind;
  startsAt: Date | null;
  endsAt: Date | null;
  place: MeetingPlace;
  hostOrganisationId: string | null;
  createdById: string;
}

/** The place as the meetings table stores it (three columns). */
export function placeColumns(place: MeetingPlace): {
  type: string;
  address: string | null;
  url: string | null;
} {
  return {
    type: place.type,
    address: place.type === 'address' ? place.address : null,
    url: place.type === 'online' ? place.url : null,
  };
}

/**
 * Writes new meetings with their thread (through ThreadsService) and documents, and reads the hosting
 * history.
 */
@Injectable()
export class MeetingStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: CollabDocuments,
    private readonly threads: ThreadsService,
  ) {}

  /**
   * Inserts a meeting in the caller's transaction, with its own thread ("Rencontre : <title>") and its
   * two shared documents (agenda, live notes) created empty by the server.
   */
  async insert(manager: EntityManager, input: NewMeeting): Promise<string> {
    const [{ id }]: Array<{ id: string }> = await manager.query('SELECT gen_random_uuid() AS id');
    const threadId = await this.threads.insertThreadAbout(manager, {
      groupId: input.groupId,
      title: `Rencontre : ${input.title}`,
      authorId: input.createdById,
      about: { type: 'meeting', id },
    });
    const place = placeColumns(input.place);
    await manager.query(
      `INSERT INTO meetings (id, group_id, title, kind, status, starts_at, ends_at, place_type, place_address,
                             place_url, host_organisation_id, thread_id, agenda_doc_name, notes_doc_name,
                             created_by_id)
       VALUES ($1, $2, $3, $4, 'planned', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        id,
        input.groupId,
        input.title,
        input.kind,
        input.startsAt,
        input.endsAt,
        place.type,
        place.address,
        place.url,
        input.hostOrganisationId,
        threadId,
        agendaDocName(id),
        notesDocName(id),
        input.createdById,
      ],
    );
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    await this.documents.createDocument(manager, agendaDocName(id), empty);
    await this.documents.createDocument(manager, notesDocName(id), empty);
    return id;
  }

  /** True when an organisation with this id exists. */
  async organisationExists(id: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM organisations WHERE id = $1', [id]);
    return rows.length > 0;
  }

  /**
   * The member structures of a group (organisations of its current members, outside partners left
   * out) with their hosting history: meetings hosted or planned (not cancelled) and their last decline.
   */
  async hostHistory(
    groupId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HostHistory[]> {
    const rows: Array<{
      id: string;
      name: string;
      lastHostedAt: Date | null;
      hostedCount: number;
      lastDeclinedAt: Date | null;
    }> = await manager.query(
      `SELECT o.id, o.name,
              (SELECT max(s.starts_at) FROM meetings s
                WHERE s.group_id = $1 AND s.host_organisation_id = o.id AND s.status <> 'cancelled'
                  AND s.starts_at IS NOT NULL) AS "lastHostedAt",
              (SELECT count(*)::int FROM meetings s
                WHERE s.group_id = $1 AND s.host_organisation_id = o.id AND s.status <> 'cancelled') AS "hostedCount",
              (SELECT max(coalesce(s.starts_at, d.declined_at)) FROM host_declines d
                 LEFT JOIN meetings s ON s.id = d.meeting_id
                WHERE d.group_id = $1 AND d.organisation_id = o.id) AS "lastDeclinedAt"
         FROM organisations o
        WHERE o.kind <> ALL($2::text[])
          AND o.id IN (SELECT u.organisation_id FROM memberships m JOIN users u ON u.id = m.user_id
                        WHERE m.group_id = $1 AND u.disabled_at IS NULL AND u.organisation_id IS NOT NULL)`,
      [groupId, PARTNER_KINDS],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      lastHostedAt: r.lastHostedAt ? new Date(r.lastHostedAt) : null,
      hostedCount: Number(r.hostedCount),
      lastDeclinedAt: r.lastDeclinedAt ? new Date(r.lastDeclinedAt) : null,
    }));
  }
}
