import { can, type HttpRoute } from '@affluents/contracts';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { forbidden, unauthenticated } from '../common/errors/app-error';
import { HTTP_ROUTE } from '../common/http/route.decorator';
import { SessionResolver } from './session-resolver';

/**
 * The global guard of every HTTP route: resolves the session cookie (SessionResolver), then applies the
 * access its route declares in packages/contracts/src/routes/ (bound by `@Route`): public, signed in, or
 * a policy rule checked with the shared `can()`. A handler bound to no declaration is refused (the
 * route-list test makes sure there is none). The Origin of state-changing calls is checked before, by the
 * origin-check middleware.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const declared = this.reflector.get<HttpRoute | undefined>(HTTP_ROUTE, context.getHandler());
    if (!declared) throw forbidden();
    if (declared.ignoresSession) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const token = this.sessions.tokenOf(request.headers.cookie);
    if (token) {
      const session = await this.sessions.resolve(token);
      if (session) request.auth = session;
    }
    if (declared.access === 'public') return true;
    if (!request.auth) throw unauthenticated();
    if (declared.access !== 'signed-in') {
      const { allow, groupParam } = declared.access;
      const groupId = groupParam ? String(request.params[groupParam] ?? '') : undefined;
      if (!can(request.auth.subject, allow, { groupId })) throw forbidden();
    }
    return true;
  }
}
