import { Injectable } from '@nestjs/common';
import { checkPasswordPolicy, ORG_KIND_LABELS, requiredOrgKind, Role, ROLE_LABELS } from '@app/domain';
import { DuplicateError, OrganisationsRepository, SecurityAuditRepository, UsersRepository } from '@app/persistence';
import { ApiError, ErrorDetail } from '../../../common/api-error';
import { Caller } from '../../../common/caller';
import { PasswordHasher } from '../../../auth/password-hasher';

export interface CreateUserCommand {
  username: string;
  password: string;
  role: Role;
  orgId: string | null;
  email?: string | null;
  caller: Caller;
  requestId: string | null;
}

export interface CreatedUser {
  id: string;
  username: string;
  role: Role;
  orgId: string | null;
  email: string | null;
}

/** POST /api/users (admin): password policy, the organisation matching the role, unique username. */
@Injectable()
export class CreateUserUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly orgs: OrganisationsRepository,
    private readonly audit: SecurityAuditRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(cmd: CreateUserCommand): Promise<CreatedUser> {
    const problems: ErrorDetail[] = checkPasswordPolicy(cmd.password).map((v) => ({
      path: 'password',
      rule: v.rule,
      message: v.message,
    }));
    const kind = requiredOrgKind(cmd.role);
    if (kind && !cmd.orgId) {
      problems.push({ path: 'orgId', rule: 'user.orgRequired', message: `${ROLE_LABELS[cmd.role]}必须属于一个${ORG_KIND_LABELS[kind]}` });
    } else if (cmd.orgId) {
      const org = await this.orgs.findById(cmd.orgId);
      if (!org) {
        problems.push({ path: 'orgId', rule: 'user.orgExists', message: '所属单位不存在' });
      } else if (kind && org.kind !== kind) {
        problems.push({ path: 'orgId', rule: 'user.orgKind', message: `${ROLE_LABELS[cmd.role]}必须属于${ORG_KIND_LABELS[kind]}，而该单位是${ORG_KIND_LABELS[org.kind]}` });
      }
    }
    if (problems.length) throw ApiError.validation(problems);

    try {
      const user = await this.users.create({
        username: cmd.username,
        passwordHash: await this.hasher.hash(cmd.password),
        role: cmd.role,
        orgId: cmd.orgId,
        email: cmd.email ?? null,
      });
      await this.audit.append({
        event: 'USER_CREATED',
        userId: cmd.caller.id,
        username: cmd.caller.username,
        requestId: cmd.requestId,
        details: { createdUserId: user.id, createdUsername: user.username, role: user.role, orgId: user.orgId },
      });
      return { id: user.id, username: user.username, role: user.role, orgId: user.orgId, email: user.email ?? null };
    } catch (err) {
      if (err instanceof DuplicateError) throw ApiError.conflict(`用户名“${cmd.username}”已被使用`);
      throw err;
    }
  }
}
