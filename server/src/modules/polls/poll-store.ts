import type { CreatePollRequest } from '@affluents/contracts';
import { formatDateAs } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { OptionRow, PollRow, VoteRow } from './poll-view';
import type { CheckedVote } from './vote-rules';

const POLL_COLUMNS = `p.id, p.thread_id AS "threadId", p.kind, p.question, p.details, p.closes_at AS "closesAt",
  p.quorum, p.closed_at AS "closedAt", p.outcome, p.author_id AS "authorId", u.display_name AS "authorName",
  p.created_at AS "createdAt"`;

const slotDay = { format: (date: Date) => formatDateAs('dayTime', date, 'fr-BE') };
const slotTime = { format: (date: Date) => formatDateAs('time', date, 'fr-BE') };

/** A readable French label for a time slot (emails and notifications show it as is). */
export function slotLabel(startsAt: string, endsAt?: string): string {
  const start = slotDay.format(new Date(startsAt));
  return endsAt ? `${start} – ${slotTime.format(new Date(endsAt))}` : start;
}

/** Reads and writes the polls tables; knows SQL, not the rules. */
@Injectable()
export class PollStore {
  constructor(private readonly dataSource: DataSource) {}

  /** One poll, locked for update when read inside a transaction that changes it. */
  async findPoll(pollId: string, manager?: EntityManager, forUpdate = false): Promise<PollRow | null> {
    const rows: PollRow[] = await (manager ?? this.dataSource).query(
      `SELECT ${POLL_COLUMNS} FROM polls p JOIN user_cards u ON u.id = p.author_id WHERE p.id = $1
       ${forUpdate ? 'FOR UPDATE OF p' : ''}`,
      [pollId],
    );
    return rows[0] ?? null;
  }

  async findThreadPolls(threadId: string): Promise<PollRow[]> {
    return this.dataSource.query(
      `SELECT ${POLL_COLUMNS} FROM polls p JOIN user_cards u ON u.id = p.author_id
        WHERE p.thread_id = $1 ORDER BY p.created_at DESC`,
      [threadId],
    );
  }

  /** Open polls (not closed, closing ahead) where `userId` has not voted, closing soonest first. */
  async findOpenWithoutVoteOf(userId: string, limit: number): Promise<PollRow[]> {
    return this.dataSource.query(
      `SELECT ${POLL_COLUMNS} FROM polls p JOIN user_cards u ON u.id = p.author_id
        WHERE p.closed_at IS NULL AND p.closes_at > now()
          AND NOT EXISTS (SELECT 1 FROM poll_votes v WHERE v.poll_id = p.id AND v.user_id = $1)
        ORDER BY p.closes_at, p.created_at LIMIT $2`,
      [userId, limit],
    );
  }

  async findOptions(pollIds: string[], manager?: EntityManager): Promise<OptionRow[]> {
    return (manager ?? this.dataSource).query(
      `SELECT id, poll_id AS "pollId", label, starts_at AS "startsAt", ends_at AS "endsAt"
         FROM poll_options WHERE poll_id = ANY($1::uuid[]) ORDER BY position`,
      [pollIds],
    );
  }

  async findVotes(pollIds: string[]): Promise<VoteRow[]> {
    return this.dataSource.query(
      `SELECT v.poll_id AS "pollId", v.user_id AS "userId", u.display_name AS "displayName", v.position,
              v.option_ids::text[] AS "optionIds", v.date_answers AS "dateAnswers", v.reason,
              v.voted_at AS "votedAt"
         FROM poll_votes v JOIN user_cards u ON u.id = v.user_id
        WHERE v.poll_id = ANY($1::uuid[]) ORDER BY v.voted_at`,
      [pollIds],
    );
  }

  /** Open polls closing in (`from`, `to`], with who voted. */
  async closingBetween(
    from: Date,
    to: Date,
  ): Promise<
    Array<{ pollId: string; threadId: string; question: string; closesAt: Date; voterIds: string[] }>
  > {
    return this.dataSource.query(
      `SELECT p.id AS "pollId", p.thread_id AS "threadId", p.question, p.closes_at AS "closesAt",
              ARRAY(SELECT v.user_id FROM poll_votes v WHERE v.poll_id = p.id) AS "voterIds"
         FROM polls p
        WHERE p.closed_at IS NULL AND p.closes_at > $1 AND p.closes_at <= $2`,
      [from, to],
    );
  }

  /** Active members of the group: the people a poll of its threads speaks to. */
  async electorate(groupId: string): Promise<number> {
    const [row]: Array<{ count: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM group_members m JOIN user_cards u ON u.id = m.user_id
        WHERE m.group_id = $1 AND u.disabled_at IS NULL`,
      [groupId],
    );
    return row.count;
  }

  /** Inserts a poll and its options (choices or slots); returns its id. */
  async insert(threadId: string, authorId: string, input: CreatePollRequest): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const [{ id }]: Array<{ id: string }> = await manager.query(
        `INSERT INTO polls (thread_id, kind, question, details, closes_at, quorum, author_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          threadId,
          input.kind,
          input.question,
          input.details || null,
          input.closesAt,
          input.quorum ?? null,
          authorId,
        ],
      );
      const options = input.kind === 'proposal' ? [] : input.options;
      for (const [position, o] of options.entries()) {
        const label = o.label || (o.startsAt ? slotLabel(o.startsAt, o.endsAt) : '');
        await manager.query(
          `INSERT INTO poll_options (poll_id, position, label, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5)`,
          [id, position, label, o.startsAt ?? null, o.endsAt ?? null],
        );
      }
      return id;
    });
  }

  /** Records or replaces one person's vote. */
  async upsertVote(manager: EntityManager, pollId: string, userId: string, vote: CheckedVote): Promise<void> {
    await manager.query(
      `INSERT INTO poll_votes (poll_id, user_id, position, option_ids, date_answers, reason, voted_at)
       VALUES ($1, $2, $3, $4::uuid[], $5::jsonb, $6, now())
       ON CONFLICT (poll_id, user_id) DO UPDATE SET position = EXCLUDED.position,
         option_ids = EXCLUDED.option_ids, date_answers = EXCLUDED.date_answers, reason = EXCLUDED.reason,
         voted_at = now()`,
      [pollId, userId, vote.position, vote.optionIds, JSON.stringify(vote.dateAnswers), vote.reason],
    );
  }

  async deleteVote(manager: EntityManager, pollId: string, userId: string): Promise<void> {
    await manager.query('DELETE FROM poll_votes WHERE poll_id = $1 AND user_id = $2', [pollId, userId]);
  }

  async close(manager: EntityManager, pollId: string, outcome: string): Promise<void> {
    await manager.query('UPDATE polls SET closed_at = now(), outcome = $2 WHERE id = $1', [pollId, outcome]);
  }
}
