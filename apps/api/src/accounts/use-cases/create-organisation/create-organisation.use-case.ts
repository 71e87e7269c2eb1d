import { Injectable } from '@nestjs/common';
import { OrgKind } from '@app/domain';
import { DuplicateError, OrganisationEntity, OrganisationsRepository, SecurityAuditRepository } from '@app/persistence';
import { ApiError } from '../../../common/api-error';
import { Caller } from '../../../common/caller';

export interface CreateOrganisationCommand {
  name: string;
  kind: OrgKind;
  parentId: string | null;
  caller: Caller;
  requestId: string | null;
}

/** POST /api/orgs (admin): a department has no parent; a unit's parent is an existing department. */
@Injectable()
export class CreateOrganisationUseCase {
  constructor(
    private readonly orgs: OrganisationsRepository,
    private readonly audit: SecurityAuditRepository,
  ) {}

  async execute(cmd: CreateOrganisationCommand): Promise<OrganisationEntity> {
    const name = cmd.name.trim();
    if (!name) throw ApiError.validation([{ path: 'name', rule: 'org.name', message: '名称不能为空' }]);
    if (cmd.kind === 'department' && cmd.parentId) {
      throw ApiError.validation([{ path: 'parentId', rule: 'org.departmentHasNoParent', message: '主管部门不能有上级单位' }]);
    }
    if (cmd.kind === 'unit') {
      if (!cmd.parentId) {
        throw ApiError.validation([{ path: 'parentId', rule: 'org.unitNeedsDepartment', message: '实施单位必须指定所属主管部门' }]);
      }
      const parent = await this.orgs.findById(cmd.parentId);
      if (!parent || parent.kind !== 'department') {
        throw ApiError.validation([{ path: 'parentId', rule: 'org.parentIsDepartment', message: '所属主管部门不存在' }]);
      }
    }
    try {
      const org = await this.orgs.create({ name, kind: cmd.kind, parentId: cmd.kind === 'unit' ? cmd.parentId : null });
      await this.audit.append({
        event: 'ORG_CREATED',
        userId: cmd.caller.id,
        username: cmd.caller.username,
        requestId: cmd.requestId,
        details: { orgId: org.id, name: org.name, kind: org.kind, parentId: org.parentId },
      });
      return org;
    } catch (err) {
      if (err instanceof DuplicateError) throw ApiError.conflict(`同一上级下已有名为“${name}”的单位`);
      throw err;
    }
  }
}
