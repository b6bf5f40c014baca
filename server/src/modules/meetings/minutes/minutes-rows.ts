import type {
  AgendaItem,
  Decision,
  FollowUpAction,
  MeetingDetail,
  MinutesAmendment,
  Participant,
} from '@affluents/contracts';
import { toIso } from '../../../infra/database/timestamps';
import type { Queryable } from '../meeting-rows';

/**
 * The minutes' rows: meeting_minutes (state, frozen publication), minutes_amendments (proposals during
 * the review) and minutes_fiche_links (the fiches the published notes link to).
 */

export type MinutesState = NonNullable<MeetingDetail['minutes']>;

/** Agenda, attendance, decisions and actions as they stood when the minutes were published. */
export interface FrozenFacts {
  /** Absent from minutes published before the agenda was frozen with them. */
  agenda?: AgendaItem[];
  attendance: Participant[];
  decisions: Decision[];
  actions: FollowUpAction[];
}

/** Published minutes as stored. */
export interface PublishedMinutesRow {
  publishedAt: Date;
  publishedById: string;
  publishedByName: string | null;
  snapshot: Buffer | null;
  visibleToGuests: boolean;
  /** Null for minutes published before the facts were frozen. */
  facts: FrozenFacts | null;
}

/** Opens (or extends) the review for `days` days; false when the minutes are already published. */
export async function openReview(db: Queryable, meetingId: string, days: number): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `INSERT INTO meeting_minutes (meeting_id, status, review_ends_at)
     VALUES ($1, 'review', now() + make_interval(days => $2))
     ON CONFLICT (meeting_id) DO UPDATE SET status = 'review', review_ends_at = EXCLUDED.review_ends_at
       WHERE meeting_minutes.status <> 'published'
     RETURNING meeting_id`,
    [meetingId, days],
  );
  return rows.length > 0;
}

/** The state of the meeting's minutes, or null when none were started. */
export async function minutesState(db: Queryable, meetingId: string): Promise<MinutesState | null> {
  const [row]: Array<{
    status: MinutesState['status'];
    reviewEndsAt: Date | null;
    publishedAt: Date | null;
    visibleToGuests: boolean;
  }> = await db.query(
    `SELECT status, review_ends_at AS "reviewEndsAt", published_at AS "publishedAt",
            visible_to_guests AS "visibleToGuests"
       FROM meeting_minutes WHERE meeting_id = $1`,
    [meetingId],
  );
  if (!row) return null;
  return {
    status: row.status,
    reviewEndsAt: toIso(row.reviewEndsAt),
    publishedAt: toIso(row.publishedAt),
    visibleToGuests: row.visibleToGuests,
  };
}

/**
 * Freezes the minutes (notes snapshot and facts) as published; false when they already were. A draft
 * or a review in progress becomes published.
 */
export async function publishMinutes(
  db: Queryable,
  minutes: {
    meetingId: string;
    publishedById: string;
    snapshot: Uint8Array;
    visibleToGuests: boolean;
    facts: FrozenFacts;
  },
): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `INSERT INTO meeting_minutes (meeting_id, status, published_at, published_by_id, snapshot, visible_to_guests, facts)
     VALUES ($1, 'published', now(), $2, $3, $4, $5)
     ON CONFLICT (meeting_id) DO UPDATE
       SET status = 'published', published_at = now(), published_by_id = $2, snapshot = $3,
           visible_to_guests = $4, facts = $5
       WHERE meeting_minutes.status <> 'published'
     RETURNING meeting_id`,
    [
      minutes.meetingId,
      minutes.publishedById,
      Buffer.from(minutes.snapshot),
      minutes.visibleToGuests,
      JSON.stringify(minutes.facts),
    ],
  );
  return rows.length > 0;
}

/** The published minutes of a meeting, or undefined before publication. */
export async function publishedMinutes(
  db: Queryable,
  meetingId: string,
): Promise<PublishedMinutesRow | undefined> {
  const [row]: PublishedMinutesRow[] = await db.query(
    `SELECT m.published_at AS "publishedAt", m.published_by_id AS "publishedById",
            u.display_name AS "publishedByName", m.snapshot, m.visible_to_guests AS "visibleToGuests", m.facts
       FROM meeting_minutes m LEFT JOIN user_cards u ON u.id = m.published_by_id
      WHERE m.meeting_id = $1 AND m.status = 'published'`,
    [meetingId],
  );
  return row;
}

/** Records the fiches the published notes link to; ids of fiches that do not exist are left out. */
export async function linkFiches(db: Queryable, meetingId: string, ficheIds: string[]): Promise<void> {
  await db.query(
    `INSERT INTO minutes_fiche_links (meeting_id, fiche_id)
     SELECT $1, f.id FROM fiche_cards f WHERE f.id = ANY($2::uuid[]) ON CONFLICT DO NOTHING`,
    [meetingId, ficheIds],
  );
}

/** Published minutes linking to the fiche, latest first, with what deciding their readers needs. */
export async function minutesLinkingFiche(
  db: Queryable,
  ficheId: string,
  userId: string,
): Promise<
  Array<{
    meetingId: string;
    title: string;
    publishedAt: string;
    groupId: string;
    guest: boolean;
    visibleToGuests: boolean;
  }>
> {
  const rows: Array<{
    meetingId: string;
    title: string;
    publishedAt: Date;
    groupId: string;
    guest: boolean;
    visibleToGuests: boolean;
  }> = await db.query(
    `SELECT s.id AS "meetingId", s.title, m.published_at AS "publishedAt", s.group_id AS "groupId",
            EXISTS (SELECT 1 FROM meeting_guests g WHERE g.meeting_id = s.id AND g.user_id = $2) AS guest,
            m.visible_to_guests AS "visibleToGuests"
       FROM minutes_fiche_links l
       JOIN meetings s ON s.id = l.meeting_id
       JOIN meeting_minutes m ON m.meeting_id = s.id AND m.status = 'published'
      WHERE l.fiche_id = $1
      ORDER BY m.published_at DESC, s.id`,
    [ficheId, userId],
  );
  return rows.map((r) => ({ ...r, publishedAt: toIso(r.publishedAt) }));
}

interface AmendmentRow {
  id: string;
  kind: MinutesAmendment['kind'];
  quote: string;
  anchorStart: string | null;
  anchorEnd: string | null;
  body: string;
  status: MinutesAmendment['status'];
  createdAt: Date;
  authorId: string;
  authorName: string;
}

const AMENDMENT_SELECT = `
  SELECT a.id, a.kind, a.quote, a.anchor_start AS "anchorStart", a.anchor_end AS "anchorEnd", a.body, a.status, a.created_at AS "createdAt", a.author_id AS "authorId",
         u.display_name AS "authorName"
    FROM minutes_amendments a JOIN user_cards u ON u.id = a.author_id`;

const toAmendment = (r: AmendmentRow): MinutesAmendment => ({
  id: r.id,
  author: { id: r.authorId, displayName: r.authorName },
  kind: r.kind,
  quote: r.quote,
  body: r.body,
  passage:
    r.anchorStart !== null && r.anchorEnd !== null
      ? { anchorStart: r.anchorStart, anchorEnd: r.anchorEnd }
      : null,
  status: r.status,
  createdAt: toIso(r.createdAt),
});

/** The amendments proposed on a meeting's minutes, oldest first. */
export async function amendmentsOf(db: Queryable, meetingId: string): Promise<MinutesAmendment[]> {
  const rows: AmendmentRow[] = await db.query(
    `${AMENDMENT_SELECT} WHERE a.meeting_id = $1 ORDER BY a.created_at, a.id`,
    [meetingId],
  );
  return rows.map(toAmendment);
}

/** One amendment of the meeting's minutes, or undefined. */
export async function amendmentOf(
  db: Queryable,
  meetingId: string,
  amendmentId: string,
): Promise<MinutesAmendment | undefined> {
  const [row]: AmendmentRow[] = await db.query(`${AMENDMENT_SELECT} WHERE a.meeting_id = $1 AND a.id = $2`, [
    meetingId,
    amendmentId,
  ]);
  return row && toAmendment(row);
}

/**
 * Inserts a proposal while the review is open; returns its id, or null when the review is not open. The
 * check and the insert are one statement: a proposal cannot slip in after the end.
 */
export async function insertAmendment(
  db: Queryable,
  amendment: {
    meetingId: string;
    authorId: string;
    kind: MinutesAmendment['kind'];
    quote: string;
    body: string;
    passage: MinutesAmendment['passage'];
  },
): Promise<string | null> {
  const [inserted]: Array<{ id: string }> = await db.query(
    `INSERT INTO minutes_amendments (meeting_id, author_id, kind, quote, body, anchor_start, anchor_end)
     SELECT $1, $2, $3, $4, $5, $6, $7 FROM meeting_minutes m
      WHERE m.meeting_id = $1 AND m.status = 'review' AND m.review_ends_at > now()
     RETURNING id`,
    [
      amendment.meetingId,
      amendment.authorId,
      amendment.kind,
      amendment.quote,
      amendment.body,
      amendment.passage?.anchorStart ?? null,
      amendment.passage?.anchorEnd ?? null,
    ],
  );
  return inserted?.id ?? null;
}

/** Accepts or rejects an amendment of the meeting; false when there is none with this id. */
export async function decideAmendment(
  db: Queryable,
  meetingId: string,
  amendmentId: string,
  status: 'accepted' | 'rejected',
  decidedById: string,
): Promise<boolean> {
  // TypeORM answers an UPDATE with [rows, affected count].
  const [, affected]: [unknown[], number] = await db.query(
    'UPDATE minutes_amendments SET status = $3, decided_by_id = $4 WHERE id = $2 AND meeting_id = $1',
    [meetingId, amendmentId, status, decidedById],
  );
  return affected > 0;
}
