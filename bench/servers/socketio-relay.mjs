/**
 * The chat reference of issue 6: a bare Socket.IO relay (socket.io 4.8.3), in memory. Each client joins
 * the room named in its handshake query (`?room=`) and every `msg` it sends is re-emitted to that whole
 * room; no storage, no authentication, no authorisation. It acknowledges each `msg` as Affluents
 * acknowledges `message:send`, so both are driven by the same client code (bench/load/chat-load.mjs).
 * Prints READY once listening on PORT (127.0.0.1).
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT);
const httpServer = createServer();
const io = new Server(httpServer, { path: '/socket.io/', transports: ['websocket'], serveClient: false });

io.on('connection', (socket) => {
  const room = String(socket.handshake.query.room ?? 'lobby');
  socket.join(room);
  socket.on('msg', (payload, ack) => {
    io.to(room).emit('msg', payload);
    if (typeof ack === 'function') ack({ ok: true });
  });
});

httpServer.listen(port, '127.0.0.1', () => console.log('READY'));
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => io.close(() => process.exit(0)));
