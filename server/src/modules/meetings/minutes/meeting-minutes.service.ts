import { randomUUID } from 'node:crypto';
import {
  can,
  type DecideAmendmentRequest,
  formatDateAs,
  type MinutesAmendment,
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
import { badRequest, conflict, notFound } from '../../../common/errors/app-error';
import { DomainEventBus } from '../../../common/events/domain-event-bus';
import { UserDirectory } from '../../../identity/user-directory';
import { toIso } from '../../../infra/database/timestamps';
import { RealtimeHub, rooms } from '../../../realtime/realtime-hub';
import { MessagesService } from '../../discussions/messages.service';
import { FichesService } from '../../fiches/fiches.service';
import { actionsOfMeeting } from '../follow-up-rows';
import { decisionsOfMeeting } from '../live/live-rows';
import { meetingRoom } from '../live/meeting-room';
import { MeetingAccess, type ResolvedMeeting } from '../meeting-access';
import { MeetingAgenda } from '../meeting-agenda';
import { readAttendance, readHeader } from './minutes-fact-rows';
import { linkedFicheIds } from './minutes-fiche-links';
import { locatePassage, replacePassage } from './minutes-passage';
import type { MinutesPdfSource } from './minutes-pdf';
import {
  amendmentOf,
  amendmentsOf,
  decideAmendment,
  type FrozenFacts,
  insertAmendment,
  linkFiches,
  type MinutesState,
  minutesLinkingFiche,
  minutesState,
  openReview,
  type PublishedMinutesRow,
  publishedMinutes,
  publishMinutes,
} from './minutes-rows';

export type { MinutesState } from './minutes-rows';

const longDate = (date: Date) => formatDateAs('dayTime', date, 'fr-BE');

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
    private readonly agenda: MeetingAgenda,
    private readonly documents: CollabDocuments,
    private readonly messages: MessagesService,
    private readonly fiches: FichesService,
    private readonly hub: RealtimeHub,
    private readonly events: DomainEventBus,
    private readonly users: UserDirectory,
  ) {}

  /** Opens (or extends) the review of the draft for `reviewDays` days and announces it in the thread. */
  async startReview(
    meetingId: string,
    input: StartMinutesReviewRequest,
    subject: Subject,
  ): Promise<MinutesState> {
    const { meeting } = await this.meetings.assert(meetingId, subject, 'meeting.manage');
    if (!(await openReview(this.dataSource, meetingId, input.reviewDays)))
      throw conflict('Le procès-verbal est déjà publié : il ne peut plus être relu');
    const state = await this.state(meetingId);
    const until = longDate(new Date(state.reviewEndsAt as string));
    await this.announce(
      meeting.threadId,
      `Le projet de procès-verbal de « ${meeting.title} » est en relecture jusqu’au ${until}. ` +
        `Vos remarques et propositions d’amendement : [relire le procès-verbal](/rencontres/${meetingId}/proces-verbal)`,
      subject,
    );
    this.updated(meetingId, meeting.groupId);
    void this.events.emit('minutes.review-opened', {
      groupId: meeting.groupId,
      title: meeting.title,
      actor: await this.users.person(subject.userId),
      link: `/rencontres/${meetingId}/proces-verbal`,
      meetingId,
      reviewEndsAt: state.reviewEndsAt as string,
    });
    return state;
  }

  /** The amendments proposed during the review, oldest first (attendees: members and the meeting's guests). */
  async amendments(meetingId: string, subject: Subject): Promise<MinutesAmendment[]> {
    await this.meetings.assert(meetingId, subject, 'meeting.participate');
    return amendmentsOf(this.dataSource, meetingId);
  }

  /**
   * Proposes a remark or the replacement of a passage; only while the review is open (409 otherwise). A
   * replacement's anchors must hold its quote now in the notes (400 otherwise).
   */
  async propose(
    meetingId: string,
    input: ProposeAmendmentRequest,
    subject: Subject,
  ): Promise<MinutesAmendment> {
    const { meeting } = await this.meetings.assert(meetingId, subject, 'meeting.participate');
    const request = input;
    let passage: MinutesAmendment['passage'] = null;
    if (request.kind === 'replace') {
      passage = request.passage;
      const current = await this.documents.inspect(
        meeting.notesDocName,
        (doc) => locatePassage(doc, request.passage)?.current ?? null,
      );
      if (current === null)
        throw badRequest('Le passage à remplacer est introuvable : sélectionnez-le dans un seul paragraphe', [
          { path: 'passage', message: 'Passage introuvable dans le procès-verbal' },
        ]);
      if (current !== request.quote)
        throw badRequest('Le passage cité ne correspond pas au texte sélectionné', [
          { path: 'quote', message: 'Le passage a changé : sélectionnez-le à nouveau' },
        ]);
    }
    const id = await insertAmendment(this.dataSource, {
      meetingId,
      authorId: subject.userId,
      kind: request.kind,
      quote: request.kind === 'replace' ? request.quote : request.quote.trim(),
      body: request.body,
      passage,
    });
    if (!id) throw conflict('La relecture du procès-verbal n’est pas ouverte : plus de proposition possible');
    this.updated(meetingId, meeting.groupId);
    return this.amendment(meetingId, id);
  }

  /**
   * Accepts or rejects an amendment (facilitators). Accepting a replacement applies it to the notes
   * through the shared document, so every open editor sees it; when the passage changed since the
   * proposal, 409 and nothing changes (the facilitator may accept it with `applyText: false`, as a
   * remark, and amend the text by hand). A remark's text is amended in the notes by hand.
   */
  async decide(
    meetingId: string,
    amendmentId: string,
    decision: DecideAmendmentRequest,
    subject: Subject,
  ): Promise<MinutesAmendment> {
    const { meeting } = await this.meetings.assert(meetingId, subject, 'meeting.manage');
    const { status, applyText } = decision;
    const amendment = await amendmentOf(this.dataSource, meetingId, amendmentId);
    if (!amendment) throw notFound('Proposition introuvable');
    if (status === 'accepted' && applyText && amendment.passage && amendment.status !== 'accepted') {
      if ((await this.state(meetingId)).status === 'published')
        throw conflict('Le procès-verbal est déjà publié : son texte ne peut plus être amendé');
      const passage = amendment.passage;
      let applied = false;
      await this.documents.change(meeting.notesDocName, (doc) => {
        applied = replacePassage(doc, passage, amendment.quote, amendment.body);
      });
      if (!applied)
        throw conflict(
          'Le passage a changé depuis la proposition : le remplacement n’est pas appliqué. ' +
            'Acceptez-la comme remarque et reportez-la à la main dans le texte.',
        );
    }
    if (!(await decideAmendment(this.dataSource, meetingId, amendmentId, status, subject.userId)))
      throw notFound('Proposition introuvable');
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
        agenda: await this.agenda.itemsOrNone(meeting.agendaDocName),
        attendance: await readAttendance(manager, meetingId),
        decisions: await decisionsOfMeeting(manager, meetingId),
        actions: await actionsOfMeeting(manager, meetingId),
      };
      const published = await publishMinutes(manager, {
        meetingId,
        publishedById: subject.userId,
        snapshot,
        visibleToGuests: input.visibleToGuests,
        facts,
      });
      if (!published) throw conflict('Le procès-verbal est déjà publié');
      // Only links to fiches that exist are kept (a pasted link may point anywhere).
      await linkFiches(manager, meetingId, ficheIds);
    });
    await this.announce(
      meeting.threadId,
      `Le procès-verbal de « ${meeting.title} » est publié${input.visibleToGuests ? ' (visible par les invités)' : ''} : ` +
        `[lire le procès-verbal](/rencontres/${meetingId}/proces-verbal)`,
      subject,
    );
    this.updated(meetingId, meeting.groupId);
    void this.events.emit('minutes.published', {
      groupId: meeting.groupId,
      title: meeting.title,
      actor: await this.users.person(subject.userId),
      link: `/rencontres/${meetingId}/proces-verbal`,
      meetingId,
    });
    return this.published(meetingId, subject);
  }

  /** The published minutes: members of the group; guests only when the facilitator chose so; 404 before. */
  async published(meetingId: string, subject: Subject): Promise<PublishedMinutes> {
    const { resolved, row } = await this.readable(meetingId, subject);
    return {
      meetingId,
      title: (await readHeader(this.dataSource, meetingId)).title,
      publishedAt: toIso(row.publishedAt),
      publishedBy: { id: row.publishedById, displayName: row.publishedByName ?? '' },
      update: (row.snapshot ?? Buffer.alloc(0)).toString('base64'),
      ...(await this.frozenFacts(meetingId, resolved.meeting.agendaDocName, row)),
    };
  }

  /** What the PDF of the published minutes shows (same access as `published`); the caller destroys `notes`. */
  async pdfSource(meetingId: string, subject: Subject): Promise<MinutesPdfSource> {
    const { resolved, row } = await this.readable(meetingId, subject);
    const header = await readHeader(this.dataSource, meetingId);
    const { agenda, attendance, decisions, actions } = await this.frozenFacts(
      meetingId,
      resolved.meeting.agendaDocName,
      row,
    );
    const notes = new Y.Doc();
    if (row.snapshot) Y.applyUpdate(notes, row.snapshot);
    return {
      header,
      publishedAt: toIso(row.publishedAt),
      publishedBy: row.publishedByName ?? '',
      agenda,
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
    const rows = await minutesLinkingFiche(this.dataSource, ficheId, subject.userId);
    return rows
      .filter((r) => this.mayRead(subject, { groupId: r.groupId, guest: r.guest }, r.visibleToGuests))
      .map((r) => ({ meetingId: r.meetingId, title: r.title, publishedAt: r.publishedAt }));
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

  /**
   * The facts frozen at publication; what minutes published before a fact was frozen lack is read as it
   * is now (the agenda of minutes published before it was frozen with them, everything for the oldest).
   */
  private async frozenFacts(
    meetingId: string,
    agendaDocName: string,
    row: PublishedMinutesRow,
  ): Promise<Required<FrozenFacts>> {
    if (row.facts) {
      return { ...row.facts, agenda: row.facts.agenda ?? (await this.agenda.itemsOrNone(agendaDocName)) };
    }
    return {
      agenda: await this.agenda.itemsOrNone(agendaDocName),
      attendance: await readAttendance(this.dataSource, meetingId),
      decisions: await decisionsOfMeeting(this.dataSource, meetingId),
      actions: await actionsOfMeeting(this.dataSource, meetingId),
    };
  }

  private async readable(
    meetingId: string,
    subject: Subject,
  ): Promise<{ resolved: ResolvedMeeting; row: PublishedMinutesRow }> {
    const resolved = await this.meetings.assert(meetingId, subject, 'meeting.view');
    const row = await publishedMinutes(this.dataSource, meetingId);
    const guest = resolved.target.meetingGuest === true;
    if (!row || !this.mayRead(subject, { groupId: resolved.meeting.groupId, guest }, row.visibleToGuests)) {
      throw notFound('Procès-verbal introuvable ou pas encore publié');
    }
    return { resolved, row };
  }

  private async state(meetingId: string): Promise<MinutesState> {
    return (await minutesState(this.dataSource, meetingId)) as MinutesState;
  }

  private async amendment(meetingId: string, id: string): Promise<MinutesAmendment> {
    return (await amendmentOf(this.dataSource, meetingId, id)) as MinutesAmendment;
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
