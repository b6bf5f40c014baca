import { Global, Module } from '@nestjs/common';
import { DomainEventsModule } from '../../common/events/domain-events.module';
import { AccessEvents } from './access-events';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { SessionService } from './session.service';

@Global()
@Module({
  imports: [DomainEventsModule],
  controllers: [AuthController],
  providers: [AccessEvents, AuthService, SessionService, LoginRateLimiter],
  exports: [AccessEvents, AuthService, SessionService],
})
export class AuthModule {}
