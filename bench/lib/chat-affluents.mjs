/**
 * Chat members for scenario 4: `groups` groups of `perGroup` members each, every member with a session,
 * every group with one discussion thread. Users, groups, memberships and sessions are written with SQL
 * (a thousand argon2 sign-ins would measure argon2); each thread is created over HTTP by its group's
 * first member, as the product creates it (first message, counters, events).
 */
import { randomBytes } from 'node:crypto';

/**
 * Returns [{ tag, room: threadId, headers }] (one per member, group-major). Each group gets its own
 * bassin: a bassin holds at most one group of each kind.
 */
export async function seedChat(db, server, { groups, perGroup }) {
  const run = randomBytes(3).toString('hex');
  const bassins = await db.query(
    `INSERT INTO bassins (name, slug)
       SELECT 'bench-chat-' || $1 || '-' || g, 'bench-chat-' || $1 || '-' || g FROM generate_series(1, $2) g
     RETURNING id`,
    [run, groups],
  );
  const groupRows = await db.query(
    `INSERT INTO groups (bassin_id, kind) SELECT b, 'social_workers' FROM unnest($1::uuid[]) b RETURNING id`,
    [bassins.map((b) => b.id)],
  );
  const groupIds = groupRows.map((g) => g.id);
  // The password hash is never checked: these users only ever present a session cookie.
  const users = await db.query(
    `INSERT INTO users (email, display_name, password_hash)
       SELECT 'bench-chat-' || $1 || '-' || i || '@bench.test', 'Membre ' || i, 'x'
       FROM generate_series(1, $2) i
     RETURNING id`,
    [run, groups * perGroup],
  );
  const userIds = users.map((u) => u.id);
  const memberGroup = userIds.map((_, i) => groupIds[Math.floor(i / perGroup)]);
  await db.query(
    `INSERT INTO memberships (user_id, group_id, role)
       SELECT u, g, 'member' FROM unnest($1::uuid[], $2::uuid[]) AS x(u, g)`,
    [userIds, memberGroup],
  );
  const tokens = userIds.map(() => randomBytes(32).toString('base64url'));
  // token_hash as server/src/common/auth/tokens.ts hashToken: sha256 hex of the token.
  await db.query(
    `INSERT INTO auth_sessions (user_id, token_hash, expires_at)
       SELECT u, encode(sha256(convert_to(t, 'UTF8')), 'hex'), now() + interval '1 day'
       FROM unnest($1::uuid[], $2::text[]) AS x(u, t)`,
    [userIds, tokens],
  );
  const headers = tokens.map((token) => server.headersFor(token));
  const threadIds = [];
  for (const [g, groupId] of groupIds.entries()) {
    const res = await fetch(`${server.publicUrl}/api/groups/${groupId}/threads`, {
      method: 'POST',
      headers: { ...headers[g * perGroup], 'content-type': 'application/json' },
      body: JSON.stringify({ title: `Fil de banc d’essai ${g + 1}`, body: 'Bienvenue' }),
    });
    if (res.status !== 201) throw new Error(`thread of group ${g}: ${res.status} ${await res.text()}`);
    threadIds.push((await res.json()).id);
  }
  return userIds.map((_, i) => ({
    tag: `g${Math.floor(i / perGroup)}m${i % perGroup}`,
    room: threadIds[Math.floor(i / perGroup)],
    headers: headers[i],
  }));
}
