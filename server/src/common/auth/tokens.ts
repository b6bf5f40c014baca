import { createHash, randomBytes } from 'node:crypto';

/** A random URL-safe secret (sessions, invitations, password resets). 32 bytes = 256 bits. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash is stored, so a database leak gives no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
