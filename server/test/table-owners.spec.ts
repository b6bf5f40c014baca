import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { publishedViews } from '../src/infra/database/migrations/1764600000000-published-views';
import { attachedFileViews } from '../src/infra/database/migrations/1764940000000-attached-files';
import { migrations } from '../src/infra/database/migrations/index';
import { describeWith } from './support/requires';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * "Each table has one owning module" (docs/ARCHITECTURE.md, "Who owns which table"): the table of owners
 * is read from that document, so that the document and this check cannot disagree.
 */
const root = path.join(__dirname, '..', '..');
const src = path.join(__dirname, '..', 'src');
const architecture = readFileSync(path.join(root, 'docs', 'ARCHITECTURE.md'), 'utf8');

function ownersFromDoc(): { tables: Map<string, string>; views: Map<string, string> } {
  const section = architecture.split('## Who owns which table')[1]?.split('\n## ')[0] ?? '';
  const tables = new Map<string, string>();
  const views = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const owner = /^`([a-z/-]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!owner) continue;
    const names = (cell: string) =>
      cell
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean);
    for (const table of names(cells[2])) tables.set(table, owner);
    for (const view of names(cells[3])) views.set(view, owner);
  }
  return { tables, views };
}

const { tables: tableOwner, views: viewOwner } = ownersFromDoc();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.includes('.spec.') ? [full] : [];
  });
}

/** The module a file belongs to: `modules/<x>` and `infra/<x>`, else its top folder (`app` at the root). */
function moduleOf(file: string): string {
  const parts = path.relative(src, file).split(path.sep);
  if (parts.length === 1) return 'app';
  return parts[0] === 'modules' || parts[0] === 'infra' ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** Entity class → table, from every `@Entity({ name })` of the source. */
const entityTable = new Map<string, string>();
for (const file of sourceFiles(src)) {
  for (const match of readFileSync(file, 'utf8').matchAll(
    /@Entity\(\{ name: '(\w+)' \}\)\s*export class (\w+)/g,
  )) {
    entityTable.set(match[2], match[1]);
  }
}

const SQL_NAME = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|USING)\s+"?([a-z_]+)\b/g;
const REPOSITORY =
  /\b(?:getRepository|InjectRepository)\((\w+)\)|\.(?:find\w*|insert|update|save|delete|exists\w*|count\w*|upsert)\((\w+Entity)\b/g;

/** Each file that names a table of another module, once per table: "file: table (owner)". */
function trespasses(): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8');
    const module = moduleOf(file);
    const report = (name: string, owner: string | undefined) => {
      if (owner !== undefined && owner !== module) {
        found.add(`${path.relative(src, file)}: ${name} (owned by ${owner})`);
      }
    };
    for (const match of text.matchAll(SQL_NAME)) report(match[1], tableOwner.get(match[1]));
    for (const match of text.matchAll(REPOSITORY)) {
      const entity = match[1] ?? match[2];
      const table = entityTable.get(entity);
      if (table) report(`${entity} (${table})`, tableOwner.get(table));
    }
  }
  return [...found];
}

/** Files of modules/ holding SQL besides the `*-rows.ts`, `*-store.ts` and `*.repository.ts` ones (docs/DISCUSSIONS.md). */
const OTHER_REPOSITORY_FILES = [
  'modules/discussions/thread-follows.ts',
  'modules/discussions/thread-grants.ts',
  'modules/discussions/prepared-query.ts',
];

describe('each table has one owning module (docs/ARCHITECTURE.md)', () => {
  it('reads the owners table from the document', () => {
    expect(tableOwner.get('users')).toBe('identity');
    expect(tableOwner.get('threads')).toBe('modules/discussions');
    expect(viewOwner.get('user_cards')).toBe('identity');
  });

  it('lets only the owner name a table, in SQL or through a repository of its entity', () => {
    expect(trespasses()).toEqual([]);
  });

  // A type import (the shape of what the owner's service returns) gives no access to the table.
  it('imports no TypeORM entity of another module, except as a type', () => {
    const foreign = sourceFiles(src).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*? from '(\.{1,2}\/[^']*\.entity)'/gm)]
        .map((match) => path.resolve(path.dirname(file), `${match[1]}.ts`))
        .filter((target) => moduleOf(target) !== moduleOf(file))
        .filter(() => path.relative(src, file) !== path.join('infra', 'database', 'entities.ts'))
        .map((target) => `${path.relative(src, file)}: ${path.relative(src, target)}`),
    );
    expect(foreign).toEqual([]);
  });

  it('runs the feature modules’ SQL in their repository files only', () => {
    const outside = sourceFiles(path.join(src, 'modules'))
      .map((file) => path.relative(src, file))
      .filter(
        (file) =>
          /\.query\(/.test(readFileSync(path.join(src, file), 'utf8')) &&
          !/(-rows|-store|\.repository)\.ts$/.test(file) &&
          !OTHER_REPOSITORY_FILES.includes(file),
      );
    expect(outside).toEqual([]);
  });

  it('declares each published view under the owner of the tables it reads', () => {
    for (const [view, { owner, sql }] of Object.entries({ ...publishedViews, ...attachedFileViews })) {
      expect({ view, owner: viewOwner.get(view) }).toEqual({ view, owner });
      const read = [...sql.matchAll(SQL_NAME)].map((match) => match[1]);
      expect(read.length).toBeGreaterThan(0);
      for (const table of read)
        expect({ view, table, owner: tableOwner.get(table) }).toEqual({ view, table, owner });
    }
  });

  it('catches a trespass: a made-up file of another module naming a table', () => {
    const sample = 'SELECT id FROM users u JOIN group_members m ON m.user_id = u.id';
    const named = [...sample.matchAll(SQL_NAME)].map((match) => match[1]);
    expect(
      named.filter(
        (name) => tableOwner.get(name) !== undefined && tableOwner.get(name) !== 'modules/meetings',
      ),
    ).toEqual(['users']);
  });
});

describeWith(['DATABASE_URL'], 'table owners against the migrated schema')('the migrated schema', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new DataSource({
      type: 'postgres',
      url: database.url as string,
      migrations,
      migrationsTableName: 'schema_migrations',
    });
    await db.initialize();
    await db.runMigrations();
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('has an owner for every table and a declaration for every view', async () => {
    const rows: Array<{ name: string; type: string }> = await db.query(
      `SELECT table_name AS name, table_type AS type FROM information_schema.tables
        WHERE table_schema = 'public' ORDER BY table_name`,
    );
    const tables = rows.filter((row) => row.type === 'BASE TABLE').map((row) => row.name);
    const views = rows.filter((row) => row.type === 'VIEW').map((row) => row.name);
    expect(tables.filter((table) => !tableOwner.has(table))).toEqual([]);
    expect([...tableOwner.keys()].filter((table) => !tables.includes(table))).toEqual([]);
    expect(views.sort()).toEqual([...viewOwner.keys()].sort());
  });
});
