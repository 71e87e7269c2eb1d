import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import { Database, DuplicateError, SecurityAuditRepository, UsersRepository } from '@app/persistence';
import { PasswordHasher } from '../../../auth/password-hasher';

/**
 * First start: when no admin exists, create one from ADMIN_USERNAME / ADMIN_PASSWORD. Runs as a
 * ready hook of the Database, after the migrations; later starts leave the admin alone (a changed
 * ADMIN_PASSWORD does not overwrite a password that was changed since).
 */
@Injectable()
export class BootstrapAdminUseCase {
  private readonly logger = new Logger(BootstrapAdminUseCase.name);

  constructor(
    db: Database,
    private readonly users: UsersRepository,
    private readonly audit: SecurityAuditRepository,
    private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    db.onReady('bootstrap-admin', () => this.execute());
  }

  async execute(): Promise<void> {
    if (await this.users.adminExists()) return;
    const { username, password } = this.config.admin;
    try {
      const admin = await this.users.create({ username, passwordHash: await this.hasher.hash(password), role: 'admin', orgId: null });
      await this.audit.append({ event: 'ADMIN_BOOTSTRAPPED', userId: admin.id, username });
      this.logger.log(`Created the first admin "${username}" from ADMIN_USERNAME / ADMIN_PASSWORD`);
    } catch (err) {
      // Another API process created it at the same moment, or a non-admin already has the name.
      if (!(err instanceof DuplicateError)) throw err;
      if (!(await this.users.adminExists())) {
        this.logger.error(`ADMIN_USERNAME "${username}" belongs to a non-admin user: no admin was created`);
      }
    }
  }
}
