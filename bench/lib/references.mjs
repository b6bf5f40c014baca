/** Starts the reference servers (bench/servers/*.mjs) as child processes on a free local port. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnServer, stop } from './children.mjs';
import { freePort, waitFor } from './net.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The document servers compared with Affluents, in the order of the table's columns. */
export const REFERENCES = [
  { key: 'ywebsocket', label: 'y-websocket-server', script: 'ywebsocket.mjs', flavour: 'yws' },
  { key: 'hocuspocus', label: 'Hocuspocus', script: 'hocuspocus.mjs', flavour: 'hocus' },
];

/**
 * Starts one reference; resolves with { pid, flavour, urlFor(docName), headersFor(), stop() }.
 * `loadFile`: fill every document from that encoded state when first opened (cold loads).
 */
export async function startReference(ref, { loadFile } = {}) {
  const port = await freePort();
  // BENCH_NODE_ARGS profiles the references the same way as Affluents (lib/affluents.mjs).
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawnServer(process.execPath, [...nodeArgs, path.join(here, '..', 'servers', ref.script)], {
    env: { PORT: String(port), ...(loadFile ? { LOAD_FILE: loadFile } : {}) },
  });
  await waitFor(() => child.output.includes('READY'), child, `${ref.label} did not start`);
  return {
    key: ref.key,
    label: ref.label,
    pid: child.pid,
    child,
    flavour: ref.flavour,
    // y-websocket takes the document from the path; Hocuspocus from each message.
    urlFor: (docName) =>
      ref.flavour === 'hocus' ? `ws://127.0.0.1:${port}` : `ws://127.0.0.1:${port}/${docName}`,
    headersFor: () => ({}),
    stop: () => stop(child),
  };
}
