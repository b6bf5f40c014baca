import { can, type HttpRoute } from '@affluents/contracts';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { SessionService } from '../../modules/auth/session.service';
import { forbidden, unauthenticated } from '../errors/app-error';
import { HTTP_ROUTE } from '../http/route.decorator';
import { POLICY_RULE, type PolicyRule, PUBLIC_ROUTE, SESSION_IGNORED } from './decorators';

/**
 * The global guard of every HTTP route: reads the session cookie, then requires a session unless the
 * route is @Public(), then applies the route's @Allow() rule through the shared policy.
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
    const targets = [context.getHandler(), context.getClass()];
    const declared = this.reflector.get<HttpRoute | undefined>(HTTP_ROUTE, context.getHandler());
    if (declared) return this.allowDeclared(context, declared);
    if (this.reflector.getAllAndOverride<boolean>(SESSION_IGNORED, targets)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    await this.readSession(request);
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    if (!request.auth) throw unauthenticated();
    const rule = this.reflector.getAllAndOverride<PolicyRule | undefined>(POLICY_RULE, targets);
    if (rule) {
      const groupId = rule.groupParam ? String(request.params[rule.groupParam] ?? '') : undefined;
      if (!can(request.auth.subject, rule.action, { groupId })) throw forbidden();
    }
    return true;
  }

  /** The route's declared access: public, signed in, or a policy rule (packages/contracts/src/routes/). */
  private async allowDeclared(context: ExecutionContext, declared: HttpRoute): Promise<boolean> {
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
