import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { UserEntity } from './user.entity';

/** What may change on an account. */
export type AccountChanges = Partial<
  Pick<
    UserEntity,
    'displayName' | 'jobTitle' | 'passwordHash' | 'platformRole' | 'organisationId' | 'disabledAt'
  >
>;

/** A new account as its creator gives it. */
export type NewAccount = Pick<UserEntity, 'email' | 'displayName' | 'passwordHash'> &
  Partial<Pick<UserEntity, 'jobTitle' | 'platformRole' | 'organisationId'>>;

/**
 * Creates an account unless one has this email already (then null): the id of the new account. For
 * callers without the injected `UserAccounts` (repository functions given the caller's transaction).
 */
export async function insertAccountIfNew(
  db: Pick<EntityManager, 'query'>,
  account: { email: string; displayName: string; passwordHash: string },
): Promise<string | null> {
  const [created]: Array<{ id: string }> = await db.query(
    `INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3)
     ON CONFLICT (email) DO NOTHING RETURNING id`,
    [account.email, account.displayName, account.passwordHash],
  );
  return created?.id ?? null;
}

/**
 * The accounts (the `users` table, identity's): every read and write of that table by the auth feature,
 * the accounts administration, invitations, the seeder and the command line goes through here. Other
 * modules read the `user_cards` view or `UserDirectory`. `db`: the caller's transaction, if any.
 */
@Injectable()
export class UserAccounts {
  constructor(private readonly dataSource: DataSource) {}

  /** The account with this id, or null. */
  findById(id: string, db: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return db.getRepository(UserEntity).findOneBy({ id });
  }

  /** The account with this id; throws when there is none (the caller knows it exists). */
  getById(id: string, db: EntityManager = this.dataSource.manager): Promise<UserEntity> {
    return db.getRepository(UserEntity).findOneByOrFail({ id });
  }

  /** The account with this email, or null. */
  findByEmail(email: string, db: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return db.getRepository(UserEntity).findOneBy({ email });
  }

  /** Whether an account has this email. */
  existsWithEmail(email: string): Promise<boolean> {
    return this.dataSource.getRepository(UserEntity).existsBy({ email });
  }

  /** The account with this email with its password hash (signing in), or null. */
  findWithPasswordHash(email: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
  }

  /** The enabled account with this email, its row locked until the end of the caller's transaction. */
  lockEnabledByEmail(manager: EntityManager, email: string): Promise<UserEntity | null> {
    return manager
      .getRepository(UserEntity)
      .findOne({ where: { email, disabledAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  /** The organisation of a user, or null when they have none (or do not exist). */
  async organisationOf(userId: string): Promise<string | null> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOne({ select: { id: true, organisationId: true }, where: { id: userId } });
    return user?.organisationId ?? null;
  }

  /** Accounts by name, optionally matching a name or email fragment, at most `limit`. */
  search(fragment: string | undefined, limit: number): Promise<UserEntity[]> {
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .orderBy('lower(u.display_name)');
    if (fragment) {
      qb.where('(u.display_name ILIKE :q OR u.email ILIKE :q)', {
        q: `%${fragment.replace(/[%_\\]/g, '\\$&')}%`,
      });
    }
    return qb.limit(limit).getMany();
  }

  /** The number of accounts. */
  count(): Promise<number> {
    return this.dataSource.getRepository(UserEntity).count();
  }

  /** Creates an account: the stored account. */
  create(account: NewAccount, db: EntityManager = this.dataSource.manager): Promise<UserEntity> {
    return db.getRepository(UserEntity).save({
      jobTitle: null,
      platformRole: null,
      organisationId: null,
      ...account,
      disabledAt: null,
    });
  }

  /** Creates an account unless one has this email already (then null): the id of the new account. */
  createIfNew(
    account: { email: string; displayName: string; passwordHash: string },
    db: EntityManager = this.dataSource.manager,
  ): Promise<string | null> {
    return insertAccountIfNew(db, account);
  }

  /** Changes an account (`changes` names at least one field). */
  async update(
    id: string,
    changes: AccountChanges,
    db: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await db.getRepository(UserEntity).update({ id }, changes);
  }

  /**
   * Makes the account with this email an enabled administrator with this password, creating it (with this
   * name) if there is none.
   */
  async makeAdmin(admin: { email: string; displayName: string; passwordHash: string }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO users (email, display_name, password_hash, platform_role) VALUES ($1, $2, $3, 'admin')
       ON CONFLICT (email) DO UPDATE SET platform_role = 'admin', password_hash = EXCLUDED.password_hash,
         disabled_at = NULL`,
      [admin.email, admin.displayName, admin.passwordHash],
    );
  }
}
