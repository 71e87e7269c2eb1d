import { Injectable } from '@nestjs/common';
import type { OrgKind } from '@app/domain';
import { Database } from '../database.service';
import { OrganisationEntity } from '../entities/organisation.entity';
import { DuplicateError, pgErrorCode, UNIQUE_VIOLATION } from './pg-errors';

export interface OrganisationRecord {
  id: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
}

/** Which organisations a caller sees: all (admin), a department and its units, a unit and its department. */
export type OrganisationScope = { kind: 'all' } | { kind: 'department'; orgId: string } | { kind: 'unit'; orgId: string };

@Injectable()
export class OrganisationsRepository {
  constructor(private readonly db: Database) {}

  findById(id: string): Promise<OrganisationEntity | null> {
    return this.db.source.getRepository(OrganisationEntity).findOneBy({ id });
  }

  /**
   * The organisations a caller may see, departments first, then by name: every one (null scope), or
   * a department and its units (reviewer), or a unit and its department (unit user). Names sort by
   * code point (COLLATE "C"), the same on every server whatever its locale.
   */
  async listVisible(scope: OrganisationScope): Promise<OrganisationRecord[]> {
    const ids = scope.kind === 'all' ? null : [scope.orgId];
    const rows: OrganisationRecord[] = await this.db.source.query(
      `SELECT o.id, o.name, o.kind, o.parent_id AS "parentId" FROM organisations o
        WHERE $1::uuid[] IS NULL
           OR o.id = ANY($1::uuid[])
           OR ($2 AND o.parent_id = ANY($1::uuid[]))
           OR ($3 AND o.id IN (SELECT p.parent_id FROM organisations p WHERE p.id = ANY($1::uuid[])))
        ORDER BY o.kind <> 'department', o.name COLLATE "C", o.id`,
      [ids, scope.kind === 'department', scope.kind === 'unit'],
    );
    return rows;
  }

  /** Inserts an organisation; DuplicateError('name') when a sibling has the same name. */
  async create(org: { name: string; kind: OrgKind; parentId: string | null }): Promise<OrganisationEntity> {
    try {
      const repo = this.db.source.getRepository(OrganisationEntity);
      return await repo.save(repo.create(org));
    } catch (err) {
      if (pgErrorCode(err) === UNIQUE_VIOLATION) throw new DuplicateError('name');
      throw err;
    }
  }
}
