import { Module } from '@nestjs/common';
import { IdentityModule } from '../../identity/identity.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordLinks } from './password-links';

/** Signing in and out, the profile and password resets, on the session store of the identity layer. */
@Module({
  imports: [IdentityModule, OrganisationsModule],
  controllers: [AuthController],
  providers: [AuthService, LoginRateLimiter, PasswordLinks],
  exports: [AuthService, PasswordLinks],
})
export class AuthModule {}
