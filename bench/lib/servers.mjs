/**
 * One place to bring up "a document server of kind X" with `docs` documents and `clients` clients, so
 * every scenario compares the three servers the same way: Affluents on a fresh database with seeded
 * users, sessions and fiches; the references in memory with plain document names.
 */
import { createBenchDatabase, seedBench, startAffluents } from './affluents.mjs';
import { REFERENCES, startReference } from './references.mjs';

const ALL_KEYS = ['affluents', ...REFERENCES.map((r) => r.key)];
/** The servers compared; BENCH_SERVERS=affluents (comma-separated) narrows a profiling run to some of them. */
export const SERVER_KEYS = process.env.BENCH_SERVERS
  ? ALL_KEYS.filter((k) => process.env.BENCH_SERVERS.split(',').includes(k))
  : ALL_KEYS;

/**
 * Starts `key` ('affluents' | 'ywebsocket' | 'hocuspocus') ready for `users` clients over `docs`
 * documents: { servers: [node...], docNames, tokens, db, stop() }. `nodes` > 1 only for Affluents.
 */
export async function bringUp(key, { users, docs, nodes = 1, loadFile, affluentsEnv } = {}) {
  if (key !== 'affluents') {
    const server = await startReference(
      REFERENCES.find((r) => r.key === key),
      { loadFile },
    );
    const docNames = Array.from({ length: docs }, (_, i) => `bench-doc-${i}`);
    return { servers: [server], docNames, tokens: [], db: null, stop: () => server.stop() };
  }
  const db = await createBenchDatabase();
  const servers = [];
  try {
    // The first node migrates the database; the others start on a migrated one.
    servers.push(await startAffluents(db, { env: affluentsEnv }));
    for (let i = 1; i < nodes; i++) servers.push(await startAffluents(db, { env: affluentsEnv }));
    const { tokens, docNames } = await seedBench(db, { users, fiches: docs });
    return {
      servers,
      docNames,
      tokens,
      db,
      stop: async () => {
        for (const s of servers) await s.stop();
        await db.drop();
      },
    };
  } catch (err) {
    for (const s of servers) await s.stop();
    await db.drop();
    throw err;
  }
}

/**
 * Client i edits document i mod D, with its own session; over several nodes, the editors of each
 * document alternate nodes (round i / D), so every document has editors on every node.
 */
export function planClients(up, clients) {
  return Array.from({ length: clients }, (_, i) => ({
    docName: up.docNames[i % up.docNames.length],
    token: up.tokens[i],
    server: up.servers[Math.floor(i / up.docNames.length) % up.servers.length],
  }));
}
