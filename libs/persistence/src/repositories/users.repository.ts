import { Injectable } from '@nestjs/common';
import { afterFailedLogin, Role } from '@app/domain';
import { Database } from '../database.service';
import { UserEntity } from '../entities/user.entity';
import { DuplicateError, pgErrorCode, UNIQUE_VIOLATION } from './pg-errors';

export interface LoginCandidate {
  id: string;
  username: string;
  role: Role;
  orgId: string | null;
  passwordHash: string;
  failedLoginCount: number;
  lockedUntil: Date | null;
}

export interface CallerRecord {
  id: string;
  username: string;
  role: Role;
  orgId: string | null;
  /** The department the caller works in or under: a reviewer's own, a unit user's parent; null for admins. */
  departmentId: string | null;
  unitIds: string[];
}

/** A user as the admins' list shows it: no password hash, no lockout state. */
export interface UserListRecord {
  id: string;
  username: string;
  role: Role;
  orgId: string | null;
  email: string | null;
  createdAt: Date;
}

export interface NewUser {
  username: string;
  passwordHash: string;
  role: Role;
  orgId: string | null;
  email?: string | null;
}

@Injectable()
export class UsersRepository {
  constructor(private readonly db: Database) {}

  /** Usernames are case-insensitive. Includes the password hash: for the login use case only. */
  async findForLogin(username: string): Promise<LoginCandidate | null> {
    const rows: LoginCandidate[] = await this.db.source.query(
      `SELECT id, username, role, org_id AS "orgId", password_hash AS "passwordHash",
              failed_login_count AS "failedLoginCount", locked_until AS "lockedUntil"
         FROM users WHERE lower(username) = lower($1)`,
      [username],
    );
    return rows[0] ?? null;
  }

  /**
   * Counts one failed login under a row lock (concurrent attempts cannot lose a count) and applies
   * the domain's lockout rule.
   */
  recordFailedLogin(id: string, now: Date): Promise<ReturnType<typeof afterFailedLogin>> {
    return this.db.source.transaction(async (m) => {
      const [row]: { failures: number; lockedUntil: Date | null }[] = await m.query(
        `SELECT failed_login_count AS failures, locked_until AS "lockedUntil" FROM users WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const next = afterFailedLogin(row.failures, row.lockedUntil, now);
      await m.query(
        `UPDATE users SET failed_login_count = $2, locked_until = $3, updated_at = now() WHERE id = $1`,
        [id, next.failures, next.lockedUntil],
      );
      return next;
    });
  }

  async recordSuccessfulLogin(id: string): Promise<void> {
    await this.db.source.query(
      `UPDATE users SET failed_login_count = 0, locked_until = NULL, updated_at = now()
        WHERE id = $1 AND (failed_login_count <> 0 OR locked_until IS NOT NULL)`,
      [id],
    );
  }

  /** The caller of a request, with the units in its scope, in one query. */
  async findCaller(id: string): Promise<CallerRecord | null> {
    const rows: CallerRecord[] = await this.db.source.query(
      `SELECT u.id, u.username, u.role, u.org_id AS "orgId",
              CASE u.role WHEN 'reviewer' THEN u.org_id
                          WHEN 'unit' THEN (SELECT o.parent_id FROM organisations o WHERE o.id = u.org_id)
                          END AS "departmentId",
              CASE u.role
                WHEN 'unit' THEN ARRAY[u.org_id]
                WHEN 'reviewer' THEN ARRAY(SELECT o.id FROM organisations o WHERE o.parent_id = u.org_id ORDER BY o.id)
                ELSE ARRAY[]::uuid[] END AS "unitIds"
         FROM users u WHERE u.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Every user for the admins' list, by username; never the password hash or the lockout counters. */
  list(): Promise<UserListRecord[]> {
    return this.db.source.query(
      `SELECT id, username, role, org_id AS "orgId", email, created_at AS "createdAt" FROM users ORDER BY lower(username), id`,
    );
  }

  async adminExists(): Promise<boolean> {
    const rows: unknown[] = await this.db.source.query(`SELECT 1 FROM users WHERE role = 'admin' LIMIT 1`);
    return rows.length > 0;
  }

  /** Inserts a user; DuplicateError('username') when the name is taken (case-insensitively). */
  async create(user: NewUser): Promise<UserEntity> {
    try {
      const repo = this.db.source.getRepository(UserEntity);
      const saved = await repo.save(repo.create(user));
      const { passwordHash: _hash, ...rest } = saved;
      return rest as UserEntity;
    } catch (err) {
      if (pgErrorCode(err) === UNIQUE_VIOLATION) throw new DuplicateError('username');
      throw err;
    }
  }
}
