import { Email, NewPassword } from '@affluents/contracts';
import { z } from 'zod';

const AdminInput = z.object({
  ADMIN_EMAIL: Email,
  ADMIN_PASSWORD: NewPassword,
  ADMIN_NAME: z.string().trim().min(1).default('Administration'),
});

/** What `npm run create-admin` reads from the environment (ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_NAME). */
export interface AdminInput {
  email: string;
  password: string;
  name: string;
}

/** The administrator to create, or the French reasons the environment does not describe one. */
export function loadAdminInput(
  source: NodeJS.ProcessEnv = process.env,
): { ok: true; input: AdminInput } | { ok: false; errors: string[] } {
  const parsed = AdminInput.safeParse(source);
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password, ADMIN_NAME: name } = parsed.data;
  return { ok: true, input: { email, password, name } };
}
