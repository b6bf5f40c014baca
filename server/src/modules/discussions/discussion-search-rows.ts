import type { DiscussionSearchPage } from '@affluents/contracts';
import type { EntityManager } from 'typeorm';
import { toIso } from '../../infra/database/timestamps';
import { VISIBLE_THREADS } from './thread-rows';

// Brackets in the text become parentheses first, so the only brackets in a snippet are the match markers.
const HEADLINE_OPTIONS =
  'StartSel=[, StopSel=], MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=" … "';
const headline = (column: string) =>
  `ts_headline('affluents_fr', translate(${column}, '[]', '()'), q.query, '${HEADLINE_OPTIONS}')`;

interface HitRow {
  threadId: string;
  title: string;
  groupId: string;
  kind: DiscussionSearchPage['items'][number]['thread']['kind'];
  messageId: string | null;
  seq: number | null;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date | null;
  snippet: string;
  total: number;
}

/** What to search and where: the words, the caller's reach, an optional group, a window of hits. */
export interface DiscussionSearch {
  userId: string;
  groupIds: string[];
  q: string;
  groupId: string | null;
  limit: number;
  offset: number;
}

/**
 * Hits on thread titles and shown message texts within the caller's reach, best first (a title weighs
 * twice a message), with the number of hits in all.
 */
export async function searchDiscussions(
  manager: EntityManager,
  search: DiscussionSearch,
): Promise<{ items: DiscussionSearchPage['items']; total: number }> {
  const groupFilter = search.groupId ? 'AND t.group_id = $4' : 'AND $4::uuid IS NULL';
  const rows: HitRow[] = await manager.query(
    `WITH q AS (SELECT websearch_to_tsquery('affluents_fr', $3) AS query),
     hits AS (
       SELECT t.id AS "threadId", t.title, t.group_id AS "groupId", t.kind, NULL::uuid AS "messageId",
              NULL::int AS seq, NULL::uuid AS "authorId", NULL::text AS "authorName", NULL::timestamptz AS "createdAt",
              ${headline('t.title')} AS snippet, ts_rank(t.search, q.query) * 2 AS rank, t.created_at AS at
         FROM threads t, q
        WHERE ${VISIBLE_THREADS} ${groupFilter} AND t.search @@ q.query
       UNION ALL
       SELECT t.id, t.title, t.group_id, t.kind, m.id, m.seq, m.author_id, u.display_name, m.created_at,
              ${headline('m.body_text')}, ts_rank(m.search, q.query), m.created_at
         FROM messages m JOIN threads t ON t.id = m.thread_id JOIN user_cards u ON u.id = m.author_id, q
        WHERE ${VISIBLE_THREADS} ${groupFilter} AND m.search @@ q.query
          AND m.deleted_at IS NULL AND m.hidden_at IS NULL AND m.moved_to_thread_id IS NULL)
     SELECT *, count(*) OVER ()::int AS total FROM hits ORDER BY rank DESC, at DESC LIMIT $5 OFFSET $6`,
    [search.userId, search.groupIds, search.q, search.groupId, search.limit, search.offset],
  );
  return {
    items: rows.map((r) => ({
      thread: { id: r.threadId, title: r.title, groupId: r.groupId, kind: r.kind },
      message:
        r.messageId && r.seq !== null && r.authorId && r.createdAt
          ? {
              id: r.messageId,
              seq: r.seq,
              author: { id: r.authorId, displayName: r.authorName ?? '' },
              createdAt: toIso(r.createdAt),
            }
          : null,
      snippet: r.snippet,
    })),
    total: rows[0]?.total ?? 0,
  };
}
