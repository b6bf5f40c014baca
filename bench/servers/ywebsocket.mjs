/**
 * The reference y-websocket server (@y/websocket-server 0.1.1, the last for Yjs 13), in memory, as its
 * own bin does it: a ws server handing each connection to setupWSConnection. With LOAD_FILE, every
 * document is filled from that file (an encoded Yjs state) when it is first opened, through the
 * library's persistence hook: the "cold" load of the loading scenario. Documents then unload when
 * their last connection closes (the library does so whenever a persistence is set).
 *   PORT=1234 [LOAD_FILE=state.bin] node servers/ywebsocket.mjs
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { setPersistence, setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';

const file = process.env.LOAD_FILE;
if (file) {
  setPersistence({
    provider: null,
    bindState: (_name, doc) => Y.applyUpdate(doc, readFileSync(file)),
    writeState: async () => {},
  });
}

const server = http.createServer((_req, res) => res.writeHead(200).end('ok'));
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);
server.on('upgrade', (req, socket, head) =>
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)),
);
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('READY'));
process.on('SIGTERM', () => process.exit(0));
