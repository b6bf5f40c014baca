import 'reflect-metadata';
import { hashPassword } from '../common/auth/password-hasher';
import { loadAdminInput } from '../config/admin-input';
import { ConfigError, loadConfig } from '../config/app-config';
import { UserAccounts } from '../identity/user-accounts';
import { openDatabase } from '../infra/database/database.service';

/**
 * `npm run create-admin` with ADMIN_EMAIL, ADMIN_PASSWORD (and optionally ADMIN_NAME) in the environment:
 * creates the first administrator of a production deployment, or makes an existing account admin.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const admin = loadAdminInput();
  if (!admin.ok) {
    console.error(admin.errors.join('\n'));
    process.exit(1);
  }
  const { email, password, name } = admin.input;
  const database = await openDatabase(config.database);
  try {
    const passwordHash = await hashPassword(password);
    await new UserAccounts(database.dataSource).makeAdmin({ email, displayName: name, passwordHash });
    console.log(`Administrateur prêt : ${email}`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
