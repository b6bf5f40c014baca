import { Global, Module } from '@nestjs/common';
import { AccessEvents } from './access-events';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { SessionService } from './session.service';

@Global()
@Module({
  controllers: [AuthController],
  providers: [AccessEvents, AuthService, SessionService, LoginRateLimiter],
  exports: [AccessEvents, AuthService, SessionService],
})
export class AuthModule {}
