import type { FieldError } from '@affluents/contracts';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { badRequest } from '../errors/app-error';

/** Maps Standard Schema (zod) issues to the shared field-error list. */
export function toFieldErrors(issues: readonly StandardSchemaV1.Issue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const path = (issue.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p)));
    // zod reports unknown fields as one issue on the parent object: report each field by name.
    const unknownKeys = (issue as { code?: string; keys?: string[] }).code === 'unrecognized_keys';
    if (unknownKeys) {
      return ((issue as { keys?: string[] }).keys ?? []).map((key) => ({
        path: [...path, key].join('.'),
        message: 'Champ inconnu',
      }));
    }
    return [{ path: path.join('.'), message: issue.message }];
  });
}

/** The 400 of a request whose body, query or parameters fail their schema. */
export const validationFailed = (issues: readonly StandardSchemaV1.Issue[]) =>
  badRequest('Certains champs sont invalides', toFieldErrors(issues));
