import { Injectable } from '@nestjs/common';
import type { CollabConnection } from './protocol/collab-connection';

/** Counters of refused and closed document connections, shown by GET /api/health. */
export interface CollabCounters {
  refusedUpgrades: number;
  malformedFrames: number;
  tooLarge: number;
  readerUpdatesDropped: number;
  /** Writers' updates dropped because they depended on changes the server never received. */
  unresolvedUpdatesDropped: number;
  accessRevoked: number;
}

/** The open document connections of this node, by user, and the counters of what went wrong. */
@Injectable()
export class CollabConnections {
  private readonly all = new Set<CollabConnection>();
  readonly counters: CollabCounters = {
    refusedUpgrades: 0,
    malformedFrames: 0,
    tooLarge: 0,
    readerUpdatesDropped: 0,
    unresolvedUpdatesDropped: 0,
    accessRevoked: 0,
  };

  add(connection: CollabConnection): void {
    this.all.add(connection);
  }

  delete(connection: CollabConnection): void {
    this.all.delete(connection);
  }

  /** Every open connection. */
  list(): CollabConnection[] {
    return [...this.all];
  }

  /** The open connections of one user. */
  ofUser(userId: string): CollabConnection[] {
    return this.list().filter((c) => c.userId === userId);
  }

  get size(): number {
    return this.all.size;
  }
}
