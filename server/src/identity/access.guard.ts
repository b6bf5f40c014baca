import { can } from '@affluents/contracts';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { POLICY_RULE, type PolicyRule, PUBLIC_ROUTE, SESSION_IGNORED } from '../common/auth/decorators';
import { forbidden, unauthenticated } from '../common/errors/app-error';
import { SessionResolver } from './session-resolver';

/**
 * The global guard of every HTTP route: resolves the session cookie (SessionResolver), then requires a
 * session unless the route is @Public(), then applies the route's @Allow() rule through the shared policy.
 * The Origin of state-changing calls is checked before, by the origin-check middleware.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(SESSION_IGNORED, targets)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const token = this.sessions.tokenOf(request.headers.cookie);
    if (token) {
      const session = await this.sessions.resolve(token);
      if (session) request.auth = session;
    }
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    if (!request.auth) throw unauthenticated();
    const rule = this.reflector.getAllAndOverride<PolicyRule | undefined>(POLICY_RULE, targets);
    if (rule) {
      const groupId = rule.groupParam ? String(request.params[rule.groupParam] ?? '') : undefined;
      if (!can(request.auth.subject, rule.action, { groupId })) throw forbidden();
    }
    return true;
  }
}
