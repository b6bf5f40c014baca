import type { ServerEvents } from '@affluents/contracts';
import { forbidden } from '../common/errors/app-error';
import type { SocketContext } from './realtime-hub';
import type { RoomRegistry } from './room-registry';
import type { IoSocket } from './socket-data';

/** The handlers' view of one socket: its user, and room joins checked against the room authorizers. */
export function socketContext(socket: IoSocket, roomRegistry: RoomRegistry): SocketContext {
  return {
    socketId: socket.id,
    get userId() {
      return socket.data.userId;
    },
    get displayName() {
      return socket.data.displayName;
    },
    get subject() {
      return socket.data.subject;
    },
    async join(room) {
      if (!(await roomRegistry.allows(socket.data.subject, room))) {
        throw forbidden('Vous n’avez pas accès à ce salon');
      }
      await socket.join(room);
    },
    async leave(room) {
      await socket.leave(room);
    },
    toOthers<E extends keyof ServerEvents>(room: string, event: E, ...args: Parameters<ServerEvents[E]>) {
      (socket.to(room).emit as (e: E, ...a: Parameters<ServerEvents[E]>) => boolean)(event, ...args);
    },
  };
}
