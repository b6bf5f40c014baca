import type { HttpRoute } from '@affluents/contracts';
import {
  type ArgumentMetadata,
  applyDecorators,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Put,
  SetMetadata,
  StandardSchemaValidationPipe,
  UsePipes,
} from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { z } from 'zod';
import { validationFailed } from '../validation/validation';

/** Metadata key of the `HttpRoute` a controller method is bound to (read by the guard and the route test). */
export const HTTP_ROUTE = 'affluents:http-route';

const methods = { get: Get, post: Post, put: Put, patch: Patch, delete: Delete };

/** The schema that checks one argument: the whole declared object, or the named field of it. */
export function declaredSchema(
  declaration: HttpRoute,
  type: ArgumentMetadata['type'],
  field: string | undefined,
): z.ZodType | undefined {
  const schema =
    type === 'body'
      ? declaration.body
      : type === 'query'
        ? declaration.query
        : type === 'param'
          ? declaration.params
          : undefined;
  if (!schema || field === undefined) return schema;
  return (schema as z.ZodObject).shape?.[field] as z.ZodType | undefined;
}

/**
 * Checks each `@Body()`, `@Query()` and `@Param()` of one route against the route's declared schemas
 * (400 `validation_failed` with the French message of each field, as everywhere).
 */
class RouteValidationPipe extends StandardSchemaValidationPipe {
  constructor(private readonly declaration: HttpRoute) {
    super({ transform: true, exceptionFactory: validationFailed });
  }

  override async transform<T>(value: T, metadata: ArgumentMetadata): Promise<T> {
    if (metadata.type === 'custom') return value;
    const schema = declaredSchema(this.declaration, metadata.type, metadata.data);
    if (!schema) {
      // The route test checks every bound argument statically; this only guards a route it missed.
      throw new Error(
        `${this.declaration.method} ${this.declaration.path}: no ${metadata.type} schema declared for ${metadata.data ?? `the whole ${metadata.type}`}`,
      );
    }
    return super.transform(value, { ...metadata, schema: schema as StandardSchemaV1 });
  }
}

/**
 * Binds a controller method to its declaration in `packages/contracts/src/routes/`: the method and path,
 * the success status, who may call it (read by `AccessGuard`), and the validation of its arguments.
 * Controllers carry `@Controller()` without a prefix: the declaration holds the whole path.
 */
export function Route(declaration: HttpRoute): MethodDecorator {
  if (!declaration.path.startsWith('/api/')) throw new Error(`${declaration.path}: not under /api/`);
  return applyDecorators(
    // The global prefix `api` is added by Nest (app.factory.ts).
    methods[declaration.method](declaration.path.slice('/api/'.length)),
    HttpCode(declaration.status ?? 200),
    SetMetadata(HTTP_ROUTE, declaration),
    UsePipes(new RouteValidationPipe(declaration)),
  );
}
