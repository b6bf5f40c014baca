import {
  type CurrentUser,
  LoginRequest,
  PasswordResetConfirm,
  PasswordResetRequest,
  UpdateMyProfile,
} from '@affluents/contracts';
import { Body, Controller, Get, HttpCode, Inject, Patch, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthContext } from '../../common/auth/auth-context';
import { Auth, OptionalAuth, Public } from '../../common/auth/decorators';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { clearSessionCookie, setSessionCookie } from '../../identity/session-cookie';
import { SessionStore } from '../../identity/session-store';
import { AuthService } from './auth.service';
import { KNOWN_DEVICE_COOKIE, setKnownDeviceCookie } from './known-device';

@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body({ schema: LoginRequest }) body: LoginRequest,
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

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(
    @OptionalAuth() auth: AuthContext | null,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    if (auth) await this.sessions.end(auth.user.id, auth.sessionId);
    clearSessionCookie(response, this.config);
  }

  @Get('me')
  me(@Auth() auth: AuthContext): Promise<CurrentUser> {
    return this.auth.me(auth.user.id, auth.subject);
  }

  @Patch('me')
  updateMe(@Auth() auth: AuthContext, @Body({ schema: UpdateMyProfile }) body: UpdateMyProfile) {
    return this.auth.updateProfile(auth.user.id, body);
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  requestReset(
    @Body({ schema: PasswordResetRequest }) body: PasswordResetRequest,
    @Req() request: Request,
  ): void {
    this.auth.requestPasswordReset(body.email, request.ip ?? 'unknown');
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  async confirmReset(
    @Body({ schema: PasswordResetConfirm }) body: PasswordResetConfirm,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const knownDevice = await this.auth.confirmPasswordReset(body, request.cookies?.[KNOWN_DEVICE_COOKIE]);
    setKnownDeviceCookie(response, this.config, knownDevice);
  }
}
