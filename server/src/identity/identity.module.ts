import { Module } from '@nestjs/common';
import { DomainEventsModule } from '../common/events/domain-events.module';
import { AccessEvents } from './access-events';
import { SessionResolver } from './session-resolver';
import { SessionStore } from './session-store';
import { UserAccounts } from './user-accounts';
import { UserDirectory } from './user-directory';

/**
 * Who is signed in, below collab, realtime and the feature modules: the sign-in session (its store and
 * its one resolver), the accounts (identity owns the `users` table: `UserAccounts` reads and writes it,
 * `UserDirectory` is what lower layers read of it), and the AccessEvents domain event.
 * Imported by each module that uses them; the auth feature opens and ends sessions through it.
 */
@Module({
  imports: [DomainEventsModule],
  providers: [AccessEvents, SessionResolver, SessionStore, UserAccounts, UserDirectory],
  exports: [AccessEvents, SessionResolver, SessionStore, UserAccounts, UserDirectory],
})
export class IdentityModule {}
