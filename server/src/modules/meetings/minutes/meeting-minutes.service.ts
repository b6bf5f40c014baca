import { randomUUID } from 'node:crypto';
import {
  BRUSSELS_TIME_ZONE,
  can,
  type Decision,
  type FollowUpAction,
  type MeetingDetail,
  type MinutesAmendment,
  type Participant,
  type ProposeAmendmentRequest,
  type PublishedMinutes,
  type PublishMinutesRequest,
  type StartMinutesReviewRequest,
  type Subject,
} from '@affluents/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { CollabDocuments } from '../../../collab/collab-documents';
import { conflict, notFound } from '../../../common/errors/app-error';
import { RealtimeHub, rooms } from '../../../realtime/realtime-hub';
import { MessagesService } from '../../discussions/messages.service';
import { FichesService } from '../../fiches/fiches.service';
import { meetingRoom } from '../live/meeting-room';
import { MeetingAccess, type ResolvedMeeting } from '../meeting-access';
import { readActions, readAttendance, readDecisions, readHeader } from './minutes-facts';
import { linkedFicheIds } from './minutes-fiche-links';
import type { MinutesPdfSource } from './minutes-pdf';

export type MinutesState = NonNullable<MeetingDetail['minutes']>;

interface MinutesRow {
  status: MinutesState['status'];
  reviewEndsAt: Date | null;
  publishedAt: Date | null;
  publishedById: string | null;
  publishedByName: string | null;
  snapshot: Buffer | null;
  visibleToGuests: boolean;
  facts: FrozenFacts | null;
}

/** Attendance, decisions and actions as they stood when the minutes were published. */
interface FrozenFacts {
  attendance: Participant[];
  decisions: Decision[];
  actions: FollowUpAction[];
}

const AMENDMENT_COLUMNS = `a.id, a.quote, a.body, a.status, a.created_at AS "createdAt",
  a.author_id AS "authorId", u.display_name AS "authorName"`;

const toAmendment = (r: {
  id: string;
  quote: string;
  body: string;
  status: MinutesAmendment['status'];
  createdAt: Date;
  authorId: string;
  authorName: string;
}): MinutesAmendment => ({
  id: r.id,
  author: { id: r.authorId, displayName: r.authorName },
  quote: r.quote,
  body: r.body,
  status: r.status,
  createdAt: new Date(r.createdAt).toISOString(),
});

const longDate = (date: Date) =>
  date.toLocaleString('fr-BE', { dateStyle: 'long', timeStyle: 'short', timeZone: BRUSSELS_TIME_ZONE });

/**
 * Minutes (procès-verbal) of a meeting: the live notes go through a review by the attendees (remarks and
 * amendments for a set number of days), then a facilitator publishes a frozen copy for the group (and the
 * guests if chosen), announced in the meeting's thread and listed on the fiches the notes link to.
 */
@Injectable()
export class MeetingMinutesService {
  private readonly logger = new Logger('MeetingMinutes');

  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: MeetingAccess,
    private readonly documents: CollabDocuments,
    private readonly messages: MessagesService,
    private readonly fiches: FichesService,
    private readonly hub: RealtimeHub,
  ) {}

  /** Opens (or extends) the review of the draft for `reviewDays` days and announces it in the thread. */
  async startReview(
    meetingId: string,
    input: StartMinutesReviewRequest,
    subject: Subject,
  ): Promise<MinutesState> {
    const { meeting } = await this.meetings.assert(meetingId, subject, 'meeting.manage');
    const rows: Array<{ meeting_id: string }> = await this.dataSource.query(
      `INSERT INTO meeting_minutes (meeting_id, status, review_ends_at)
       VALUES ($1, 'review', now() + make_interval(days => $2))
       ON CONFLICT (meeting_id) DO UPDATE SET status = 'review', review_ends_at = EXCLUDED.review_ends_at
         WHERE meeting_minutes.status <> 'published'
       RETURNING meeting_id`,
      [meetingId, input.reviewDays],
    );
    if (rows.length === 0) throw conflict('Le procès-verbal est déjà publié : il ne peut plus être relu');
    const state = await this.state(meetingId);
    const until = longDate(new Date(state.reviewEndsAt as string));
    await this.announce(
      meeting.threadId,
      `Le projet de procès-verbal de « ${meeting.title} » est en relecture jusqu’au ${until}. ` +
        `Vos remarques et propositions d’amendement : [relire le procès-verbal](/rencontres/${meetingId}/proces-verbal)`,
      subject,
    );
    this.updated(meetingId, meeting.groupId);
    return state;
  }

  /** The amendments proposed during the review, oldest first (attendees: members and the meeting's guests). */
  async amendments(meetingId: string, subject: Subject): Promise<MinutesAmendment[]> {
    await this.meetings.assert(meetingId, subject, 'meeting.participate');
    const rows = await this.dataSource.query(
      `SELECT ${AMENDMENT_COLUMNS} FROM minutes_amendments a JOIN users u ON u.id = a.author_id
        WHERE a.meeting_id = $1 ORDER BY a.created_at, a.id`,
      [meetingId],
    );
    return rows.map(toAmendment);
  }

  /** Proposes an amendment or a remark; only while the review is open (409 otherwise). */
  async propose(
    meetingId: string,
    input: ProposeAmendmentRequest,
    subject: Subject,
  ): Promise<MinutesAmendment> {
    const { meeting } = await this.meetings.assert(meetingId, subject, 'meeting.participate');
    // The review check and the insert are one statement: a proposal cannot slip in after the end.
    const [inserted]: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO minutes_amendments (meeting_id, author_id, quote, body)
       SELECT $1, $2, $3, $4 FROM meeting_minutes m
        WHERE m.meeting_id = $1 AND m.status = 'review' AND m.review_ends_at > now()
       RETURNING id`,
      [meetingId, subject.userId, input.quote.trim(), input.body],
    );
    if (!inserted)
      throw conflict('La relecture du procès-verbal n’est pas ouverte : plus de proposition possible');
    this.updated(meetingId, meeting.groupId);
    return this.amendment(meetingId, inserted.id);
  }

  /** Accepts or rejects an amendment (facilitators; the text itself is amended in the notes). */
  async decide(
    meetingId: string,
    amendmentId: string,
    status: 'accepted' | 'rejected',
    subject: Subject,
  ): Promise<MinutesAmendment> {
    const { meeting } = await this.meetings.assert(meetingId, subject, 'meeting.manage');
    // TypeORM answers an UPDATE with [rows, affected count].
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      'UPDATE minutes_amendments SET status = $3, decided_by_id = $4 WHERE id = $2 AND meeting_id = $1',
      [meetingId, amendmentId, status, subject.userId],
    );
    if (affected === 0) throw notFound('Proposition introuvable');
    this.updated(meetingId, meeting.groupId);
    return this.amendment(meetingId, amendmentId);
  }

  /**
   * Freezes the notes as they are now (draft or under review; a facilitator may close the review early),
   * records the fiches they link to and announces the publication in the meeting's thread.
   */
  async publish(
    meetingId: string,
    input: PublishMinutesRequest,
    subject: Subject,
  ): Promise<PublishedMinutes> {
    const { meeting } = await this.meetings.assert(meetingId, subject, 'meeting.manage');
    const notes = await this.documents.readDocument(meeting.notesDocName);
    let snapshot: Uint8Array;
    let ficheIds: string[];
    try {
      snapshot = Y.encodeStateAsUpdate(notes);
      ficheIds = linkedFicheIds(notes);
    } finally {
      notes.destroy();
    }
    await this.dataSource.transaction(async (manager) => {
      // The facts are frozen with the notes: later changes (an action marked done) leave the minutes as published.
      const facts: FrozenFacts = {
        attendance: await readAttendance(manager, meetingId),
        decisions: await readDecisions(manager, meetingId),
        actions: await readActions(manager, meetingId),
      };
      const rows: unknown[] = await manager.query(
        `INSERT INTO meeting_minutes (meeting_id, status, published_at, published_by_id, snapshot, visible_to_guests, facts)
         VALUES ($1, 'published', now(), $2, $3, $4, $5)
         ON CONFLICT (meeting_id) DO UPDATE
           SET status = 'published', published_at = now(), published_by_id = $2, snapshot = $3,
               visible_to_guests = $4, facts = $5
           WHERE meeting_minutes.status <> 'published'
         RETURNING meeting_id`,
        [meetingId, subject.userId, Buffer.from(snapshot), input.visibleToGuests, JSON.stringify(facts)],
      );
      if (rows.length === 0) throw conflict('Le procès-verbal est déjà publié');
      // Only links to fiches that exist are kept (a pasted link may point anywhere).
      await manager.query(
        `INSERT INTO minutes_fiche_links (meeting_id, fiche_id)
         SELECT $1, f.id FROM fiches f WHERE f.id = ANY($2::uuid[]) ON CONFLICT DO NOTHING`,
        [meetingId, ficheIds],
      );
    });
    await this.announce(
      meeting.threadId,
      `Le procès-verbal de « ${meeting.title} » est publié${input.visibleToGuests ? ' (visible par les invités)' : ''} : ` +
        `[lire le procès-verbal](/rencontres/${meetingId}/proces-verbal)`,
      subject,
    );
    this.updated(meetingId, meeting.groupId);
    return this.published(meetingId, subject);
  }

  /** The published minutes: members of the group; guests only when the facilitator chose so; 404 before. */
  async published(meetingId: string, subject: Subject): Promise<PublishedMinutes> {
    const { row } = await this.readable(meetingId, subject);
    return {
      meetingId,
      title: (await readHeader(this.dataSource, meetingId)).title,
      publishedAt: (row.publishedAt as Date).toISOString(),
      publishedBy: { id: row.publishedById as string, displayName: row.publishedByName ?? '' },
      update: (row.snapshot ?? Buffer.alloc(0)).toString('base64'),
      ...(await this.frozenFacts(meetingId, row)),
    };
  }

  /** What the PDF of the published minutes shows (same access as `published`); the caller destroys `notes`. */
  async pdfSource(meetingId: string, subject: Subject): Promise<MinutesPdfSource> {
    const { row } = await this.readable(meetingId, subject);
    const header = await readHeader(this.dataSource, meetingId);
    const { attendance, decisions, actions } = await this.frozenFacts(meetingId, row);
    const notes = new Y.Doc();
    if (row.snapshot) Y.applyUpdate(notes, row.snapshot);
    return {
      header,
      publishedAt: (row.publishedAt as Date).toISOString(),
      publishedBy: row.publishedByName ?? '',
      attendance,
      decisions,
      actions,
      notes,
    };
  }

  /** The published minutes that link to a fiche the caller may read, among those the caller may read. */
  async forFiche(
    ficheId: string,
    subject: Subject,
  ): Promise<Array<{ meetingId: string; title: string; publishedAt: string }>> {
    await this.fiches.readableFiche(ficheId, subject);
    const rows: Array<{
      meetingId: string;
      title: string;
      publishedAt: Date;
      groupId: string;
      guest: boolean;
      visibleToGuests: boolean;
    }> = await this.dataSource.query(
      `SELECT s.id AS "meetingId", s.title, m.published_at AS "publishedAt", s.group_id AS "groupId",
              EXISTS (SELECT 1 FROM meeting_guests g WHERE g.meeting_id = s.id AND g.user_id = $2) AS guest,
              m.visible_to_guests AS "visibleToGuests"
         FROM minutes_fiche_links l
         JOIN meetings s ON s.id = l.meeting_id
         JOIN meeting_minutes m ON m.meeting_id = s.id AND m.status = 'published'
        WHERE l.fiche_id = $1
        ORDER BY m.published_at DESC, s.id`,
      [ficheId, subject.userId],
    );
    return rows
      .filter((r) => this.mayRead(subject, { groupId: r.groupId, guest: r.guest }, r.visibleToGuests))
      .map((r) => ({
        meetingId: r.meetingId,
        title: r.title,
        publishedAt: new Date(r.publishedAt).toISOString(),
      }));
  }

  /** Members read published minutes; a guest of the meeting only when they were made visible to guests. */
  private mayRead(
    subject: Subject,
    s: { groupId: string; guest: boolean },
    visibleToGuests: boolean,
  ): boolean {
    if (can(subject, 'meeting.view', { groupId: s.groupId })) return true;
    return visibleToGuests && can(subject, 'meeting.view', { groupId: s.groupId, meetingGuest: s.guest });
  }

  /** The facts frozen at publication (minutes published before they were frozen: read as they are now). */
  private async frozenFacts(meetingId: string, row: MinutesRow): Promise<FrozenFacts> {
    if (row.facts) return row.facts;
    return {
      attendance: await readAttendance(this.dataSource, meetingId),
      decisions: await readDecisions(this.dataSource, meetingId),
      actions: await readActions(this.dataSource, meetingId),
    };
  }

  private async readable(
    meetingId: string,
    subject: Subject,
  ): Promise<{ resolved: ResolvedMeeting; row: MinutesRow }> {
    const resolved = await this.meetings.assert(meetingId, subject, 'meeting.view');
    const [row]: MinutesRow[] = await this.dataSource.query(
      `SELECT m.status, m.review_ends_at AS "reviewEndsAt", m.published_at AS "publishedAt",
              m.published_by_id AS "publishedById", u.display_name AS "publishedByName", m.snapshot,
              m.visible_to_guests AS "visibleToGuests", m.facts
         FROM meeting_minutes m LEFT JOIN users u ON u.id = m.published_by_id
        WHERE m.meeting_id = $1 AND m.status = 'published'`,
      [meetingId],
    );
    const guest = resolved.target.meetingGuest === true;
    if (!row || !this.mayRead(subject, { groupId: resolved.meeting.groupId, guest }, row.visibleToGuests)) {
      throw notFound('Procès-verbal introuvable ou pas encore publié');
    }
    return { resolved, row };
  }

  private async state(meetingId: string): Promise<MinutesState> {
    const [row]: Array<{
      status: MinutesState['status'];
      reviewEndsAt: Date | null;
      publishedAt: Date | null;
      visibleToGuests: boolean;
    }> = await this.dataSource.query(
      `SELECT status, review_ends_at AS "reviewEndsAt", published_at AS "publishedAt",
              visible_to_guests AS "visibleToGuests"
         FROM meeting_minutes WHERE meeting_id = $1`,
      [meetingId],
    );
    return {
      status: row.status,
      reviewEndsAt: row.reviewEndsAt ? new Date(row.reviewEndsAt).toISOString() : null,
      publishedAt: row.publishedAt ? new Date(row.publishedAt).toISOString() : null,
      visibleToGuests: row.visibleToGuests,
    };
  }

  private async amendment(meetingId: string, id: string): Promise<MinutesAmendment> {
    const [row] = await this.dataSource.query(
      `SELECT ${AMENDMENT_COLUMNS} FROM minutes_amendments a JOIN users u ON u.id = a.author_id
        WHERE a.meeting_id = $1 AND a.id = $2`,
      [meetingId, id],
    );
    return toAmendment(row);
  }

  /**
   * Posts in the meeting's thread as the facilitator. The minutes are already stored: a thread that
   * refuses the message (locked, gone) is logged, not turned into a failure of the review or publication.
   */
  private async announce(threadId: string | null, body: string, subject: Subject): Promise<void> {
    if (!threadId) return;
    try {
      await this.messages.post({ threadId, clientId: randomUUID(), body }, subject);
    } catch (err) {
      this.logger.warn(`minutes announcement in thread ${threadId} failed: ${(err as Error).message}`);
    }
  }

  /** Pages open on the meeting (its room: members and guests) and the group's pages refetch it. */
  private updated(meetingId: string, groupId: string): void {
    this.hub.emit(meetingRoom(meetingId), 'meeting:updated', { meetingId });
    this.hub.emit(rooms.group(groupId), 'meeting:updated', { meetingId });
  }
}
