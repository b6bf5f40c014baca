import {
  type CurrentUser,
  LoginRequest,
  PasswordResetConfirm,
  PasswordResetRequest,
  routes,
  UpdateMyProfile,
} from '@affluents/contracts';
import { Body, Controller, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth, OptionalAuth } from '../../common/auth/decorators';
import { Route } from '../../common/http/route.decorator';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { clearSessionCookie, setSessionCookie } from '../../identity/session-cookie';
import { SessionStore } from '../../identity/session-store';
import { AuthService } from './auth.service';
import { KNOWN_DEVICE_COOKIE, setKnownDeviceCookie } from './known-device';

const r = routes.auth;

@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Route(r.login)
  async login(
    @Body() body: LoginRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CurrentUser> {
    const { user, token, knownDevice } = await this.auth.login(body, {
      ip: request.ip ?? 'unknown',
      userAgent: request.get('user-agent'),
      knownDevice: request.cookies?.[KNOWN_DEVICE_COOKIE],
    });
    setSessionCookie(response, this.config, token);
    setKnownDeviceCookie(response, this.config, knownDevice);
    return user;
  }

  @Route(r.logout)
  async logout(
    @OptionalAuth() auth: AuthContext | null,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    if (auth) await this.sessions.end(auth.user.id, auth.sessionId);
    clearSessionCookie(response, this.config);
  }

  @Route(r.me)
  me(@Auth() auth: AuthContext): Promise<CurrentUser> {
    return this.auth.me(auth.user.id, auth.subject);
  }

  @Route(r.updateMe)
  updateMe(@Auth() auth: AuthContext, @Body() body: UpdateMyProfile) {
    return this.auth.updateProfile(auth.user.id, body);
  }

  @Route(r.requestReset)
  requestReset(@Body() body: PasswordResetRequest, @Req() request: Request): void {
    this.auth.requestPasswordReset(body.email, request.ip ?? 'unknown');
  }

  @Route(r.confirmReset)
  async confirmReset(
    @Body() body: PasswordResetConfirm,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const knownDevice = await this.auth.confirmPasswordReset(body, request.cookies?.[KNOWN_DEVICE_COOKIE]);
    setKnownDeviceCookie(response, this.config, knownDevice);
  }
}
