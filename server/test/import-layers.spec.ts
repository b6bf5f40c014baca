import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * The server's layers, bottom-up (docs/ARCHITECTURE.md, "Layers"): a file may import from its own layer
 * and the layers below, never from a layer above. Folders of one layer may import each other.
 */
const LAYERS: ReadonlyArray<readonly string[]> = [
  ['config'],
  // Helpers without I/O of their own: errors, validation, HTTP middleware, policy decorators, jobs.
  ['common'],
  ['infra'],
  // Who is signed in: the session store and its one resolver, the HTTP guard, AccessEvents.
  ['identity'],
  ['collab', 'realtime'],
  ['modules'],
  // The application: its assembly, entry points and what is generated from every feature.
  ['main', 'app.module', 'app.factory', 'openapi', 'seed', 'cli'],
];

/**
 * The few upward imports the layering allows, each with its reason: the file, and the imported paths
 * (relative to server/src) it may reach above its layer.
 */
const ALLOWED_UPWARD: ReadonlyArray<{ from: string; to: RegExp; why: string }> = [
  {
    from: 'infra/database/entities.ts',
    to: /\.entity$/,
    why: 'the TypeORM entity list names every entity once; the data source opens before Nest starts',
  },
];

const src = path.join(__dirname, '..', 'src');

/** The layer index of a path relative to server/src, by its first segment (a root file without `.ts`). */
function layerOf(relative: string): number {
  const top = relative.split('/')[0].replace(/\.ts$/, '');
  const index = LAYERS.findIndex((layer) => layer.includes(top));
  if (index < 0) throw new Error(`${relative} is in no layer: add its folder to LAYERS and ARCHITECTURE.md`);
  return index;
}

/** Every relative module specifier of a source file: imports, re-exports, `import()` and `require()`. */
function specifiers(source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((file) => file.fileName)
    .filter((name) => name.startsWith('.'));
}

/** The imports that run upward, as `from -> to` (paths relative to server/src, without extension). */
function upwardImports(files: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [file, source] of files) {
    const fromLayer = layerOf(file);
    for (const specifier of specifiers(source)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      // Outside server/src (test support, other workspaces): not part of the layering.
      if (target.startsWith('..')) continue;
      if (layerOf(target) <= fromLayer) continue;
      if (ALLOWED_UPWARD.some((allowed) => allowed.from === file && allowed.to.test(target))) continue;
      found.push(`${file} -> ${target}`);
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('the server imports run downward only', () => {
  it('finds no import from a layer to one above it', () => {
    const files = new Map(
      sourceFiles(src).map((full) => [
        path.relative(src, full).split(path.sep).join('/'),
        readFileSync(full, 'utf8'),
      ]),
    );
    expect(files.size).toBeGreaterThan(100);
    expect(upwardImports(files)).toEqual([]);
  });

  it('flags upward imports of every form, and only those', () => {
    const files = new Map([
      ['collab/collab-auth.ts', "import { SessionStore } from '../modules/auth/session-store';"],
      [
        'realtime/presence/presence.service.ts',
        "import type { UserEntity } from '../../modules/users/user.entity';",
      ],
      ['common/auth/guard.ts', "export { x } from '../../identity/session-resolver';"],
      ['identity/session-store.ts', "const m = await import('../collab/collab-auth');"],
      ['infra/redis/redis.service.ts', "const c = require('../../collab/doc-registry');"],
      ['config/app-config.ts', "import { slugify } from '../common/slug';"],
      // Downward, same layer, outside src, the allowed entity list: all fine.
      [
        'modules/fiches/fiches.service.ts',
        "import { x } from '../../collab/collab-events';\nimport '../groups/group.entity';",
      ],
      ['collab/collab.gateway.ts', "import { SocketServer } from '../realtime/socket-server';"],
      ['identity/user-directory.ts', "import { RecurringJob } from '../common/recurring-job';"],
      ['realtime/shared-rate-limit.spec.ts', "import { describeWith } from '../../test/support/requires';"],
      ['infra/database/entities.ts', "import { UserEntity } from '../../modules/users/user.entity';"],
      ['app.module.ts', "import { AuthModule } from './modules/auth/auth.module';"],
    ]);
    expect(upwardImports(files)).toEqual([
      'collab/collab-auth.ts -> modules/auth/session-store',
      'realtime/presence/presence.service.ts -> modules/users/user.entity',
      'common/auth/guard.ts -> identity/session-resolver',
      'identity/session-store.ts -> collab/collab-auth',
      'infra/redis/redis.service.ts -> collab/doc-registry',
      'config/app-config.ts -> common/slug',
    ]);
  });

  it('refuses the entity list anything but entities from above', () => {
    const files = new Map([
      ['infra/database/entities.ts', "import { FichesService } from '../../modules/fiches/fiches.service';"],
    ]);
    expect(upwardImports(files)).toEqual(['infra/database/entities.ts -> modules/fiches/fiches.service']);
  });
});
