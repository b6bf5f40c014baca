import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Each table has one owning module (issue 13): the notifications ask identity (subjects, names, addresses),
 * discussions, fiches and groups for what they need instead of querying their tables.
 */
const OWN = ['notifications', 'notification_preferences'];

/** The tables a piece of SQL text names after FROM, JOIN, INTO and UPDATE (functions such as unnest() aside). */
function tablesNamed(source: string): string[] {
  const names = [...source.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+([a-z_][a-z0-9_]*)\b(?!\s*\()/g)].map(
    (m) => m[1],
  );
  return [...new Set(names)].sort();
}

describe('the notifications query their own tables only', () => {
  it('names no table of another module in its SQL', () => {
    const files = readdirSync(__dirname).filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'));
    expect(files.length).toBeGreaterThan(5);
    const foreign = files.flatMap((name) =>
      tablesNamed(readFileSync(path.join(__dirname, name), 'utf8'))
        .filter((table) => !OWN.includes(table))
        .map((table) => `${name}: ${table}`),
    );
    expect(foreign).toEqual([]);
  });

  it('finds the tables of every statement form, and only tables', () => {
    expect(
      tablesNamed(`SELECT n.id FROM notifications n JOIN threads t ON t.id = n.thread_id
                     LEFT JOIN (SELECT 1 FROM thread_access_grants g) x ON true
                    WHERE EXISTS (SELECT 1 FROM messages m) AND n.id IN (SELECT id FROM unnest($1::uuid[]) AS d(id))`),
    ).toEqual(['messages', 'notifications', 'thread_access_grants', 'threads']);
    expect(
      tablesNamed(`INSERT INTO notification_preferences AS p (user_id) VALUES ($1)
                   ON CONFLICT (user_id) DO UPDATE SET last_digest_at = $2;
                   UPDATE fiches SET x = 1; DELETE FROM memberships; -- select from nothing`),
    ).toEqual(['fiches', 'memberships', 'notification_preferences']);
  });
});
