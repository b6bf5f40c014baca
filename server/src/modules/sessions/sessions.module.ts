import { Global, Module } from '@nestjs/common';
import { SessionAccess } from './session-access';

/** Sessions of a group: planning, rotation, invitations, guests, answers (core; built next). */
@Global()
@Module({
  providers: [SessionAccess],
  exports: [SessionAccess],
})
export class SessionsModule {}
