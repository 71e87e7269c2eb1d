/** Roles of Jixiao users (API.md): 系统管理员, 主管部门审核人员, 实施单位填报人员. */
export const ROLES = ['admin', 'reviewer', 'unit'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  reviewer: '主管部门审核人员',
  unit: '实施单位填报人员',
};

/** Organisation kinds: 主管部门 (department) and 实施单位 (unit); a unit's parent is its department. */
export const ORG_KINDS = ['department', 'unit'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  department: '主管部门',
  unit: '实施单位',
};

/** Which kind of organisation a user of each role must belong to (admins belong to none or any). */
export function requiredOrgKind(role: Role): OrgKind | null {
  switch (role) {
    case 'admin':
      return null;
    case 'reviewer':
      return 'department';
    case 'unit':
      return 'unit';
  }
}
