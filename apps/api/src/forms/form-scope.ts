import type { LifecycleActor } from '@app/domain';
import type { FormScope } from '@app/persistence';
import type { Caller } from '../common/caller';

const NOTHING = '00000000-0000-0000-0000-000000000000';

/** The forms a caller may see: a unit user its unit's, a reviewer its department's, an admin all. */
export function formScope(caller: Caller): FormScope {
  switch (caller.role) {
    case 'admin':
      return { kind: 'all' };
    case 'reviewer':
      return { kind: 'department', id: caller.departmentId ?? NOTHING };
    case 'unit':
      return { kind: 'unit', id: caller.orgId ?? NOTHING };
  }
}

/** The caller as the lifecycle machine sees it. */
export function lifecycleActor(caller: Caller): LifecycleActor {
  return { userId: caller.id, role: caller.role, orgId: caller.orgId };
}
