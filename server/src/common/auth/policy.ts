import { type Action, can, type Subject, type Target } from '@affluents/contracts';
import { forbidden } from '../errors/app-error';

/** Throws 403 unless the shared policy allows `action` (for checks that need the request body). */
export function assertCan(subject: Subject, action: Action, target: Target = {}): void {
  if (!can(subject, action, target)) throw forbidden();
}
