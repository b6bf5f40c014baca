import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { publishedViews } from '../src/infra/database/migrations/1764600000000-published-views';

/**
 * Each table has one owning module (issue 13): another module reads its data through the owner's service
 * or, in SQL, through the owner's published views only, and never through the owner's TypeORM entities.
 * Checked for the modules below, with the tables each owns; the other modules join as they move to the views.
 */
const OWN: Record<string, string[]> = {
  discussions: [
    'threads',
    'messages',
    'message_revisions',
    'message_reactions',
    'thread_reads',
    'thread_follows',
    'thread_access_grants',
    'group_member_settings',
  ],
  fiches: ['fiches', 'fiche_authors', 'fiche_organisations', 'fiche_versions'],
  'fiche-mentions': ['fiche_text_mentions'],
  'fiche-questions': [],
  files: ['files', 'file_contents', 'file_chunks'],
  comments: ['fiche_comments', 'fiche_comment_replies'],
  polls: ['polls', 'poll_options', 'poll_votes'],
  notifications: ['notifications', 'notification_preferences'],
  exports: [],
};

/** Files holding SQL besides the `*-rows.ts`, `*-store.ts` and `*.repository.ts` ones (docs/DISCUSSIONS.md). */
const OTHER_REPOSITORY_FILES = [
  'discussions/thread-follows.ts',
  'discussions/thread-grants.ts',
  'discussions/prepared-query.ts',
];

const modulesDir = path.join(__dirname, '../src/modules');

/** The module's source files (specs aside), as paths relative to the modules folder. */
function sourcesOf(module: string): string[] {
  return readdirSync(path.join(modulesDir, module), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
    .map((name) => `${module}/${name}`);
}

/** The names of the common table expressions a piece of SQL text defines (`WITH name AS (`). */
function cteNames(source: string): string[] {
  return [...source.matchAll(/\b([a-z_][a-z0-9_]*)\s+AS\s+\(/g)].map((m) => m[1]);
}

/**
 * The tables a piece of SQL text names after FROM, JOIN, INTO and UPDATE: functions such as unnest() and
 * the common table expressions of `ctes` (a module's statements are built from fragments) aside.
 */
function tablesNamed(source: string, ctes: readonly string[] = cteNames(source)): string[] {
  const read = [...source.matchAll(/\b(?:FROM|JOIN)\s+([a-z_][a-z0-9_]*)\b(?!\s*\()/g)];
  const written = [...source.matchAll(/\b(?:INTO|UPDATE)\s+([a-z_][a-z0-9_]*)\b/g)];
  const names = [...read, ...written].map((m) => m[1]).filter((name) => !ctes.includes(name));
  return [...new Set(names)].sort();
}

describe('each module queries its own tables and the published views only', () => {
  const views = Object.keys(publishedViews);

  it('names no table of another module in its SQL', () => {
    const foreign = Object.entries(OWN).flatMap(([module, own]) => {
      const sources = new Map(
        sourcesOf(module).map((f) => [f, readFileSync(path.join(modulesDir, f), 'utf8')]),
      );
      const ctes = [...sources.values()].flatMap(cteNames);
      return [...sources].flatMap(([file, source]) =>
        tablesNamed(source, ctes)
          .filter((table) => !own.includes(table) && !views.includes(table))
          .map((table) => `${file}: ${table}`),
      );
    });
    expect(foreign).toEqual([]);
  });

  it('imports no TypeORM entity of another module', () => {
    const foreign = Object.keys(OWN).flatMap((module) =>
      sourcesOf(module).flatMap((file) =>
        [...readFileSync(path.join(modulesDir, file), 'utf8').matchAll(/from '(\.\.\/[^']*\.entity)'/g)]
          .map((m) => path.join(path.dirname(file), m[1]))
          .filter((target) => !target.startsWith(`${module}/`))
          .map((target) => `${file}: ${target}`),
      ),
    );
    expect(foreign).toEqual([]);
  });

  it('runs SQL in its repository files only', () => {
    const outside = Object.keys(OWN).flatMap((module) =>
      sourcesOf(module).filter(
        (file) =>
          /\.query\(/.test(readFileSync(path.join(modulesDir, file), 'utf8')) &&
          !/(-rows|-store|\.repository)\.ts$/.test(file) &&
          !OTHER_REPOSITORY_FILES.includes(file),
      ),
    );
    expect(outside).toEqual([]);
  });

  it('finds the tables of every statement form, and only tables', () => {
    expect(
      tablesNamed(`WITH fiche AS (SELECT id FROM fiches WHERE doc_name = $1)
                   SELECT 1 FROM fiche f JOIN users u ON u.id = ANY($2::uuid[])
                    WHERE EXISTS (SELECT 1 FROM unnest($3::uuid[]) AS d(id));
                   INSERT INTO polls (id) VALUES ($1); UPDATE groups SET x = 1; DELETE FROM memberships;
                   -- select from nothing`),
    ).toEqual(['fiches', 'groups', 'memberships', 'polls', 'users']);
  });
});
