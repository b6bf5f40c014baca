/**
 * Hocuspocus (@hocuspocus/server 3), in memory, no extensions. With LOAD_FILE, onLoadDocument fills
 * each document from that file (an encoded Yjs state) when it is first opened: the "cold" load of the
 * loading scenario; Hocuspocus unloads a document when its last connection closes.
 *   PORT=1234 [LOAD_FILE=state.bin] node servers/hocuspocus.mjs
 */
import { readFileSync } from 'node:fs';
import { Server } from '@hocuspocus/server';
import * as Y from 'yjs';

const file = process.env.LOAD_FILE;
const server = new Server({
  port: Number(process.env.PORT),
  address: '127.0.0.1',
  quiet: true,
  ...(file ? { onLoadDocument: async ({ document }) => Y.applyUpdate(document, readFileSync(file)) } : {}),
});
await server.listen();
console.log('READY');
process.on('SIGTERM', () => process.exit(0));
