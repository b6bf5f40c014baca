import { Module } from '@nestjs/common';
import { DomainEventsModule } from '../common/events/domain-events.module';
import { IdentityModule } from '../identity/identity.module';
import { CollabGateway } from './collab.gateway';
import { CollabAccess } from './collab-access';
import { CollabAuth } from './collab-auth';
import { CollabConnections } from './collab-connections';
import { CollabDocuments } from './collab-documents';
import { CollabEvents } from './collab-events';
import { CollabHealth } from './collab-health';
import { DocAccessRegistry } from './doc-access-registry';
import { DocRegistry } from './doc-registry';
import { CollabFanout } from './fanout/collab-fanout';
import { CollabStore } from './persistence/collab-store';
import { UpdateWriter } from './persistence/update-writer';

/**
 * Realtime documents: the y-websocket endpoint at /collab/<name>, their registry, persistence and
 * fan-out. Feature modules register access resolvers (DocAccessRegistry), create and read documents
 * (CollabDocuments), and revoke access (CollabAccess); side effects listen to the `document.*` domain events that
 * CollabEvents emits.
 */
@Module({
  imports: [DomainEventsModule, IdentityModule],
  providers: [
    CollabAccess,
    CollabAuth,
    CollabConnections,
    CollabDocuments,
    CollabEvents,
    CollabFanout,
    CollabGateway,
    CollabHealth,
    CollabStore,
    DocAccessRegistry,
    DocRegistry,
    UpdateWriter,
  ],
  exports: [CollabAccess, CollabDocuments, CollabHealth, DocAccessRegistry],
})
export class CollabModule {}
