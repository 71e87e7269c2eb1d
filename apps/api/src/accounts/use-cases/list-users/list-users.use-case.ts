import { Injectable } from '@nestjs/common';
import { toShanghaiIso } from '@app/domain';
import { UsersRepository } from '@app/persistence';
import type { UserListItem } from '../../dto/user.dto';

/** GET /api/users (admin; the role guard refuses everyone else): every account, without secrets. */
@Injectable()
export class ListUsersUseCase {
  constructor(private readonly users: UsersRepository) {}

  async execute(): Promise<UserListItem[]> {
    const rows = await this.users.list();
    // Fields are picked one by one: nothing the repository might add later (a hash, lockout data) leaks.
    return rows.map((u) => ({ id: u.id, username: u.username, role: u.role, orgId: u.orgId, email: u.email ?? null, createdAt: toShanghaiIso(u.createdAt) }));
  }
}
