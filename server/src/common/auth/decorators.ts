import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { unauthenticated } from '../errors/app-error';
import type { AuthContext } from './auth-context';

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
