import type { Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';
import type { RoomAuthorizer } from './realtime-hub';

/**
 * Who may be in which room, by room prefix (`group`, `thread`, `fiche`...): domain modules register an
 * authorizer per prefix, so the Socket.IO layer holds no domain rule. A room with no authorizer is refused.
 * `user:<id>` is the user's own room; `presence:<scope>` follows the authorizer of the scope's kind.
 */
@Injectable()
export class RoomRegistry {
  private readonly authorizers = new Map<string, RoomAuthorizer>();

  /** Registers the authorizer of a prefix; a prefix has exactly one. */
  register(prefix: string, authorizer: RoomAuthorizer): void {
    if (!/^[a-z][a-z0-9-]*$/.test(prefix) || prefix === 'user' || prefix === 'presence') {
      throw new Error(`invalid room prefix ${prefix}`);
    }
    if (this.authorizers.has(prefix)) throw new Error(`room prefix ${prefix} already registered`);
    this.authorizers.set(prefix, authorizer);
  }

  /** Whether `subject` may be in `room`. */
  async allows(subject: Subject, room: string): Promise<boolean> {
    if (room.startsWith('presence:')) return this.allows(subject, room.slice('presence:'.length));
    const colon = room.indexOf(':');
    if (colon <= 0) return false;
    const prefix = room.slice(0, colon);
    const id = room.slice(colon + 1);
    if (prefix === 'user') return id === subject.userId;
    const authorizer = this.authorizers.get(prefix);
    if (!authorizer) return false;
    return authorizer(subject, id);
  }
}
