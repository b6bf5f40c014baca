import type { Subject } from '@affluents/contracts';
import type { DataSource } from 'typeorm';
import { preparedQuery } from './prepared-query';
import { type ResolvedThread, resolvedThread, type ThreadFacts } from './thread-access';

/** The part of a post request the reads need. */
export interface PostKey {
  threadId: string;
  clientId: string;
  replyToId?: string;
  subject: Subject;
}

/** What a batch of posts needs to know before writing, per request (same order as the keys). */
export interface PostBatchFacts {
  /** The message already stored under the request's client id, if any (a resend). */
  stored: Array<{ id: string; threadId: string } | null>;
  /** The thread and the caller's grant on it; null when the thread does not exist. */
  threads: Array<ResolvedThread | null>;
  /** Thread of each message replied to (missing ones are left out). */
  replyThreads: Map<string, string>;
  /** Members of each group of the batch's threads, to resolve mentions. */
  members: Map<string, Set<string>>;
}

type ThreadRow = ThreadFacts & { i: number; grant: 'guest' | 'former_member' | null };

interface FactsRow {
  stored: Array<{ i: number; id: string; threadId: string }> | null;
  threads: ThreadRow[] | null;
  replies: Array<{ id: string; threadId: string }> | null;
  members: Array<{ groupId: string; userId: string }> | null;
}

// One statement, one round trip: each sub-select answers one question for every request at once (json,
// as the four answers have different shapes). Ordinality numbers the requests from 1.
const FACTS_SQL = `
  WITH req AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[])
                  WITH ORDINALITY AS x(thread_id, user_id, client_id, reply_to_id, i)
  )
  SELECT
    (SELECT json_agg(json_build_object('i', r.i, 'id', m.id, 'threadId', m.thread_id))
       FROM req r JOIN messages m ON m.author_id = r.user_id AND m.client_id = r.client_id) AS stored,
    (SELECT json_agg(json_build_object('i', r.i, 'id', t.id, 'groupId', t.group_id, 'kind', t.kind,
                                       'title', t.title, 'authorId', t.author_id, 'locked', t.locked,
                                       'grant', g.kind))
       FROM req r
       JOIN threads t ON t.id = r.thread_id
       LEFT JOIN thread_access_grants g ON g.thread_id = t.id AND g.user_id = r.user_id) AS threads,
    (SELECT json_agg(json_build_object('id', m.id, 'threadId', m.thread_id))
       FROM messages m WHERE m.id IN (SELECT reply_to_id FROM req)) AS replies,
    (SELECT json_agg(json_build_object('groupId', ms.group_id, 'userId', ms.user_id))
       FROM group_members ms
      WHERE ms.group_id IN (SELECT t.group_id FROM req r JOIN threads t ON t.id = r.thread_id)) AS members`;

/**
 * Reads, in one statement, everything a batch of posts needs before its write: resends, access, reply
 * targets and group members. Answers are computed for every key, even those a later check refuses.
 */
export async function readPostBatchFacts(dataSource: DataSource, keys: PostKey[]): Promise<PostBatchFacts> {
  const facts: PostBatchFacts = {
    stored: keys.map(() => null),
    threads: keys.map(() => null),
    replyThreads: new Map(),
    members: new Map(),
  };
  if (keys.length === 0) return facts;
  const [row] = await preparedQuery<FactsRow>(dataSource, 'post-batch-facts', FACTS_SQL, [
    keys.map((k) => k.threadId),
    keys.map((k) => k.subject.userId),
    keys.map((k) => k.clientId),
    keys.map((k) => k.replyToId ?? null),
  ]);
  for (const { i, id, threadId } of row.stored ?? []) facts.stored[i - 1] = { id, threadId };
  for (const { i, ...thread } of row.threads ?? []) facts.threads[i - 1] = resolvedThread(thread);
  for (const { id, threadId } of row.replies ?? []) facts.replyThreads.set(id, threadId);
  for (const { groupId, userId } of row.members ?? []) {
    const members = facts.members.get(groupId) ?? new Set<string>();
    members.add(userId);
    facts.members.set(groupId, members);
  }
  return facts;
}
