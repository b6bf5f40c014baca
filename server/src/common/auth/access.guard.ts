import { can, type HttpRoute } from '@affluents/contracts';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { SessionService } from '../../modules/auth/session.service';
import { forbidden, unauthenticated } from '../errors/app-error';
import { HTTP_ROUTE } from '../http/route.decorator';

/**
 * The global guard of every HTTP route: reads the session cookie, then applies the access its route
 * declares in packages/contracts/src/routes/ (bound by `@Route`): public, signed in, or a policy rule
 * checked with the shared `can()`. A handler bound to no declaration is refused (the route-list test
 * makes sure there is none).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const declared = this.reflector.get<HttpRoute | undefined>(HTTP_ROUTE, context.getHandler());
    if (!declared) throw forbidden();
    if (declared.ignoresSession) return true;
    const request = context.switchToHttp().getRequest<Request>();
    await this.readSession(request);
    if (declared.access === 'public') return true;
    if (!request.auth) throw unauthenticated();
    if (declared.access !== 'signed-in') {
      const { allow, groupParam } = declared.access;
      const groupId = groupParam ? String(request.params[groupParam] ?? '') : undefined;
      if (!can(request.auth.subject, allow, { groupId })) throw forbidden();
    }
    return true;
  }

  private async readSession(request: Request): Promise<void> {
    const token: unknown = request.cookies?.[this.config.session.cookieName];
    if (typeof token === 'string' && token.length > 0 && token.length < 200) {
      const session = await this.sessions.resolve(token);
      if (session) request.auth = { ...session };
    }
  }
}
