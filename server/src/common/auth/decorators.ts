import type { Action } from '@affluents/contracts';
import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { unauthenticated } from '../errors/app-error';
import type { AuthContext } from './auth-context';

export const PUBLIC_ROUTE = 'affluents:public';
/** Marks a route reachable without signing in (the session is still read when present). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export const SESSION_IGNORED = 'affluents:session-ignored';
/**
 * Marks a public route that never reads the session, so the guard does not load it: the health check
 * must answer within a second even when a stray cookie is sent and the database is partitioned.
 */
export const IgnoreSession = () => SetMetadata(SESSION_IGNORED, true);

export const POLICY_RULE = 'affluents:policy';
export interface PolicyRule {
  action: Action;
  /** Name of the route parameter holding the group id, for group-scoped actions. */
  groupParam?: string;
}
/** Requires the policy to allow `action`, on the group named by a route parameter if given. */
export const Allow = (action: Action, options: { groupParam?: string } = {}) =>
  SetMetadata(POLICY_RULE, { action, ...options } satisfies PolicyRule);

/** Injects the AuthContext of the signed-in user (the route must not be public). */
export const Auth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = ctx.switchToHttp().getRequest<Request>().auth;
  if (!auth) throw unauthenticated();
  return auth;
});

/** Injects the AuthContext when signed in, or null (for public routes). */
export const OptionalAuth = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthContext | null =>
    ctx.switchToHttp().getRequest<Request>().auth ?? null,
);
