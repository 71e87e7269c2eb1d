import { Injectable } from '@nestjs/common';
import { OrganisationRecord, OrganisationScope, OrganisationsRepository } from '@app/persistence';
import type { Caller } from '../../../common/caller';

// Matches no organisation: a reviewer or unit user without one sees nothing rather than everything.
const NOTHING = '00000000-0000-0000-0000-000000000000';

/** Which organisations a caller sees (GET /api/orgs), like the forms: never more than its own part of the tree. */
export function organisationScope(caller: Caller): OrganisationScope {
  switch (caller.role) {
    case 'admin':
      return { kind: 'all' };
    case 'reviewer':
      return { kind: 'department', orgId: caller.orgId ?? NOTHING };
    case 'unit':
      return { kind: 'unit', orgId: caller.orgId ?? NOTHING };
  }
}

/**
 * GET /api/orgs: an admin sees every organisation; a reviewer its department and the units under it;
 * a unit user its unit and that unit's department. Departments first, then by name.
 */
@Injectable()
export class ListOrganisationsUseCase {
  constructor(private readonly orgs: OrganisationsRepository) {}

  execute(caller: Caller): Promise<OrganisationRecord[]> {
    return this.orgs.listVisible(organisationScope(caller));
  }
}
