/**
 * Scenario 3, idle cost: server RSS increase per idle open document connection, 2,000 connections
 * (quick: 200) over 100 documents (quick: 10), each with its own user and session for Affluents.
 * RSS is read after the connections settle; the documents are tiny, so the figure is the connection.
 */
import { startLoad } from '../lib/load.mjs';
import { rssKiB } from '../lib/proc.mjs';
import { bringUp, planClients, SERVER_KEYS } from '../lib/servers.mjs';

const settle = (ms) => new Promise((r) => setTimeout(r, ms));

export default async function run({ quick, log }) {
  const clients = quick ? 200 : 2000;
  const docs = quick ? 10 : 100;
  const label = `idle ${clients} connections / ${docs} docs`;
  const per = {};
  const base = {};
  for (const key of SERVER_KEYS) {
    log(`${label}: ${key}`);
    const up = await bringUp(key, { users: clients, docs });
    const load = startLoad(up.servers[0], planClients(up, clients), { processes: quick ? 1 : 2 });
    try {
      // The documents are opened by one client each first, so the delta below is connections only.
      const warm = startLoad(up.servers[0], planClients(up, docs));
      await warm.connect();
      await settle(2000);
      const before = rssKiB(up.servers[0].pid);
      await load.connect();
      await settle(3000);
      const after = rssKiB(up.servers[0].pid);
      per[key] = ((after - before) * 1024) / clients / 1024;
      base[key] = before / 1024;
      await warm.exit();
    } finally {
      await load.exit();
      await up.stop();
    }
  }
  return [
    { scenario: label, metric: 'server RSS per idle connection', unit: 'KiB', ...per },
    { scenario: label, metric: 'server RSS before the connections', unit: 'MiB', ...base },
  ];
}
