import { Injectable } from '@nestjs/common';
import type { OrgKind } from '@app/domain';
import { Database } from '../database.service';
import { OrganisationEntity } from '../entities/organisation.entity';
import { DuplicateError, pgErrorCode, UNIQUE_VIOLATION } from './pg-errors';

@Injectable()
export class OrganisationsRepository {
  constructor(private readonly db: Database) {}

  findById(id: string): Promise<OrganisationEntity | null> {
    return this.db.source.getRepository(OrganisationEntity).findOneBy({ id });
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
