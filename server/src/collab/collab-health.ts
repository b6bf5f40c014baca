import { Injectable } from '@nestjs/common';
import { CollabConnections, type CollabCounters } from './collab-connections';
import { DocRegistry } from './doc-registry';
import { UpdateWriter } from './persistence/update-writer';

/** The `collab` part of GET /api/health. */
export interface CollabHealthReport {
  /** `retrying`: some updates could not be written yet and are kept in memory. */
  persistence: 'ok' | 'retrying';
  pendingUpdates: number;
  failingDocuments: number;
  loadedDocuments: number;
  failedLoads: number;
  connections: number;
  counters: CollabCounters;
}

/** State of the realtime documents of this node, for the health endpoint. */
@Injectable()
export class CollabHealth {
  constructor(
    private readonly registry: DocRegistry,
    private readonly writer: UpdateWriter,
    private readonly connections: CollabConnections,
  ) {}

  report(): CollabHealthReport {
    const writer = this.writer.health();
    const docs = this.registry.stats();
    return {
      persistence: writer.state,
      pendingUpdates: writer.pendingUpdates,
      failingDocuments: writer.failingDocuments,
      loadedDocuments: docs.documents,
      failedLoads: docs.failedDocuments,
      connections: this.connections.size,
      counters: { ...this.connections.counters },
    };
  }
}
